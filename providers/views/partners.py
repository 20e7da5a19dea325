from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netw import dashboard, roles
from netw.access import get_visible_or_404
from netw.workpackages import DESCRIPTIONS, WorkPackage
from providers.models import Network, Partner, Provider, Stakeholder


def partner_list(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/partner_list.html",
                  {"partners": Partner.objects.all()})


def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = get_visible_or_404(Partner, request.user, slug=slug)
    wp = WorkPackage(partner.leads_work_package) if partner.leads_work_package else None
    user = request.user
    return render(request, "providers/partner_detail.html", {
        "partner": partner,
        "provider_count": Provider.objects.visible_to(user).registered_by(partner).count(),
        "network_count": Network.objects.visible_to(user).registered_by(partner).count(),
        "represented_networks": list(Network.objects.filter(representing_partner=partner)
                                     .only("pk", "name", "acronym")),
        "stakeholder_count": (Stakeholder.objects.visible_to(user).registered_by(partner).count()
                              if user.has_perm("providers.view_stakeholder") else None),
        "work_package": wp,
        "work_package_description": DESCRIPTIONS[wp] if wp else "",
        # The partner's dashboard, drafts included: for its own people and the coordinators.
        "partner_figures": (dashboard.partner_figures(partner)
                            if roles.is_coordinator(user) or partner.pk in roles.partner_ids(user)
                            else None),
    })
