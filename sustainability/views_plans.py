"""The long-term action plans for network partners: the partners' working documents.

Every partner's staff reads every plan (visitors are sent to log in, as for the dissemination
log); a plan and its actions are written by the members of its owner partner — for a network's
plan, the partner that represents the network — the WP3 leads and the coordinators. An action's
owner (the person, or for a partner's action its members) may mark it done from "My actions".
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, redirect_to_next, require
from netw.pagination import paginate

from . import services
from .filters import PlanActionFilter
from .forms import ActionPlanForm, PlanActionDoneForm, PlanActionForm
from .models import OPEN_PLAN_STATUSES, ActionPlan, PlanAction, PlanActionStatus

PLAN_FORM = "sustainability/actionplan_form.html"
PLAN_ACTIONS_PAGE_SIZE = 50
ACTION_FORM = "sustainability/planaction_form.html"


@login_required
def actionplan_list(request: HttpRequest) -> HttpResponse:
    """Every plan with its counts of open and overdue actions, paginated."""
    require(request.user, "sustainability.view_actionplan")
    plans = ActionPlan.objects.visible_to(request.user).for_list()
    return render(request, "sustainability/actionplan_list.html", {
        "page_obj": paginate(request, plans),
        "can_add": request.user.has_perm("sustainability.add_actionplan"),
    })


@login_required
def actionplan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(ActionPlan.objects.select_related("owner_partner", "network"),
                              request.user, pk=pk)
    user = request.user
    can_change = user.has_perm("sustainability.change_actionplan", plan)
    page = paginate(request, plan.actions.for_list().order_by("due_on", "pk"),
                    per_page=PLAN_ACTIONS_PAGE_SIZE)
    actions = list(page.object_list)
    counts = plan.actions.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_PLAN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_PLAN_STATUSES,
                                     due_on__lt=timezone.localdate())))
    for action in actions:
        # The mark-done button (templates/includes/action_done_form.html, as on "My actions").
        may_mark = can_change or user.has_perm("sustainability.done_planaction", action)
        action.done_row = {
            "done_url": reverse("sustainability:planaction_done", args=[action.pk]),
            "done": action.status == PlanActionStatus.DONE, "title": action.description,
        } if may_mark and action.status != PlanActionStatus.DROPPED else None
    deleted = (PlanAction.all_objects.deleted().filter(plan=plan).select_related("deleted_by")
               .order_by("-deleted_at")[:20] if can_change else [])
    return render(request, "sustainability/actionplan_detail.html", {
        "plan": plan, "actions": actions, "page_obj": page, "deleted": deleted,
        "can_change": can_change, "open_count": counts["open"],
        "overdue_count": counts["overdue"], "today": timezone.localdate(),
    })


@login_required
def actionplan_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_actionplan")
    form = ActionPlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = services.plan_save(plan=form.save(commit=False), by=request.user)
        messages.success(request, _("The plan was created. Add its actions."))
        return redirect(plan)
    return render(request, PLAN_FORM, {"form": form})


@login_required
def actionplan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(ActionPlan.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.change_actionplan", plan)
    form = ActionPlanForm(request.POST or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = services.plan_save(plan=form.save(commit=False), by=request.user)
        messages.success(request, _("Changes saved."))
        return redirect(plan)
    return render(request, PLAN_FORM, {"form": form, "plan": plan})


@login_required
def planaction_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(ActionPlan.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.change_actionplan", plan)
    today = timezone.localdate()
    form = PlanActionForm(request.POST or None, user=request.user,
                          instance=PlanAction(plan=plan),
                          initial={"starts_on": today, "partner": plan.owner_partner_id})
    if request.method == "POST" and form.is_valid():
        services.plan_action_save(action=form.save(commit=False), by=request.user)
        messages.success(request, _("The action was added to the plan."))
        return redirect(plan)
    return render(request, ACTION_FORM, {"form": form, "plan": plan})


def _action(request: HttpRequest, pk: int, perm: str, queryset=None) -> PlanAction:
    action = get_visible_or_404(
        (queryset if queryset is not None else PlanAction.objects.all())
        .select_related("plan"), request.user, pk=pk)
    require(request.user, perm, action)
    return action


@login_required
def planaction_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk, "sustainability.change_planaction")
    form = PlanActionForm(request.POST or None, instance=action, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.plan_action_save(action=form.save(commit=False), by=request.user)
        messages.success(request, _("Changes saved."))
        return redirect(action.plan)
    return render(request, ACTION_FORM, {"form": form, "plan": action.plan, "action": action})


@login_required
@require_POST
def planaction_delete(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk, "sustainability.delete_planaction")
    services.plan_action_delete(action=action, by=request.user)
    messages.success(request, _("“%(action)s” was deleted. It can be restored from the plan's "
                                "page.") % {"action": action.description})
    return redirect(action.plan)


@login_required
@require_POST
def planaction_restore(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk, "sustainability.delete_planaction",
                     PlanAction.all_objects.deleted())
    services.plan_action_restore(action=action, by=request.user)
    messages.success(request, _("“%(action)s” was restored.") % {"action": action.description})
    return redirect(action.plan)


@login_required
@require_POST
def planaction_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark done (``done=1``) or open again (``done=0``), then back to ``next``: the plan's page
    or "My actions"."""
    action = _action(request, pk, "sustainability.done_planaction")
    form = PlanActionDoneForm(request.POST, user=request.user)
    done = form.cleaned_data["done"] if form.is_valid() else True
    services.plan_action_set_done(action=action, by=request.user, done=done)
    messages.success(request, _("The action is marked done.") if done
                     else _("The action is open again."))
    return redirect_to_next(request, fallback=action.get_absolute_url())


@login_required
def planaction_list(request: HttpRequest) -> HttpResponse:
    """Every plan's actions in one list, filtered (and exported with the same filters)."""
    require(request.user, "sustainability.view_planaction")
    base = PlanAction.objects.visible_to(request.user).for_list().order_by("due_on", "pk")
    filterset = PlanActionFilter(request.GET or None, queryset=base)
    actions = base
    if filterset.is_bound:
        actions = filterset.qs if filterset.is_valid() else base.none()
    page = paginate(request, actions)
    return render(request, "sustainability/planaction_list.html", {
        "filter": filterset, "page_obj": page, "count": page.paginator.count,
        "today": timezone.localdate(),
    })
