"""Study visits of an emerging network to an established one, and the matchmaking that
suggests them; adoptions of methodologies by providers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netw import roles
from netw.access import get_visible_or_404, require
from netw.events.ics import download_ics, ics_response
from netw.pagination import paginate
from netw.topics import TOPIC_SLUGS
from providers.models import Network

from .. import services
from ..calendar import STUDY_VISITS
from ..forms import AdoptionForm, MatchmakingProfileForm, StudyVisitForm
from ..models import MatchmakingProfile, Methodology, StudyVisit


@login_required
def studyvisit_list(request: HttpRequest) -> HttpResponse:
    visible = StudyVisit.objects.visible_to(request.user).select_related(
        "owner_partner", "visiting_network", "host_network")
    return render(request, "methodologies/studyvisit_list.html", {
        "upcoming": list(visible.upcoming()[:50]),
        "page_obj": paginate(request, visible.past()),
        "can_add": request.user.has_perm("methodologies.add_studyvisit"),
    })


@login_required
def studyvisit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visible_or_404(StudyVisit.objects.select_related(
        "owner_partner", "visiting_network", "host_network"), request.user, pk=pk)
    return render(request, "methodologies/studyvisit_detail.html", {
        "event": visit, "participants": list(visit.participants.all()),
        "can_change": request.user.has_perm("methodologies.change_studyvisit", visit),
        "can_see_link": request.user.has_perm("methodologies.view_studyvisit_link", visit),
    })


@login_required
def studyvisit_ics(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visible_or_404(StudyVisit.objects.select_related(
        "owner_partner", "visiting_network", "host_network"), request.user, pk=pk)
    event = STUDY_VISITS.event(visit, show_link=request.user.has_perm(
        "methodologies.view_studyvisit_link", visit))
    return ics_response(download_ics(event), f"study-visit-{visit.pk}.ics")


def _initial_from_suggestion(request: HttpRequest) -> dict:
    """A visit created from a matchmaking suggestion starts with its networks and topics."""
    initial = {}
    wanted = [v for v in (request.GET.get("visiting"), request.GET.get("host"))
              if v and v.isascii() and v.isdigit() and len(v) < 19]
    networks = Network.objects.visible_to(request.user).filter(pk__in=wanted)
    by_pk = {str(n.pk): n for n in networks}
    if request.GET.get("visiting") in by_pk:
        initial["visiting_network"] = by_pk[request.GET["visiting"]]
    if request.GET.get("host") in by_pk:
        initial["host_network"] = by_pk[request.GET["host"]]
    topics = [t for t in request.GET.getlist("topic") if t in TOPIC_SLUGS]
    if topics:
        initial["topics"] = topics
    if "visiting_network" in initial and "host_network" in initial:
        initial["title"] = _("Study visit of %(visiting)s to %(host)s") % {
            "visiting": initial["visiting_network"], "host": initial["host_network"]}
    return initial


@login_required
def studyvisit_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.add_studyvisit")
    form = StudyVisitForm(request.POST or None, initial=_initial_from_suggestion(request),
                          user=request.user)
    if request.method == "POST" and form.is_valid():
        visit = services.studyvisit_save(visit=form.save(commit=False), by=request.user,
                                         participants=form.cleaned_data["participants"])
        messages.success(request, _("Study visit planned; the participants have been told."))
        return redirect(visit)
    return render(request, "methodologies/studyvisit_form.html", {"form": form})


@login_required
def studyvisit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_visible_or_404(StudyVisit.objects.all(), request.user, pk=pk)
    require(request.user, "methodologies.change_studyvisit", visit)
    form = StudyVisitForm(request.POST or None, instance=visit, user=request.user)
    if request.method == "POST" and form.is_valid():
        visit = services.studyvisit_save(visit=form.save(commit=False), by=request.user,
                                         participants=form.cleaned_data["participants"])
        messages.success(request, _("Study visit saved."))
        return redirect(visit)
    return render(request, "methodologies/studyvisit_form.html", {"form": form, "event": visit})


@login_required
def matchmaking(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.view_matchmaking")
    networks = list(Network.objects.select_related("representing_partner", "wp2_profile")
                    .filter(maturity__in=["emerging", "established"]).order_by("maturity",
                                                                               "name"))
    mine = roles.partner_ids(request.user)
    rows = [{"network": n, "profile": getattr(n, "wp2_profile", None),
             "can_edit": roles.is_coordinator(request.user) or n.representing_partner_id in mine}
            for n in networks]
    return render(request, "methodologies/matchmaking.html", {
        "suggestions": services.matchmaking_suggestions(), "networks": rows,
        "can_plan": request.user.has_perm("methodologies.add_studyvisit"),
    })


@login_required
def matchmaking_profile_edit(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_visible_or_404(Network, request.user, pk=network_pk)
    require(request.user, "methodologies.change_matchmakingprofile", network)
    profile = MatchmakingProfile.objects.filter(network=network).first() or \
        MatchmakingProfile(network=network)
    form = MatchmakingProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.matchmaking_profile_save(profile=form.save(commit=False), by=request.user)
        messages.success(request, _("Saved: suggestions are updated."))
        return redirect("methodologies:matchmaking")
    return render(request, "methodologies/matchmaking_profile_form.html",
                  {"form": form, "network": network})


@login_required
def adoption_create(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.add_adoption")
    form = AdoptionForm(request.POST or None, methodology=methodology, user=request.user)
    if request.method == "POST" and form.is_valid():
        adoption = form.save(commit=False)
        adoption.methodology = methodology
        services.adoption_save(adoption=adoption, by=request.user)
        messages.success(request, _("Adoption recorded."))
        return redirect(methodology)
    return render(request, "methodologies/adoption_form.html",
                  {"form": form, "methodology": methodology})


