"""The repertoire of good practices: public list and pages; writing, submitting and reviewing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from methodologies.models import DisseminationActivity
from netw import roles, search
from netw.access import get_visible_or_404, require
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.search import results, terms_of
from netw.translations import languages_box, redirect_target, with_best_versions
from netw.workflow import (
    review_decision,
    show_requested_missing,
    submit_for_review,
    warn_same_title,
)
from providers.models import Network, Provider

from . import services
from .filters import GoodPracticeFilter
from .forms import GoodPracticeForm, GoodPracticeTranslationForm, SubmitNoteForm
from .models import PRACTICE_SEARCH, GoodPractice

FORM = "sustainability/goodpractice_form.html"


@cache_for_visitors
def goodpractice_list(request: HttpRequest) -> HttpResponse:
    """The public repertoire: published practices, filtered, searched (ranked, highlighted, as
    the methodology inventory: netw/search.py), paginated; and what each partner has shared."""
    filterset = GoodPracticeFilter(request.GET or None,
                                   queryset=GoodPractice.objects.published().originals()
                                   .for_list())
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and not filterset.is_valid():
        queryset = queryset.none()
    asked = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    text = (asked.get("q") or "").strip()
    page = paginate(request, queryset)
    # Each original through what the viewer reads: its translation into their language, if any.
    with_best_versions(page.object_list, request.user)
    return render(request, "sustainability/goodpractice_list.html", {
        "filter": filterset, "page_obj": page, "count": page.paginator.count,
        "rows": results(GoodPractice, page, text, PRACTICE_SEARCH), "query": text,
        "terms": terms_of(text), "by_partner": _shared_by_partner(),
        "partner": asked.get("partner"),
        "suggestion": search.page_suggestion(page, GoodPractice.objects.published(), text,
                                             PRACTICE_SEARCH),
        "can_add": request.user.has_perm("sustainability.add_goodpractice"),
    })


def _shared_by_partner() -> list[dict]:
    """Per partner, how many practices it has published (one query): the repertoire keeps
    track of what each partner shared."""
    return list(GoodPractice.objects.published().originals().order_by()
                .values("owner_partner__slug", "owner_partner__short_name")
                .annotate(count=Count("pk")).order_by("owner_partner__short_name"))


@login_required
def goodpractice_workspace(request: HttpRequest) -> HttpResponse:
    """The member's side: my partner's practices in every state, and what awaits my review."""
    user = request.user
    mine = (GoodPractice.objects.visible_to(user)
            .filter(owner_partner_id__in=roles.partner_ids(user))
            .select_related("owner_partner").order_by("status", "-updated_at"))
    return render(request, "sustainability/goodpractice_workspace.html", {
        "page_obj": paginate(request, mine),
        "to_review": GoodPractice.objects.awaiting_review_by(user)
        .select_related("owner_partner"),
        "can_add": user.has_perm("sustainability.add_goodpractice"),
    })


def _detail_context(request: HttpRequest, practice: GoodPractice) -> dict:
    user = request.user
    can_change = user.has_perm("sustainability.change_goodpractice", practice)
    can_review = user.has_perm("sustainability.review_goodpractice", practice)
    translate_url = (reverse("sustainability:goodpractice_translate", args=[practice.slug])
                     if user.has_perm("sustainability.translate_goodpractice", practice) else "")
    return {
        "practice": practice,
        # A translation's facts (funding model, country, …) are its original's.
        "facts": practice.original,
        "record_languages": languages_box(practice, user, translate_url=translate_url),
        "organisation": _organisation(practice.original, user),
        "can_change": can_change,
        "can_submit": user.has_perm("sustainability.submit_goodpractice", practice),
        "can_review": can_review,
        "can_see_history": user.has_perm("netw.view_item_history", practice),
        "events": (list(practice.review_events.select_related("actor")[:10])
                   if can_change or can_review else []),
        "attachments": list(practice.attachments.all()),
        **_presentations(practice, user),
    }


def _presentations(practice: GoodPractice, user) -> dict:
    """Where it was presented: the dissemination log is the partners' (date, title, channel for
    those who see the log); visitors are told only how many times."""
    log = DisseminationActivity.objects.visible_to(user)
    if log.query.is_empty():
        return {"presentations": None,
                "presentation_count": practice.presented_at.count()}
    rows = list(practice.presented_at.filter(pk__in=log.values("pk"))
                .only("pk", "date", "title", "channel").order_by("-date", "-pk"))
    return {"presentations": rows, "presentation_count": len(rows)}


def _organisation(practice: GoodPractice, user) -> dict | None:
    """Whose practice it is, linked to its registry page when this person may see that page: a
    provider not yet verified stays its partner's business."""
    for record, model in ((practice.provider, Provider), (practice.network, Network)):
        if record is not None and model.objects.visible_to(user).filter(pk=record.pk).exists():
            return {"name": record.name, "url": record.get_absolute_url()}
    return {"name": practice.organisation, "url": ""} if practice.organisation else None


def _detail_queryset():
    return (GoodPractice.objects.select_related("owner_partner", "funding_model", "provider",
                                                "network")
            .prefetch_related("sectors", "target_groups"))


@cache_for_visitors
def goodpractice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(_detail_queryset(), request.user, slug=slug)
    elsewhere = redirect_target(request, practice, request.user)
    if elsewhere is not None:  # the viewer's language has a published translation
        return redirect(elsewhere)
    return render(request, "sustainability/goodpractice_detail.html",
                  _detail_context(request, practice))


@login_required
def goodpractice_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_goodpractice")
    form = GoodPracticeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and not warn_same_title(request, form):
        practice = services.practice_save(practice=form.save(commit=False), by=request.user,
                                          m2m=form.m2m())
        if "submit" in request.POST:
            return _submit(request, practice, saved=True)
        messages.success(request, _("Draft saved. Preview it, then submit it for review."))
        return redirect(practice)
    return render(request, FORM, {"form": form})


@login_required
def goodpractice_translate(request: HttpRequest, slug: str) -> HttpResponse:
    """A new translation of a practice, starting from the original's text; a draft of the
    translator's partner, reviewed like any practice."""
    original = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.translate_goodpractice", original)
    form = GoodPracticeTranslationForm(request.POST or None, original=original,
                                       user=request.user)
    if request.method == "POST" and form.is_valid():
        translation = services.practice_save(practice=form.save(commit=False), by=request.user)
        if "submit" in request.POST:
            return _submit(request, translation, saved=True)
        messages.success(request, _("Translation saved as a draft. Submit it for review when "
                                    "it is ready."))
        return redirect(translation)
    return render(request, FORM, {"form": form, "original": original})


@login_required
def goodpractice_edit(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.change_goodpractice", practice)
    form_class = GoodPracticeTranslationForm if practice.is_translation else GoodPracticeForm
    form = form_class(request.POST or None, instance=practice, user=request.user)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_save(
            practice=form.save(commit=False), by=request.user,
            m2m=form.m2m() if hasattr(form, "m2m") else None)
        if "submit" in request.POST and practice.is_draft:
            return _submit(request, practice, saved=True)
        messages.success(request, _("Changes saved."))
        return redirect(practice)
    show_requested_missing(request, form, practice)
    return render(request, FORM, {"form": form, "practice": practice})


def _submit(request: HttpRequest, practice: GoodPractice, comment: str = "",
            saved: bool = False) -> HttpResponse:
    return submit_for_review(
        request, practice, comment=comment, saved=saved,
        edit_url=reverse("sustainability:goodpractice_edit", args=[practice.slug]))


@login_required
@require_POST
def goodpractice_submit(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.change_goodpractice", practice)
    form = SubmitNoteForm(request.POST, user=request.user)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _submit(request, practice, comment=comment)


@login_required
def goodpractice_review(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(_detail_queryset(), request.user, slug=slug)
    form, done = review_decision(request, practice, gone="sustainability:goodpractice_workspace")
    if done:
        return done
    if not practice.is_submitted:
        messages.info(request, _("This good practice is not awaiting review."))
    return render(request, "sustainability/goodpractice_review.html",
                  {**_detail_context(request, practice), "form": form})
