"""The sustainability roadmap (phases, milestones, a timeline) and the commitments that partners
and stakeholders make along it.

Visitors see the public version: public phases and their public milestones, and commitments
once a WP3 lead or a coordinator has confirmed them. The partners' staff see the whole roadmap
and the unconfirmed commitments of their own partner; the WP3 leads and the coordinators draw
the roadmap and confirm commitments.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw import roles
from netw.access import get_visible_or_404, require
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.uploads import private_file_response

from . import services
from .filters import CommitmentFilter, MilestoneFilter
from .forms import CommitmentForm, MilestoneForm, MilestoneStatusForm, RoadmapPhaseForm
from .models import (
    MILESTONE_CLOSED,
    Commitment,
    Milestone,
    MilestoneStatus,
    PlanAction,
    Recommendation,
    RoadmapPhase,
)
from .timeline import legend, timeline

DELETE = "sustainability/roadmap_confirm_delete.html"


def _bounded(filterset, base):
    """The filtered rows; none for filters that do not validate (a list never fails)."""
    if not filterset.is_bound:
        return base
    return filterset.qs if filterset.is_valid() else base.none()


def _milestones_for(user):
    """The milestones ``user`` may see, with what the roadmap shows of each, in a fixed number
    of queries."""
    prefetches = [
        Prefetch("recommendations", queryset=Recommendation.objects.visible_to(user)
                 .only("pk", "title", "slug", "status").order_by("title")),
        Prefetch("commitments", queryset=Commitment.objects.visible_to(user)
                 .select_related("partner", "stakeholder").order_by("due_on", "pk")),
    ]
    if roles.is_partner_member(user) or roles.is_coordinator(user):
        # The long-term plan's actions are the partners' working tools.
        prefetches.append(Prefetch("plan_actions", queryset=PlanAction.objects.order_by(
            "due_on", "pk")))
    return (Milestone.objects.visible_to(user).select_related("owner_partner")
            .prefetch_related(*prefetches))


@cache_for_visitors
def roadmap(request: HttpRequest) -> HttpResponse:
    """The roadmap: its phases with their milestones, as a timeline and as a table."""
    user = request.user
    visible = Milestone.objects.visible_to(user)
    filterset = MilestoneFilter(request.GET or None, queryset=_milestones_for(user))
    milestones = _bounded(filterset, filterset.queryset)
    phases = list(RoadmapPhase.objects.visible_to(user)
                  .prefetch_related(Prefetch("milestones", queryset=milestones)))
    today = timezone.localdate()
    late = visible.late(today)
    counts = visible.aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status=MilestoneStatus.DONE)),
        late=Count("pk", filter=Q(pk__in=late.values("pk"))))
    return render(request, "sustainability/roadmap.html", {
        "phases": phases, "timeline": timeline(phases, today=today), "legend": legend(),
        "filter": filterset,
        "counts": counts, "today": today,
        "sees_whole_roadmap": roles.is_partner_member(user) or roles.is_coordinator(user),
        "can_manage": user.has_perm("sustainability.add_milestone"),
        "can_commit": user.has_perm("sustainability.add_commitment"),
    })


# --- Phases ---------------------------------------------------------------------------------------


@login_required
def roadmapphase_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_roadmapphase")
    form = RoadmapPhaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        phase = services.phase_save(phase=form.save(commit=False), by=request.user)
        messages.success(request, _("Phase added to the roadmap."))
        return redirect(phase)
    return render(request, "sustainability/roadmapphase_form.html", {"form": form})


@login_required
def roadmapphase_edit(request: HttpRequest, pk: int) -> HttpResponse:
    phase = get_visible_or_404(RoadmapPhase.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.change_roadmapphase", phase)
    form = RoadmapPhaseForm(request.POST or None, instance=phase, user=request.user)
    if request.method == "POST" and form.is_valid():
        phase = services.phase_save(phase=form.save(commit=False), by=request.user)
        messages.success(request, _("Changes saved."))
        return redirect(phase)
    return render(request, "sustainability/roadmapphase_form.html",
                  {"form": form, "phase": phase})


@login_required
def roadmapphase_delete(request: HttpRequest, pk: int) -> HttpResponse:
    phase = get_visible_or_404(RoadmapPhase.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.delete_roadmapphase", phase)
    blocked = phase.milestones.exists()
    if request.method == "POST":
        try:
            services.phase_delete(phase=phase, by=request.user)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
            return redirect(phase)
        messages.success(request, _("Phase deleted. Its history is kept."))
        return redirect("sustainability:roadmap")
    return render(request, DELETE, {"record": phase, "blocked": blocked, "can_drop": False,
                                    "action_url": request.path})


# --- Milestones -----------------------------------------------------------------------------------


def _initial_phase(request: HttpRequest) -> dict:
    asked = request.GET.get("phase", "")
    return {"phase": int(asked)} if asked.isdigit() and len(asked) < 10 else {}


@login_required
def milestone_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_milestone")
    form = MilestoneForm(request.POST or None, user=request.user,
                         initial=_initial_phase(request))
    if request.method == "POST" and form.is_valid():
        milestone = services.milestone_save(milestone=form.save(commit=False), by=request.user,
                                            recommendations=form.cleaned_data["recommendations"])
        messages.success(request, _("Milestone added to the roadmap."))
        return redirect(milestone)
    return render(request, "sustainability/milestone_form.html", {"form": form})


@login_required
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_visible_or_404(Milestone.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.change_milestone", milestone)
    form = MilestoneForm(request.POST or None, instance=milestone, user=request.user)
    if request.method == "POST" and form.is_valid():
        milestone = services.milestone_save(milestone=form.save(commit=False), by=request.user,
                                            recommendations=form.cleaned_data["recommendations"])
        messages.success(request, _("Changes saved."))
        return redirect(milestone)
    return render(request, "sustainability/milestone_form.html",
                  {"form": form, "milestone": milestone})


@login_required
def milestone_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The responsible partner's staff (and the roadmap's leads) say how a milestone stands."""
    milestone = get_visible_or_404(Milestone.objects.select_related("phase", "owner_partner"),
                                   request.user, pk=pk)
    require(request.user, "sustainability.update_milestone_status", milestone)
    form = MilestoneStatusForm(request.POST or None, instance=milestone, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.milestone_set_status(milestone=milestone, status=form.cleaned_data["status"],
                                      done_on=form.cleaned_data["done_on"], by=request.user)
        messages.success(request, _("Status saved."))
        return redirect(milestone)
    return render(request, "sustainability/milestone_status.html",
                  {"form": form, "milestone": milestone})


@login_required
def milestone_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a milestone nothing refers to; drop one that commitments or actions refer to."""
    milestone = get_visible_or_404(Milestone.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.delete_milestone", milestone)
    blocked = services.milestone_has_dependants(milestone)
    if request.method == "POST":
        if "drop" in request.POST:
            services.milestone_drop(milestone=milestone, by=request.user)
            messages.success(request, _("Milestone dropped. It stays on the roadmap, marked "
                                        "dropped."))
            return redirect(milestone)
        try:
            services.milestone_delete(milestone=milestone, by=request.user)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
            return redirect(milestone)
        messages.success(request, _("Milestone deleted. Its history is kept."))
        return redirect("sustainability:roadmap")
    return render(request, DELETE, {
        "record": milestone, "blocked": blocked, "action_url": request.path,
        "can_drop": milestone.status not in MILESTONE_CLOSED})


# --- Commitments ----------------------------------------------------------------------------------


def _visible_links(user, commitments) -> dict:
    """Which of the rows' recommendations and milestones ``user`` may see (two queries a page):
    a confirmed commitment may point at a draft recommendation or a milestone not yet public,
    whose title is not for everyone."""
    rec_ids = {c.recommendation_id for c in commitments if c.recommendation_id}
    milestone_ids = {c.milestone_id for c in commitments if c.milestone_id}
    return {
        "visible_recommendations": set(Recommendation.objects.visible_to(user)
                                       .filter(pk__in=rec_ids).values_list("pk", flat=True))
        if rec_ids else set(),
        "visible_milestones": set(Milestone.objects.visible_to(user)
                                  .filter(pk__in=milestone_ids).values_list("pk", flat=True))
        if milestone_ids else set(),
    }


@cache_for_visitors
def commitment_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    base = Commitment.objects.visible_to(user).for_list()
    filterset = CommitmentFilter(request.GET or None, queryset=base)
    page = paginate(request, _bounded(filterset, base))
    return render(request, "sustainability/commitment_list.html", {
        "filter": filterset, "page_obj": page, "count": page.paginator.count,
        "can_add": user.has_perm("sustainability.add_commitment"),
        "may_see_stakeholders": user.has_perm("providers.view_stakeholder"),
        **_visible_links(user, page.object_list),
    })


@cache_for_visitors
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    commitment = get_visible_or_404(Commitment.objects.for_list().select_related("confirmed_by"),
                                    user, pk=pk)
    can_change = user.has_perm("sustainability.change_commitment", commitment)
    return render(request, "sustainability/commitment_detail.html", {
        "commitment": commitment, "can_change": can_change,
        "can_confirm": user.has_perm("sustainability.confirm_commitment", commitment),
        "can_see_evidence": user.has_perm("sustainability.view_commitment_evidence",
                                          commitment),
        "may_see_stakeholders": user.has_perm("providers.view_stakeholder"),
        "history": (list(commitment.history.select_related("history_user")[:10])
                    if can_change else []),
        **_visible_links(user, [commitment]),
    })


@login_required
def commitment_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_commitment")
    form = CommitmentForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        commitment = services.commitment_save(commitment=form.save(commit=False),
                                              by=request.user)
        messages.success(request, _("Commitment recorded. It becomes public once the work "
                                    "package 3 lead confirms it."))
        return redirect(commitment)
    return render(request, "sustainability/commitment_form.html", {"form": form})


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_visible_or_404(Commitment.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.change_commitment", commitment)
    form = CommitmentForm(request.POST or None, request.FILES or None, instance=commitment,
                          user=request.user)
    if request.method == "POST" and form.is_valid():
        commitment = services.commitment_save(commitment=form.save(commit=False),
                                              by=request.user)
        messages.success(request, _("Changes saved."))
        return redirect(commitment)
    return render(request, "sustainability/commitment_form.html",
                  {"form": form, "commitment": commitment})


@login_required
@require_POST
def commitment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_visible_or_404(Commitment.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.confirm_commitment", commitment)
    services.commitment_confirm(commitment=commitment, by=request.user)
    messages.success(request, _("Commitment confirmed: it is public now."))
    return redirect(commitment)


@login_required
def commitment_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_visible_or_404(Commitment.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.view_commitment_evidence", commitment)
    if not commitment.evidence_file:
        raise Http404
    name = commitment.evidence_file.name.rsplit("/", 1)[-1]
    return private_file_response(commitment.evidence_file, download_name=name)
