"""Publications (the Guidebook on external communication, …) with a file per language."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, require
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.translations import languages_box, redirect_target, with_best_versions
from netw.uploads import private_file_response
from netw.workflow import (
    ReviewDecisionForm,
    is_item_reviewer,
    review_decision,
    show_requested_missing,
    submit_for_review,
    warn_same_title,
)

from .. import services
from ..forms import PublicationFileForm, PublicationForm, PublicationTranslationForm
from ..models import Publication


@cache_for_visitors
def publication_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Publication.objects.published().originals().for_list())
    # Each original through what the viewer reads: its translation into their language, if any.
    with_best_versions(page.object_list, request.user)
    return render(request, "methodologies/publication_list.html", {
        "page_obj": page,
        "can_add": request.user.has_perm("methodologies.add_publication"),
    })


@cache_for_visitors
def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    publication = get_visible_or_404(Publication.objects.for_list(), request.user, slug=slug)
    elsewhere = redirect_target(request, publication, request.user)
    if elsewhere is not None:  # the viewer's language has a published translation
        return redirect(elsewhere)
    user = request.user
    can_change = user.has_perm("methodologies.change_publication", publication)
    translate_url = (reverse("methodologies:publication_translate", args=[publication.slug])
                     if user.has_perm("methodologies.translate_publication", publication) else "")
    return render(request, "methodologies/publication_detail.html", {
        "publication": publication,
        "record_languages": languages_box(publication, user, translate_url=translate_url),
        # A translation's files are its original's.
        "files": list(publication.original.files.all()),
        "can_change": can_change,
        "can_submit": user.has_perm("methodologies.submit_publication", publication),
        "can_review": user.has_perm("methodologies.review_publication", publication),
        "events": list(publication.review_events.select_related("actor")[:10])
        if can_change or is_item_reviewer(user, publication) else [],
        "review_form": ReviewDecisionForm(user=request.user),
    })


@login_required
def publication_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "methodologies.add_publication")
    form = PublicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and not warn_same_title(request, form):
        publication = services.publication_save(publication=form.save(commit=False),
                                                by=request.user)
        messages.success(request, _("Draft saved. Now upload its file in each language."))
        return redirect(publication)
    return render(request, "methodologies/publication_form.html", {"form": form})


@login_required
def publication_translate(request: HttpRequest, slug: str) -> HttpResponse:
    """A new translation of a publication's record, starting from the original's text; a draft
    of the translator's partner, reviewed like any publication."""
    original = get_visible_or_404(Publication.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.translate_publication", original)
    form = PublicationTranslationForm(request.POST or None, original=original,
                                      user=request.user)
    if request.method == "POST" and form.is_valid():
        translation = services.publication_save(publication=form.save(commit=False),
                                                by=request.user)
        messages.success(request, _("Translation saved as a draft. Submit it for review when "
                                    "it is ready."))
        return redirect(translation)
    return render(request, "methodologies/publication_form.html",
                  {"form": form, "original": original})


@login_required
def publication_edit(request: HttpRequest, slug: str) -> HttpResponse:
    publication = get_visible_or_404(Publication.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.change_publication", publication)
    form_class = PublicationTranslationForm if publication.is_translation else PublicationForm
    form = form_class(request.POST or None, instance=publication, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.publication_save(publication=form.save(commit=False), by=request.user)
        messages.success(request, _("Changes saved."))
        return redirect(publication)
    show_requested_missing(request, form, publication)
    return render(request, "methodologies/publication_form.html",
                  {"form": form, "publication": publication})


@login_required
def publication_file_add(request: HttpRequest, slug: str) -> HttpResponse:
    publication = get_visible_or_404(Publication.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.change_publication", publication)
    form = PublicationFileForm(request.POST or None, request.FILES or None,
                               initial={"language": publication.language})
    if request.method == "POST" and form.is_valid():
        services.publication_file_put(publication=publication, by=request.user,
                                      **form.cleaned_data)
        messages.success(request, _("File uploaded."))
        return redirect(publication)
    return render(request, "methodologies/publication_file_form.html",
                  {"form": form, "publication": publication})


def publication_file_download(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    publication = get_visible_or_404(Publication.objects.all(), request.user, slug=slug)
    version = publication.files.filter(language=language).first()
    if version is None or not version.file:
        raise Http404
    return private_file_response(version.file, download_name=version.download_name)


@login_required
@require_POST
def publication_submit(request: HttpRequest, slug: str) -> HttpResponse:
    publication = get_visible_or_404(Publication.objects.all(), request.user, slug=slug)
    require(request.user, "methodologies.change_publication", publication)
    return submit_for_review(
        request, publication,
        edit_url=reverse("methodologies:publication_edit", args=[publication.slug]))


@login_required
@require_POST
def publication_review(request: HttpRequest, slug: str) -> HttpResponse:
    publication = get_visible_or_404(Publication.objects.all(), request.user, slug=slug)
    form, done = review_decision(request, publication,
                                 gone="methodologies:methodology_workspace")
    for errors in form.errors.values():  # the decision form sits on the publication's page
        for error in errors:
            messages.error(request, error)
    return done or redirect(publication)
