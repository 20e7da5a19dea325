"""The deliverables register: the list by work package, a deliverable with its evidence, its
forms, and adding or removing evidence. Partners' staff read it; coordinators keep it; the lead
of a work package moves its deliverables along. The evidence pack is asked for from the
deliverable's page through the core's exports (netw/monitoring/evidence_pack.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, require
from netw.exports import registry
from netw.monitoring.deliverables import (
    Deliverable,
    DeliverableEvidence,
    deliverable_evidence_add,
    deliverable_evidence_remove,
    evidence_visibility,
    source_for,
)
from netw.monitoring.forms_deliverables import (
    DeliverableForm,
    DeliverableStatusForm,
    EvidenceForm,
    EvidenceKindForm,
)
from netw.pagination import paginate


@login_required
def deliverable_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "netw.view_deliverable")
    deliverables = Deliverable.objects.visible_to(request.user).for_register()
    return render(request, "netw/deliverables/deliverable_list.html", {
        "page_obj": paginate(request, deliverables, per_page=50),
        "today": timezone.localdate(),
        "can_add": request.user.has_perm("netw.add_deliverable"),
    })


def _deliverable(request: HttpRequest, pk: int) -> Deliverable:
    deliverable = get_visible_or_404(Deliverable.objects.select_related("responsible_partner"),
                                     request.user, pk=pk)
    require(request.user, "netw.view_deliverable")
    return deliverable


@login_required
def deliverable_detail(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = _deliverable(request, pk)
    # The records themselves (for their links): one query per kind.
    evidence = list(deliverable.evidence.select_related("content_type", "added_by")
                    .prefetch_related("record"))
    visible = evidence_visibility(evidence, request.user)
    groups: dict[str, list] = {}
    for item in evidence:
        source = item.source
        kind = str(source.label) if source else item.content_type.name
        groups.setdefault(kind, []).append({
            "evidence": item, "visible": item.pk in visible,
            "url": _record_url(item) if item.pk in visible else "",
            "can_remove": request.user.has_perm("netw.delete_deliverableevidence", item)})
    pack = registry.get("evidence_pack")
    return render(request, "netw/deliverables/deliverable_detail.html", {
        "deliverable": deliverable, "groups": sorted(groups.items()),
        "evidence_count": len(evidence),
        "can_edit": request.user.has_perm("netw.change_deliverable_status", deliverable),
        "can_add_evidence": request.user.has_perm("netw.add_deliverableevidence", deliverable),
        "can_pack": bool(pack and pack.can_export(request.user)),
    })


def _record_url(item: DeliverableEvidence) -> str:
    record = item.record
    get_url = getattr(record, "get_absolute_url", None)
    return get_url() if record is not None and get_url else ""


@login_required
def deliverable_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "netw.add_deliverable")
    form = DeliverableForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        deliverable = form.save()
        messages.success(request, _("Deliverable added to the register."))
        return redirect(deliverable)
    return render(request, "netw/deliverables/deliverable_form.html", {"form": form})


@login_required
def deliverable_update(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable = _deliverable(request, pk)
    if request.user.has_perm("netw.change_deliverable", deliverable):
        form_class = DeliverableForm
    elif request.user.has_perm("netw.change_deliverable_status", deliverable):
        form_class = DeliverableStatusForm
    else:
        raise PermissionDenied
    form = form_class(request.POST or None, instance=deliverable, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return redirect(deliverable)
    return render(request, "netw/deliverables/deliverable_form.html",
                  {"form": form, "deliverable": deliverable})


@login_required
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    """First the kind of record, then the record among those the person may see."""
    deliverable = _deliverable(request, pk)
    require(request.user, "netw.add_deliverableevidence", deliverable)
    kind_form = EvidenceKindForm(request.GET or None, user=request.user)
    source = None
    if request.method == "POST":
        source = source_for(request.POST.get("kind", ""))
        if source is None:
            raise Http404
    elif kind_form.is_valid():
        source = source_for(kind_form.cleaned_data["kind"])
    form = None
    if source is not None:
        form = EvidenceForm(request.POST or None, deliverable=deliverable, source=source,
                            user=request.user)
        if request.method == "POST" and form.is_valid():
            deliverable_evidence_add(deliverable=deliverable, record=form.cleaned_data["record"],
                                     note=form.cleaned_data["note"], by=request.user)
            messages.success(request, _("Evidence added."))
            return redirect(deliverable)
    return render(request, "netw/deliverables/evidence_form.html", {
        "deliverable": deliverable, "kind_form": kind_form, "form": form, "source": source})


@login_required
@require_POST
def evidence_remove(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    deliverable = _deliverable(request, pk)
    evidence = deliverable.evidence.filter(pk=evidence_pk).first()
    if evidence is None:
        raise Http404
    require(request.user, "netw.delete_deliverableevidence", evidence)
    deliverable_evidence_remove(evidence=evidence)
    messages.success(request, _("Evidence removed."))
    return redirect(deliverable)
