from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from netw.workpackages import DESCRIPTIONS, WorkPackage
from providers.models import Partner


def partner_list(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/partner_list.html",
                  {"partners": Partner.objects.all()})


def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = get_object_or_404(Partner, slug=slug)
    wp = WorkPackage(partner.leads_work_package) if partner.leads_work_package else None
    return render(request, "providers/partner_detail.html", {
        "partner": partner,
        "work_package": wp,
        "work_package_description": DESCRIPTIONS[wp] if wp else "",
    })
