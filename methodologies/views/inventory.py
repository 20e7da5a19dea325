"""The methodology inventory: public list, search and pages; writing, submitting and reviewing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw import roles, search
from netw.access import get_visible_or_404, require
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.translations import languages_box, redirect_target, with_best_versions
from netw.uploads import private_file_response
from netw.workflow import (
    review_decision,
    show_requested_missing,
    submit_for_review,
    warn_same_title,
)
from providers.models import Provider

from .. import services
from ..filters import MethodologyFilter
from ..forms import AttachmentForm, MethodologyForm, MethodologyTranslationForm, ReviewForm
from ..models import Methodology, Publication, Roundtable
from ..search import SEARCH, headlines, snippet, terms_of


@cache_for_visitors
def methodology_list(request: HttpRequest) -> HttpResponse:
    """The public inventory: published methodologies, filtered, searched, paginated."""
    filterset = MethodologyFilter(request.GET or None,
                                  queryset=Methodology.objects.published().originals().for_list())
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and not filterset.is_valid():
        queryset = queryset.none()
    text = request.GET.get("q", "").strip() if filterset.is_valid() else ""
    page = paginate(request, queryset)
    # Each original through what the viewer reads: its translation into their language, if any.
    with_best_versions(page.object_list, request.user)
    fragments = headlines(Methodology, [m.pk for m in page.object_list], text)
    rows = [(m, snippet(m, text, fragments) if text else None) for m in page.object_list]
    return render(request, "methodologies/methodology_list.html", {
        "filter": filterset, "page_obj": page, "rows": rows, "query": text,
        "terms": terms_of(text), "count": page.paginator.count,
        "suggestion": search.page_suggestion(page, Methodology.objects.published(), text,
                                             SEARCH),
    })


@login_required
def methodology_workspace(request: HttpRequest) -> HttpResponse:
    """The member's side: my partner's methodologies in every state, and what awaits my review."""
    user = request.user
    mine = (Methodology.objects.visible_to(user)
            .filter(owner_partner_id__in=[m.partner_id for m in _memberships(user)])
            .select_related("owner_partner").order_by("status", "-updated_at"))
    to_review = Methodology.objects.awaiting_review_by(user).select_related("owner_partner")
    publications_to_review = Publication.objects.awaiting_review_by(user)
    return render(request, "methodologies/methodology_workspace.html", {
        "page_obj": paginate(request, mine), "to_review": to_review,
        "publications_to_review": publications_to_review,
    })


def _memberships(user):
    return roles.memberships(user)


def _detail_context(request: HttpRequest, methodology: Methodology) -> dict:
    user = request.user
    can_change = user.has_perm("methodologies.change_methodology", methodology)
    can_review = user.has_perm("methodologies.review_methodology", methodology)
    translate_url = (reverse("methodologies:methodology_translate", args=[methodology.slug])
                     if user.has_perm("methodologies.translate_methodology", methodology) else "")
    return {
        "methodology": methodology,
        # A translation's facts (target groups, country, …) are its original's.
        "facts": methodology.original,
        "record_languages": languages_box(methodology, user, translate_url=translate_url),
        "attachments": list(methodology.attachments.all()),
        "related": list(Methodology.objects.visible_to(user)
                        .filter(related=methodology).only("slug", "title", "summary")),
        "roundtables": list(Roundtable.objects.visible_to(user)
                            .filter(methodologies=methodology).only("pk", "title", "starts_at")),
        "adoptions": _adoptions(methodology, user),
        "can_change": can_change,
        "can_submit": user.has_perm("methodologies.submit_methodology", methodology),
        "can_review": can_review,
        "events": (list(methodology.review_events.select_related("actor")[:10])
                   if can_change or can_review else []),
        "preview": request.GET.get("preview") == "1",
    }


def _adoptions(methodology: Methodology, user) -> dict:
    """Which providers use it, in which countries (providers the user may see)."""
    rows = list(methodology.adoptions.filter(provider__in=Provider.objects.visible_to(user))
                .select_related("provider").order_by("provider__country", "provider__name"))
    countries = sorted({a.provider.country.name for a in rows if a.provider.country})
    return {"rows": rows, "count": len({a.provider_id for a in rows}), "countries": countries}


@cache_for_visitors
def methodology_detail(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(
        Methodology.objects.select_related("owner_partner", "origin_provider")
        .prefetch_related("target_groups", "sectors"),
        request.user, slug=slug)
    elsewhere = redirect_target(request, methodology, request.user)
    if elsewhere is not None:  # the viewer's language has a published translation
        return redirect(elsewhere)
    return render(request, "methodologies/methodology_detail.html",
                  _detail_context(request, methodology))


def methodology_print(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(
        Methodology.objects.select_related("owner_partner")
        .prefetch_related("target_groups", "sectors"),
        request.user, slug=slug)
    return render(request, "methodologies/methodology_print.html",
                  {"methodology": methodology, "facts": methodology.original})


@login_required
def methodology_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.add_methodology")
    form = MethodologyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and not warn_same_title(request, form):
        methodology = services.methodology_save(
            methodology=form.save(commit=False), by=request.user,
            m2m={k: form.cleaned_data[k] for k in ("target_groups", "sectors", "related")})
        if "submit" in request.POST:
            return _submit(request, methodology, saved=True)
        messages.success(request, _("Draft saved. Preview it, then submit it for review."))
        return redirect(methodology)
    return render(request, "methodologies/methodology_form.html", {"form": form})


@login_required
def methodology_translate(request: HttpRequest, slug: str) -> HttpResponse:
    """A new translation of a methodology, starting from the original's text; a draft of the
    translator's partner, reviewed like any methodology."""
    original = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.translate_methodology", original)
    form = MethodologyTranslationForm(request.POST or None, original=original, user=request.user)
    if request.method == "POST" and form.is_valid():
        translation = services.methodology_save(methodology=form.save(commit=False),
                                                by=request.user)
        if "submit" in request.POST:
            return _submit(request, translation, saved=True)
        messages.success(request, _("Translation saved as a draft. Submit it for review when "
                                    "it is ready."))
        return redirect(translation)
    return render(request, "methodologies/methodology_form.html",
                  {"form": form, "original": original})


@login_required
def methodology_edit(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.change_methodology", methodology)
    if methodology.is_translation:
        form = MethodologyTranslationForm(request.POST or None, instance=methodology,
                                          user=request.user)
    else:
        form = MethodologyForm(request.POST or None, instance=methodology, user=request.user)
    if request.method == "POST" and form.is_valid():
        methodology = services.methodology_save(
            methodology=form.save(commit=False), by=request.user,
            m2m={k: form.cleaned_data[k] for k in ("target_groups", "sectors", "related")
                 if k in form.cleaned_data})
        if "submit" in request.POST and methodology.is_draft:
            return _submit(request, methodology, saved=True)
        messages.success(request, _("Changes saved."))
        return redirect(methodology)
    show_requested_missing(request, form, methodology)
    return render(request, "methodologies/methodology_form.html",
                  {"form": form, "methodology": methodology})


def _submit(request: HttpRequest, methodology: Methodology, *, comment: str = "",
            saved: bool = False) -> HttpResponse:
    return submit_for_review(
        request, methodology, comment=comment, saved=saved,
        edit_url=reverse("methodologies:methodology_edit", args=[methodology.slug]))


@login_required
@require_POST
def methodology_submit(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.change_methodology", methodology)
    form = ReviewForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _submit(request, methodology, comment=comment)


@login_required
def methodology_review(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(
        Methodology.objects.select_related("owner_partner", "origin_provider")
        .prefetch_related("target_groups", "sectors"),
        request.user, slug=slug)
    form, done = review_decision(request, methodology,
                                 gone="methodologies:methodology_workspace")
    if done:
        return done
    if not methodology.is_submitted:
        messages.info(request, _("This methodology is not awaiting review."))
    return render(request, "methodologies/methodology_review.html",
                  {**_detail_context(request, methodology), "form": form})


@login_required
def methodology_history(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    require(request.user, "netw.view_item_history", methodology)
    versions = paginate(request, methodology.history.select_related("history_user")
                        .order_by("-history_date"))
    return render(request, "methodologies/methodology_history.html", {
        "methodology": methodology, "page_obj": versions,
        "events": methodology.review_events.select_related("actor"),
    })


@login_required
def attachment_add(request: HttpRequest, slug: str) -> HttpResponse:
    methodology = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.change_methodology", methodology)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.attachment_add(methodology=methodology, by=request.user, **form.cleaned_data)
        messages.success(request, _("File attached."))
        return redirect(methodology)
    return render(request, "methodologies/attachment_form.html",
                  {"form": form, "methodology": methodology})


def attachment_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    methodology = get_visible_or_404(Methodology.objects.all(), request.user, slug=slug)
    attachment = methodology.attachments.filter(pk=pk).first()
    if attachment is None or not attachment.file:
        raise Http404
    return private_file_response(attachment.file, download_name=attachment.download_name)

