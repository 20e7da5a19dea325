from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netw import dashboard, roles
from netw.access import get_visible_or_404, require
from netw.pagecache import cache_for_visitors
from netw.uploads import private_file_response
from netw.workpackages import DESCRIPTIONS, WorkPackage
from providers.forms import PartnerPeopleFormSet, PartnerProfileForm
from providers.models import Network, Partner, PartnerPerson, Provider, Stakeholder


@cache_for_visitors
def partner_list(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/partner_list.html",
                  {"partners": Partner.objects.all()})


@cache_for_visitors
def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = get_visible_or_404(Partner, request.user, slug=slug)
    wp = WorkPackage(partner.leads_work_package) if partner.leads_work_package else None
    user = request.user
    return render(request, "providers/partner_detail.html", {
        "partner": partner,
        "people": PartnerPerson.objects.visible_to(user).filter(partner=partner),
        "can_edit": user.has_perm("providers.change_partner", partner),
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


@login_required
def partner_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The partner's own profile and its people in the project, for its people and the
    coordinators. Both are saved together, each change in the records' history."""
    partner = get_visible_or_404(Partner, request.user, slug=slug)
    require(request.user, "providers.change_partner", partner)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = PartnerProfileForm(data, files, instance=partner, user=request.user)
    people = PartnerPeopleFormSet(data, instance=partner, prefix="people",
                                  form_kwargs={"user": request.user})
    if request.method == "POST" and form.is_valid() and people.is_valid():
        with transaction.atomic():
            form.save()
            people.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(partner)
    return render(request, "providers/partner_form.html",
                  {"partner": partner, "form": form, "people": people})


def partner_logo(request: HttpRequest, slug: str) -> HttpResponse:
    """The partner's logo: public like the partner, served with the headers of every upload."""
    partner = get_visible_or_404(Partner, request.user, slug=slug)
    if not partner.logo:
        raise Http404("No logo.")
    extension = partner.logo.name.rsplit(".", 1)[-1].lower()
    return private_file_response(partner.logo, download_name=f"{partner.slug}-logo.{extension}",
                                 inline=True)
