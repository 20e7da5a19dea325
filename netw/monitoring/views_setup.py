"""The coordinators' set-up of monitoring: the reporting periods and a target per indicator.

Every partner's staff reads both lists (visitors are sent to log in, learners refused); only
coordinators create, edit and delete. Both models keep their history (simple_history): an edit
or a deletion is recorded with who made it.
"""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.access import get_visible_or_404, require
from netw.pagination import paginate
from netw.workpackages import WorkPackage

from . import indicators
from .forms import ReportingPeriodForm, TargetForm
from .models import ReportingPeriod, Target

VIEW, SET = "netw.view_monitoring", "netw.set_targets"
TARGETS_PAGE_SIZE = 200


# --- Reporting periods --------------------------------------------------------------------------


@login_required
def period_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    today = timezone.localdate()
    page = paginate(request, ReportingPeriod.objects.visible_to(request.user)
                    .annotate(target_count=Count("targets")).order_by("starts_on", "pk"))
    page.object_list = list(page.object_list)
    for period in page.object_list:
        period.days = (period.ends_on - period.starts_on).days + 1
        period.state = ("over" if period.ends_on < today else
                        "current" if period.starts_on <= today else "upcoming")
    return render(request, "monitoring/period_list.html", {
        "page_obj": page, "can_set": request.user.has_perm(SET)})


@login_required
def period_create(request: HttpRequest) -> HttpResponse:
    require(request.user, SET)
    form = ReportingPeriodForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        period = form.save()
        messages.success(request, _("Reporting period “%(name)s” added.") % {"name": period.name})
        return redirect("monitoring:period_list")
    return render(request, "monitoring/period_form.html", {"form": form})


@login_required
def period_edit(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_visible_or_404(ReportingPeriod, request.user, pk=pk)
    require(request.user, SET)
    form = ReportingPeriodForm(request.POST or None, instance=period, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return redirect("monitoring:period_list")
    return render(request, "monitoring/period_form.html", {"form": form, "period": period})


@login_required
def period_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first, saying how many targets go with the period (they are deleted with it: a
    target for a period that no longer exists means nothing). Both are kept in the history."""
    period = get_visible_or_404(ReportingPeriod, request.user, pk=pk)
    require(request.user, SET)
    if request.method == "POST":
        name = period.name
        period.delete()
        messages.success(request, _("Reporting period “%(name)s” deleted.") % {"name": name})
        return redirect("monitoring:period_list")
    return render(request, "monitoring/period_confirm_delete.html", {
        "period": period, "target_count": period.targets.count()})


# --- Targets ------------------------------------------------------------------------------------


def _indicator_order() -> Case:
    """Targets in the order the indicators are declared (work package, then position)."""
    whens = [When(indicator=i.code, then=Value(n))
             for n, i in enumerate(indicators.all_indicators())]
    return Case(*whens, default=Value(len(whens)), output_field=IntegerField())


@login_required
def target_list(request: HttpRequest) -> HttpResponse:
    """The targets grouped by work package and indicator: the indicator's label and
    definition, then its targets for the project, per partner, per country, per period."""
    require(request.user, VIEW)
    targets = (Target.objects.visible_to(request.user).select_related("partner", "period")
               .annotate(indicator_order=_indicator_order())
               .order_by("indicator_order", "period__starts_on", "scope", "partner__short_name",
                         "country", "pk"))
    page = paginate(request, targets, per_page=TARGETS_PAGE_SIZE)
    on_page = {code: list(rows) for code, rows in groupby(page.object_list,
                                                          key=lambda t: t.indicator)}
    with_targets = set(Target.objects.values_list("indicator", flat=True).distinct())
    work_packages = []
    for work_package in WorkPackage:
        rows = []
        for indicator in indicators.of_work_package(work_package):
            shown = on_page.get(indicator.code, [])
            # An indicator without any target is listed (on the first page) so that it is seen
            # to lack one; one whose targets are on another page is left out of this one.
            if shown or (indicator.code not in with_targets and page.number == 1):
                rows.append({"indicator": indicator, "targets": shown})
        if rows:
            work_packages.append({"label": work_package.label, "indicators": rows})
    return render(request, "monitoring/target_list.html", {
        "page_obj": page, "work_packages": work_packages, "can_set": request.user.has_perm(SET)})


@login_required
def target_create(request: HttpRequest) -> HttpResponse:
    require(request.user, SET)
    initial = {}
    if request.GET.get("indicator") in dict(indicators.choices()):
        initial["indicator"] = request.GET["indicator"]
    form = TargetForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Target added."))
        return redirect("monitoring:target_list")
    return render(request, "monitoring/target_form.html", {"form": form})


@login_required
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_visible_or_404(Target, request.user, pk=pk)
    require(request.user, SET)
    form = TargetForm(request.POST or None, instance=target, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return redirect("monitoring:target_list")
    return render(request, "monitoring/target_form.html", {
        "form": form, "target": target, "indicator": indicators.get(target.indicator)})


@login_required
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_visible_or_404(Target.objects.select_related("partner", "period"),
                                request.user, pk=pk)
    require(request.user, SET)
    if request.method == "POST":
        target.delete()
        messages.success(request, _("Target deleted. Its history is kept."))
        return redirect("monitoring:target_list")
    return render(request, "monitoring/target_confirm_delete.html", {
        "target": target, "indicator": indicators.get(target.indicator)})
