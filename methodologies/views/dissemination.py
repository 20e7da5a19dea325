"""The dissemination log: partners record activities; coordinators filter and export them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from netw import roles
from netw.access import get_visible_or_404, require
from netw.exports.writers import csv_lines
from netw.pagination import paginate
from netw.uploads import private_file_response

from .. import services
from ..filters import DisseminationFilter
from ..forms import DisseminationForm
from ..models import DisseminationActivity


def _filtered(request: HttpRequest):
    base = DisseminationActivity.objects.visible_to(request.user).select_related("owner_partner")
    filterset = DisseminationFilter(request.GET or None, queryset=base)
    if not filterset.is_bound:
        return filterset, base
    return filterset, (filterset.qs if filterset.is_valid() else base.none())


@login_required
def dissemination_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.view_disseminationactivity")
    filterset, activities = _filtered(request)
    totals = activities.order_by().aggregate(activities=Count("pk"),
                                             reached=Sum("people_reached"))
    return render(request, "methodologies/dissemination_list.html", {
        "filter": filterset, "page_obj": paginate(request, activities), "totals": totals,
        "can_add": request.user.has_perm("methodologies.add_disseminationactivity"),
        "can_export": request.user.has_perm("methodologies.export_disseminationactivity"),
        "user_partner_ids": roles.partner_ids(request.user),
    })


@login_required
def dissemination_export(request: HttpRequest) -> StreamingHttpResponse:
    require(request.user, "methodologies.export_disseminationactivity")
    _filterset, activities = _filtered(request)
    lines = services.dissemination_rows(activities)
    response = StreamingHttpResponse(csv_lines(next(lines), lines),
                                     content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="dissemination-{stamp}.csv"'
    return response


@login_required
def dissemination_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.add_disseminationactivity")
    form = DisseminationForm(request.POST or None, request.FILES or None,
                             user=request.user)
    if request.method == "POST" and form.is_valid():
        services.dissemination_save(activity=form.save(commit=False), by=request.user)
        messages.success(request, _("Activity recorded."))
        return redirect("methodologies:dissemination_list")
    return render(request, "methodologies/dissemination_form.html", {"form": form})


@login_required
def dissemination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_visible_or_404(DisseminationActivity.objects.all(), request.user, pk=pk)
    require(request.user, "methodologies.change_disseminationactivity", activity)
    form = DisseminationForm(request.POST or None, request.FILES or None, instance=activity,
                             user=request.user)
    if request.method == "POST" and form.is_valid():
        services.dissemination_save(activity=form.save(commit=False), by=request.user)
        messages.success(request, _("Activity saved."))
        return redirect("methodologies:dissemination_list")
    return render(request, "methodologies/dissemination_form.html",
                  {"form": form, "activity": activity})


@login_required
def dissemination_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_visible_or_404(DisseminationActivity.objects.all(), request.user, pk=pk)
    if not activity.evidence:
        raise Http404
    name = activity.evidence.name.rsplit("/", 1)[-1]
    return private_file_response(activity.evidence, download_name=name)
