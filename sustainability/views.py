"""The repertoire of good practices: public list and pages; writing, submitting and reviewing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from methodologies.models import DisseminationActivity
from netw import roles, search
from netw.access import get_visible_or_404, require
from netw.pagination import paginate
from netw.search import results, terms_of
from netw.workflow import (
    review_decision,
    submit_for_review,
)
from providers.models import Network, Provider

from . import services
from .filters import GoodPracticeFilter
from .forms import GoodPracticeForm, SubmitNoteForm
from .models import PRACTICE_SEARCH, GoodPractice

FORM = "sustainability/goodpractice_form.html"


def goodpractice_list(request: HttpRequest) -> HttpResponse:
    """The public repertoire: published practices, filtered, searched (ranked, highlighted, as
    the methodology inventory: netw/search.py), paginated; and what each partner has shared."""
    filterset = GoodPracticeFilter(request.GET or None,
                                   queryset=GoodPractice.objects.published().for_list())
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and not filterset.is_valid():
        queryset = queryset.none()
    asked = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    text = (asked.get("q") or "").strip()
    page = paginate(request, queryset)
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
    return list(GoodPractice.objects.published().order_by()
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
    return {
        "practice": practice,
        "organisation": _organisation(practice, user),
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


def goodpractice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(_detail_queryset(), request.user, slug=slug)
    return render(request, "sustainability/goodpractice_detail.html",
                  _detail_context(request, practice))


@login_required
def goodpractice_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_goodpractice")
    form = GoodPracticeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_save(practice=form.save(commit=False), by=request.user,
                                          m2m=form.m2m())
        if "submit" in request.POST:
            return _submit(request, practice)
        messages.success(request, _("Draft saved. Preview it, then submit it for review."))
        return redirect(practice)
    return render(request, FORM, {"form": form})


@login_required
def goodpractice_edit(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_visible_or_404(GoodPractice.objects.all(), request.user, slug=slug)
    require(request.user, "sustainability.change_goodpractice", practice)
    form = GoodPracticeForm(request.POST or None, instance=practice, user=request.user)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_save(practice=form.save(commit=False), by=request.user,
                                          m2m=form.m2m())
        if "submit" in request.POST and practice.is_draft:
            return _submit(request, practice)
        messages.success(request, _("Changes saved."))
        return redirect(practice)
    return render(request, FORM, {"form": form, "practice": practice})


def _submit(request: HttpRequest, practice: GoodPractice, comment: str = "") -> HttpResponse:
    return submit_for_review(request, practice, comment=comment, form_class=GoodPracticeForm,
                             template=FORM, context={"practice": practice})


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
