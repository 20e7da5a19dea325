"""Roundtables (and, with the registry, study visits): schedule, show, record conclusions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netw.access import get_visible_or_404, require
from netw.events.ics import download_ics, ics_response
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate

from .. import services
from ..calendar import ROUNDTABLES
from ..forms import RoundtableForm
from ..models import Methodology, Roundtable


@cache_for_visitors
def roundtable_list(request: HttpRequest) -> HttpResponse:
    visible = Roundtable.objects.visible_to(request.user).select_related("owner_partner")
    return render(request, "methodologies/roundtable_list.html", {
        "upcoming": list(visible.upcoming()[:50]),
        "page_obj": paginate(request, visible.past()),
        "can_add": request.user.has_perm("methodologies.add_roundtable"),
    })


@cache_for_visitors
def roundtable_detail(request: HttpRequest, pk: int) -> HttpResponse:
    roundtable = get_visible_or_404(Roundtable.objects.select_related("owner_partner"),
                                request.user, pk=pk)
    visible = Methodology.objects.visible_to(request.user).only("slug", "title")
    return render(request, "methodologies/roundtable_detail.html", {
        "event": roundtable,
        "discussed": list(visible.filter(roundtables=roundtable)),
        "outcomes": list(visible.filter(originating_roundtables=roundtable)),
        "participants": (list(roundtable.participants.all())
                         if request.user.is_authenticated and request.user.has_perm(
                             "methodologies.add_roundtable") else []),
        "can_change": request.user.has_perm("methodologies.change_roundtable", roundtable),
        "can_see_link": request.user.has_perm("methodologies.view_roundtable_link", roundtable),
    })


def roundtable_ics(request: HttpRequest, pk: int) -> HttpResponse:
    roundtable = get_visible_or_404(Roundtable.objects.select_related("owner_partner"),
                                    request.user, pk=pk)
    event = ROUNDTABLES.event(roundtable, show_link=request.user.has_perm(
        "methodologies.view_roundtable_link", roundtable))
    return ics_response(download_ics(event), f"roundtable-{roundtable.pk}.ics")


def _save(request, form) -> Roundtable:
    return services.roundtable_save(
        roundtable=form.save(commit=False), by=request.user,
        participants=form.cleaned_data["participants"],
        methodologies=form.cleaned_data["methodologies"],
        outcomes=form.cleaned_data["outcomes"])


@login_required
def roundtable_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.add_roundtable")
    form = RoundtableForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        roundtable = _save(request, form)
        messages.success(request, _("Roundtable scheduled; the participants have been invited."))
        return redirect(roundtable)
    return render(request, "methodologies/roundtable_form.html", {"form": form})


@login_required
def roundtable_edit(request: HttpRequest, pk: int) -> HttpResponse:
    roundtable = get_visible_or_404(Roundtable.objects.all(), request.user, pk=pk)
    require(request.user, "methodologies.change_roundtable", roundtable)
    form = RoundtableForm(request.POST or None, instance=roundtable, user=request.user)
    if request.method == "POST" and form.is_valid():
        roundtable = _save(request, form)
        messages.success(request, _("Roundtable saved."))
        return redirect(roundtable)
    return render(request, "methodologies/roundtable_form.html",
                  {"form": form, "event": roundtable})
