"""The repertoire's extra pages: a printable practice, its history of changes, its attachments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netw.access import get_visible_or_404, require
from netw.pagination import paginate
from netw.uploads import private_file_response

from . import services
from .forms import GoodPracticeAttachmentForm
from .models import GoodPractice
from .views import _detail_queryset, _organisation


def goodpractice_print(request: HttpRequest, slug: str) -> HttpResponse:
    """One practice on its own, for paper or a PDF: no navigation, no actions."""
    practice = get_visible_or_404(_detail_queryset(), request.user, slug=slug)
    return render(request, "sustainability/goodpractice_print.html", {
        "practice": practice, "facts": practice.original,
        "organisation": _organisation(practice.original, request.user),
    })


@login_required
def goodpractice_history(request: HttpRequest, slug: str) -> HttpResponse:
    """Every saved version, for the partners who may edit or review it."""
    practice = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    require(request.user, "netw.view_item_history", practice)
    versions = paginate(request, practice.history.select_related("history_user")
                        .order_by("-history_date", "-history_id"))
    return render(request, "sustainability/goodpractice_history.html", {
        "practice": practice, "page_obj": versions,
        "events": practice.review_events.select_related("actor"),
    })


@login_required
def goodpractice_attachment_add(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.change_goodpractice", practice)
    form = GoodPracticeAttachmentForm(request.POST or None, request.FILES or None,
                                      user=request.user)
    if request.method == "POST" and form.is_valid():
        services.practice_attachment_add(practice=practice, by=request.user, **form.cleaned_data)
        messages.success(request, _("File attached."))
        return redirect(practice)
    return render(request, "sustainability/goodpracticeattachment_form.html",
                  {"form": form, "practice": practice})


def goodpractice_attachment_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A file of a practice, for those who may see the practice (drafts: its partner's staff)."""
    practice = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    attachment = practice.attachments.filter(pk=pk).first()
    if attachment is None or not attachment.file:
        raise Http404
    return private_file_response(attachment.file, download_name=attachment.download_name)
