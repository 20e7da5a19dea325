"""Policy recommendations (public once published) and their uptake per country.

The recommendations follow the shared publish workflow exactly like the good practices
(netw/workflow.py: the WP3 leads and the coordinators review). Their uptake is a log of steps
per recommendation and country — presented, discussed, endorsed, taken into a policy — that any
partner's staff may add to and nobody overwrites; the public matrix shows, per cell, the highest
stage reached and, when the latest step went back, where it stands now.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from netw import roles, search
from netw.access import get_visible_or_404, redirect_to_next, require
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.translations import languages_box, redirect_target, with_best_versions
from netw.uploads import private_file_response
from netw.views import FOCUS_COUNTRIES
from netw.workflow import (
    review_decision,
    show_requested_missing,
    submit_for_review,
    warn_same_title,
)
from providers.models import Stakeholder

from . import services
from .filters import RecommendationFilter, UptakeStepFilter
from .forms import (
    RecommendationForm,
    RecommendationTranslationForm,
    SubmitNoteForm,
    UptakeStepForm,
)
from .models import (
    RECOMMENDATION_SEARCH,
    ExpertMeeting,
    Recommendation,
    UptakeStage,
    UptakeStep,
)

FORM = "sustainability/recommendation_form.html"


# --- Recommendations ------------------------------------------------------------------------------


@cache_for_visitors
def recommendation_list(request: HttpRequest) -> HttpResponse:
    """The public list: published recommendations, filtered, searched, paginated."""
    filterset = RecommendationFilter(request.GET or None,
                                     queryset=Recommendation.objects.published().originals()
                                     .for_list())
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and not filterset.is_valid():
        queryset = queryset.none()
    page = paginate(request, queryset)
    text = (request.GET.get("q") or "").strip() if filterset.is_valid() else ""
    # Each original through what the viewer reads: its translation into their language, if any.
    with_best_versions(page.object_list, request.user)
    return render(request, "sustainability/recommendation_list.html", {
        "filter": filterset, "page_obj": page, "count": page.paginator.count,
        "query": text,
        "suggestion": search.page_suggestion(page, Recommendation.objects.published(), text,
                                             RECOMMENDATION_SEARCH),
        "can_add": request.user.has_perm("sustainability.add_recommendation"),
    })


@login_required
def recommendation_workspace(request: HttpRequest) -> HttpResponse:
    """The member's side: my partner's recommendations in every state, and what awaits my
    review."""
    user = request.user
    mine = (Recommendation.objects.visible_to(user)
            .filter(owner_partner_id__in=roles.partner_ids(user))
            .select_related("owner_partner").order_by("status", "-updated_at"))
    return render(request, "sustainability/recommendation_workspace.html", {
        "page_obj": paginate(request, mine),
        "to_review": Recommendation.objects.awaiting_review_by(user)
        .select_related("owner_partner"),
        "can_add": user.has_perm("sustainability.add_recommendation"),
    })


def _uptake_rows(recommendation: Recommendation, user) -> list[dict]:
    """One row per country: those the recommendation addresses (the focus countries first),
    then any other country with steps, with where it stands there."""
    standing = (UptakeStep.objects.visible_to(user)
                .filter(recommendation=recommendation).standing())
    codes = [c.code for c in recommendation.countries]
    codes += sorted({code for (_pk, code) in standing} - set(codes),
                    key=lambda code: str(countries.name(code)))
    return [{"country": code, "name": countries.name(code),
             "standing": standing.get((recommendation.pk, code)),
             "url": _history_url(recommendation, code)} for code in codes]


def _history_url(recommendation: Recommendation, code: str) -> str:
    return reverse("sustainability:uptake_list") + "?" + urlencode(
        {"recommendation": recommendation.slug, "country": code})


def _detail_context(request: HttpRequest, recommendation: Recommendation) -> dict:
    user = request.user
    can_change = user.has_perm("sustainability.change_recommendation", recommendation)
    can_review = user.has_perm("sustainability.review_recommendation", recommendation)
    translate_url = (reverse("sustainability:recommendation_translate",
                             args=[recommendation.slug])
                     if user.has_perm("sustainability.translate_recommendation", recommendation)
                     else "")
    # A translation's facts, grounding and uptake are its original's.
    facts = recommendation.original
    meeting = facts.expert_meeting
    if meeting is not None and not ExpertMeeting.objects.visible_to(user).filter(
            pk=meeting.pk).exists():
        meeting = None
    return {
        "recommendation": recommendation,
        "facts": facts,
        "record_languages": languages_box(recommendation, user, translate_url=translate_url),
        # Only what this person may see of what grounds it.
        "good_practices": facts.good_practices.visible_to(user).order_by("title"),
        "methodologies": facts.methodologies.visible_to(user).order_by("title"),
        "meeting": meeting,
        "uptake": _uptake_rows(facts, user) if facts.is_published else [],
        "can_record_uptake": user.has_perm("sustainability.add_uptakestep", facts),
        "can_change": can_change,
        "can_submit": user.has_perm("sustainability.submit_recommendation", recommendation),
        "can_review": can_review,
        "events": (list(recommendation.review_events.select_related("actor")[:10])
                   if can_change or can_review else []),
    }


def _detail_queryset():
    return (Recommendation.objects.select_related("owner_partner", "expert_meeting")
            .prefetch_related("addressees"))


@cache_for_visitors
def recommendation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    recommendation = get_visible_or_404(_detail_queryset(), request.user, slug=slug)
    elsewhere = redirect_target(request, recommendation, request.user)
    if elsewhere is not None:  # the viewer's language has a published translation
        return redirect(elsewhere)
    return render(request, "sustainability/recommendation_detail.html",
                  _detail_context(request, recommendation))


@login_required
def recommendation_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_recommendation")
    form = RecommendationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and not warn_same_title(request, form):
        recommendation = services.recommendation_save(
            recommendation=form.save(commit=False), by=request.user, m2m=form.m2m())
        if "submit" in request.POST:
            return _submit(request, recommendation, saved=True)
        messages.success(request, _("Draft saved. Preview it, then submit it for review."))
        return redirect(recommendation)
    return render(request, FORM, {"form": form})


@login_required
def recommendation_translate(request: HttpRequest, slug: str) -> HttpResponse:
    """A new translation of a recommendation, starting from the original's text; a draft of the
    translator's partner, reviewed like any recommendation."""
    original = get_visible_or_404(Recommendation.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.translate_recommendation", original)
    form = RecommendationTranslationForm(request.POST or None, original=original,
                                         user=request.user)
    if request.method == "POST" and form.is_valid():
        translation = services.recommendation_save(recommendation=form.save(commit=False),
                                                   by=request.user)
        if "submit" in request.POST:
            return _submit(request, translation, saved=True)
        messages.success(request, _("Translation saved as a draft. Submit it for review when "
                                    "it is ready."))
        return redirect(translation)
    return render(request, FORM, {"form": form, "original": original})


@login_required
def recommendation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    recommendation = get_visible_or_404(Recommendation.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.change_recommendation", recommendation)
    form_class = (RecommendationTranslationForm if recommendation.is_translation
                  else RecommendationForm)
    form = form_class(request.POST or None, instance=recommendation, user=request.user)
    if request.method == "POST" and form.is_valid():
        recommendation = services.recommendation_save(
            recommendation=form.save(commit=False), by=request.user,
            m2m=form.m2m() if hasattr(form, "m2m") else None)
        if "submit" in request.POST and recommendation.is_draft:
            return _submit(request, recommendation, saved=True)
        messages.success(request, _("Changes saved."))
        return redirect(recommendation)
    show_requested_missing(request, form, recommendation)
    return render(request, FORM, {"form": form, "recommendation": recommendation})


def _submit(request: HttpRequest, recommendation: Recommendation,
            comment: str = "", saved: bool = False) -> HttpResponse:
    return submit_for_review(
        request, recommendation, comment=comment, saved=saved,
        edit_url=reverse("sustainability:recommendation_edit", args=[recommendation.slug]))


@login_required
@require_POST
def recommendation_submit(request: HttpRequest, slug: str) -> HttpResponse:
    recommendation = get_visible_or_404(Recommendation.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.change_recommendation", recommendation)
    form = SubmitNoteForm(request.POST, user=request.user)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _submit(request, recommendation, comment=comment)


@login_required
def recommendation_review(request: HttpRequest, slug: str) -> HttpResponse:
    recommendation = get_visible_or_404(_detail_queryset(), request.user, slug=slug)
    form, done = review_decision(request, recommendation,
                                 gone="sustainability:recommendation_workspace")
    if done:
        return done
    if not recommendation.is_submitted:
        messages.info(request, _("This recommendation is not awaiting review."))
    return render(request, "sustainability/recommendation_review.html",
                  {**_detail_context(request, recommendation), "form": form})


@login_required
@require_POST
def recommendation_from_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """Begin a draft recommendation from an expert meeting's conclusions, then edit it."""
    meeting = get_visible_or_404(ExpertMeeting.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.add_recommendation")
    try:
        draft = services.recommendation_from_meeting(meeting=meeting, by=request.user)
    except services.NoConclusions:
        messages.error(request, _("This meeting has no conclusions yet: write them down first, "
                                  "then draft a recommendation from them."))
        return redirect_to_next(request, fallback="sustainability:recommendation_workspace")
    messages.success(request, _("A draft recommendation was begun from the meeting's "
                                "conclusions. Complete it, then submit it for review."))
    return redirect("sustainability:recommendation_edit", draft.slug)


# --- Uptake ---------------------------------------------------------------------------------------


def _matrix_countries(user) -> list[str]:
    """The matrix's columns: the five focus countries, then every other country with a step the
    person may see (by name)."""
    focus = [code for code, _name in FOCUS_COUNTRIES]
    with_steps = set(UptakeStep.objects.visible_to(user).order_by()
                     .values_list("country", flat=True).distinct())
    others = sorted((str(c) for c in with_steps if str(c) not in focus),
                    key=lambda code: str(countries.name(code)))
    return focus + others


@cache_for_visitors
def uptake_matrix(request: HttpRequest) -> HttpResponse:
    """Published recommendations × countries: the highest stage reached in each cell (and the
    current stage when the latest step went back), each cell linking to its steps."""
    user = request.user
    page = paginate(request, Recommendation.objects.published().originals()
                    .order_by("title", "pk")
                    .only("pk", "slug", "title", "countries"))
    codes = _matrix_countries(user)
    standing = (UptakeStep.objects.visible_to(user)
                .filter(recommendation__in=[r.pk for r in page.object_list]).standing())
    rows = []
    for recommendation in page.object_list:
        cells = []
        for code in codes:
            found = standing.get((recommendation.pk, code))
            cells.append({
                "country": code, "standing": found,
                "addressed": recommendation.addresses_country(code),
                "url": _history_url(recommendation, code) if found else ""})
        rows.append({"recommendation": recommendation, "cells": cells})
    return render(request, "sustainability/uptake_matrix.html", {
        "page_obj": page, "rows": rows,
        "columns": [{"code": code, "name": countries.name(code)} for code in codes],
        "stages": UptakeStage.choices,
    })


@cache_for_visitors
def uptake_list(request: HttpRequest) -> HttpResponse:
    """The steps recorded, newest first, for one recommendation and country (the matrix's cells
    link here) or any; visitors see those of published recommendations, and stakeholders'
    names only if they may see the stakeholder."""
    user = request.user
    filterset = UptakeStepFilter(request.GET or None, user=user,
                                 queryset=UptakeStep.objects.visible_to(user).for_list()
                                 .order_by("-date", "-pk"))
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and not filterset.is_valid():
        queryset = queryset.none()
    page = paginate(request, queryset)
    stakeholder_ids = {s.stakeholder_id for s in page.object_list if s.stakeholder_id}
    visible_stakeholders = set(Stakeholder.objects.visible_to(user)
                               .filter(pk__in=stakeholder_ids).values_list("pk", flat=True)
                               ) if stakeholder_ids else set()
    chosen = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    recommendation, country = chosen.get("recommendation"), chosen.get("country")
    standing = None
    if recommendation is not None and country:
        standing = (UptakeStep.objects.visible_to(user)
                    .filter(recommendation=recommendation, country=country).standing()
                    .get((recommendation.pk, country)))
    return render(request, "sustainability/uptake_list.html", {
        "filter": filterset, "page_obj": page, "count": page.paginator.count,
        "visible_stakeholders": visible_stakeholders,
        "recommendation": recommendation, "country": country,
        "country_name": countries.name(country) if country else "",
        "standing": standing,
        "can_record": bool(recommendation) and user.has_perm(
            "sustainability.add_uptakestep", recommendation),
        "can_see_evidence": user.has_perm("sustainability.view_uptake_evidence"),
        "can_see_recorder": user.has_perm("sustainability.view_uptake_recorder"),
    })


@login_required
def uptake_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Record one step of a published recommendation's uptake in a country."""
    recommendation = get_visible_or_404(Recommendation.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.add_uptakestep", recommendation)
    asked = request.GET.get("country", "")
    initial = {"country": asked} if recommendation.addresses_country(asked) else {}
    form = UptakeStepForm(request.POST or None, request.FILES or None, user=request.user,
                          recommendation=recommendation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            step = services.uptake_step_record(step=form.save(commit=False), by=request.user)
        except ValidationError as exc:  # a step recorded meanwhile changed the answer
            form.add_error(None, exc)
        else:
            messages.success(request, _("Step recorded. Earlier steps are kept in the history."))
            return redirect(_history_url(recommendation, str(step.country)))
    return render(request, "sustainability/uptake_form.html",
                  {"form": form, "recommendation": recommendation})


@login_required
def uptake_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """A step's evidence file, for the partners' staff."""
    step = get_visible_or_404(UptakeStep.objects.all(), request.user, pk=pk)
    require(request.user, "sustainability.view_uptake_evidence")
    if not step.evidence_file:
        raise Http404
    name = step.evidence_file.name.rsplit("/", 1)[-1]
    return private_file_response(step.evidence_file, download_name=name)
