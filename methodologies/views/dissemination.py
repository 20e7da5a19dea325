"""The dissemination log: partners record activities; coordinators filter and export them (the
export is the background one of methodologies/exports.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netw import roles
from netw.access import get_visible_or_404, require
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
        "user_partner_ids": roles.partner_ids(request.user),
    })


@login_required
def dissemination_export(request: HttpRequest) -> HttpResponse:
    """The old address of the log's CSV: exports are now written in the background (the list's
    Export button); a bookmark leads to the list with the same filters."""
    require(request.user, "methodologies.view_disseminationactivity")
    target = reverse("methodologies:dissemination_list")
    query = request.GET.urlencode()
    return redirect(f"{target}?{query}" if query else target)


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
