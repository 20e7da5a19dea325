"""Records in several languages: a translation is a record of the same model that points to its
original.

Methodologies, good practices, recommendations, publications and courses are written in one
language (``language``, a record language: netw/languages.py) and may have translations. A
translation is a row of its own — its partner (the translator's), its own draft → submitted →
published workflow, reviewed like the original through netw/workflow.py — with
``translation_of`` pointing to the original. Not django-parler: a translation must be reviewed
like the original, and record languages are not limited to the interface's.

Rules (enforced by :func:`check_translation` and, where the database can, by constraints):

- one translation per (original, language), and none in the original's language;
- a translation of a translation is refused: translate the original.

``translation_of`` is ``PROTECT``: a translation is another partner's reviewed work, so deleting
an original (only the admin deletes these records) must not wipe it silently; the admin lists
the translations that block the delete, to be deleted (or kept) on purpose first.

Using it in an app::

    class Methodology(TranslatableRecord, OwnedModel, PublishableModel):
        translatable_fields = ("title", "summary", "body", ...)

        class Meta:
            constraints = [*TRANSLATION_CONSTRAINTS]

and on pages::

    Methodology.objects.published().originals()              # lists show originals only
    rows = with_best_versions(page.object_list, user)        # row.shown: what the viewer reads
    language_versions(record, user); best_version(record, language, user)
    missing_languages(record, user)                          # interface languages without one
    languages_box(record, user, translate_url=...)  # includes/record_languages.html
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import rules
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from netw.languages import (
    RecordLanguageField,
    bcp47,
    interface_languages,
    language_name,
    language_name_in_sentence,
    record_language_codes,
)

# Each translatable model lists these in its Meta.constraints (a model's own Meta replaces an
# abstract parent's, so the mixin cannot add them by itself).
TRANSLATION_CONSTRAINTS = [
    models.UniqueConstraint(
        fields=["translation_of", "language"], condition=Q(translation_of__isnull=False),
        name="%(app_label)s_%(class)s_one_translation_per_language"),
    models.CheckConstraint(
        condition=Q(translation_of__isnull=True) | ~Q(translation_of=F("pk")),
        name="%(app_label)s_%(class)s_not_its_own_translation"),
]

# Asked with ``?original=1``: the original itself, not the viewer's language's version.
ORIGINAL_PARAM = "original"


class TranslatableQuerySet(models.QuerySet):
    def originals(self):
        return self.filter(translation_of__isnull=True)

    def translations(self):
        return self.filter(translation_of__isnull=False)


class TranslatableRecord(models.Model):
    """Abstract: ``translation_of``. The model has a ``language`` field and declares its
    ``translatable_fields`` (the text a translator writes; the rest is the original's)."""

    translatable_fields: ClassVar[tuple[str, ...]] = ()

    translation_of = models.ForeignKey(
        "self", verbose_name=gettext_lazy("translation of"), on_delete=models.PROTECT,
        null=True, blank=True, editable=False, related_name="translations")

    class Meta:
        abstract = True

    @property
    def is_translation(self) -> bool:
        return self.translation_of_id is not None

    @property
    def original(self):
        """The original: itself, or the record it translates."""
        return self.translation_of if self.translation_of_id else self

    @property
    def language_tag(self) -> str:
        """The record's language as a BCP 47 tag, for ``lang`` and ``hreflang``."""
        return bcp47(self.language)

    @property
    def language_name(self) -> str:
        return language_name(self.language)


# --- Rules -------------------------------------------------------------------------------------


def taken_languages(original) -> set[str]:
    """Every language the original has a version in, whoever's and whatever its state (the
    constraint counts drafts too). Only for refusing a duplicate: never show it."""
    model = type(original)
    return {original.language, *model._default_manager.filter(
        translation_of=original).values_list("language", flat=True)}


def check_translation(original, language: str) -> None:
    """``ValidationError`` (on ``language``) unless ``language`` may be added to ``original``."""
    if original.translation_of_id:
        raise ValidationError(_("This is a translation: translate the original instead."))
    if language not in record_language_codes():
        raise ValidationError({"language": _("Choose a language from the list.")})
    if language == original.language:
        raise ValidationError({"language": _("The original is written in this language.")})
    if language in taken_languages(original):
        raise ValidationError({"language": _("There is already a version in this language.")})


def translation_new(original, language: str, *, owner_partner, **text):
    """An unsaved translation of ``original`` into ``language`` by ``owner_partner``, holding
    ``text`` (only the model's ``translatable_fields``; the facts stay the original's). Raises
    ``ValidationError`` as :func:`check_translation` does. The app's save service stores it,
    as its translate page does — for code that writes translations without a form (the demo)."""
    check_translation(original, language)
    unknown = set(text) - set(original.translatable_fields)
    if unknown:
        raise ValueError(f"Not translatable fields: {', '.join(sorted(unknown))}")
    return type(original)(translation_of=original, language=language,
                          owner_partner=owner_partner, **text)


def translation_initial(original) -> dict:
    """The form's starting values: the original's translatable text, to be overwritten."""
    return {name: getattr(original, name) for name in original.translatable_fields}


# --- Versions seen by a person -----------------------------------------------------------------


def _visible(model, user):
    return model._default_manager.visible_to(user)


def _language_order(code: str) -> tuple[int, str]:
    codes = record_language_codes()
    return (codes.index(code) if code in codes else len(codes), code)


def language_versions(record, user) -> list:
    """The original and its translations that ``user`` may see (the model's ``visible_to``),
    the original first, then by language."""
    original = record.original
    model = type(original)
    translations = list(_visible(model, user).filter(translation_of=original)
                        .only("pk", "slug", "title", "language", "status", "translation_of_id"))
    translations.sort(key=lambda r: _language_order(r.language))
    # The original: the caller has it (and checked its access when the record is the original);
    # a translation's reader may not see a draft original.
    if record is original or _visible(model, user).filter(pk=original.pk).exists():
        return [original, *translations]
    return translations


def best_version(record, language: str | None = None, user=None):
    """What a viewer reading ``language`` (default: the interface's) should read: the published
    translation in that language if there is one, else the original."""
    original = record.original
    language = language or get_language()
    if original.language == language:
        return original
    found = (_visible(type(original), user).published()
             .filter(translation_of=original, language=language).first())
    return found or original


def missing_languages(record, user=None) -> list[str]:
    """Interface languages without a version that ``user`` may see (without ``user``: without
    any version at all)."""
    if user is None:
        have = taken_languages(record.original)
    else:
        have = {v.language for v in language_versions(record, user)} | {record.original.language}
    return [code for code in interface_languages() if code not in have]


def with_best_versions(records: Iterable, user, language: str | None = None) -> list:
    """Set ``record.shown`` on each original of a list page to what the viewer reads: one query
    for the published translations of all of them in the viewer's language, whatever their
    number."""
    records = list(records)
    language = language or get_language()
    by_original: dict[int, object] = {}
    wanted = [r.pk for r in records if r.language != language]
    if records and wanted:
        model = type(records[0])
        for translation in (_visible(model, user).published()
                            .filter(translation_of_id__in=wanted, language=language)):
            by_original[translation.translation_of_id] = translation
    for record in records:
        record.shown = by_original.get(record.pk, record)
    return records


def available_in(queryset, language: str):
    """The originals of ``queryset`` that a reader of ``language`` can read in it: written in it,
    or with a published translation into it (a list's language filter)."""
    model = queryset.model
    translated = (model._default_manager.published().filter(language=language)
                  .values("translation_of_id"))
    return queryset.filter(models.Q(language=language) | models.Q(pk__in=translated))


# --- What the page's languages box shows --------------------------------------------------------


def version_url(version) -> str:
    """A link to exactly this version: an original's page sends readers of a translated language
    to their translation unless asked for the original."""
    url = version.get_absolute_url()
    return f"{url}?{ORIGINAL_PARAM}=1" if not version.translation_of_id else url


def wants_original(request) -> bool:
    return request.GET.get(ORIGINAL_PARAM) == "1"


def redirect_target(request, record, user):
    """Where a viewer opening ``record`` should read instead (their language's published
    translation), or ``None`` to show it.

    People who may edit the record (its partner's staff, coordinators) stay on it: they come
    back to it after saving, and reach the translations from the languages box."""
    from netw.workflow import can_edit_item

    if record.translation_of_id or wants_original(request) or request.GET.get("preview"):
        return None
    if getattr(user, "is_authenticated", False) and can_edit_item(user, record):
        return None
    best = best_version(record, get_language(), user)
    return None if best is record else best


def languages_box(record, user, *, translate_url: str = "") -> dict:
    """The context of ``templates/includes/record_languages.html`` and
    ``includes/written_in.html``: the versions ``user`` may see (links with their BCP 47 tags),
    the interface languages still missing, the original of a translation, and the link to add a
    translation (empty for people who may not)."""
    versions = language_versions(record, user)
    have = {v.language for v in versions} | {record.original.language}
    viewer = get_language()
    return {
        "record": record,
        "original": record.original if record.translation_of_id else None,
        "original_url": version_url(record.original),
        "versions": [{"record": v, "url": version_url(v), "tag": bcp47(v.language),
                      "name": language_name(v.language), "current": v.pk == record.pk,
                      "is_original": not v.translation_of_id,
                      "is_published": v.is_published} for v in versions],
        "missing": [{"code": c, "tag": bcp47(c), "name": language_name(c)}
                    for c in interface_languages() if c not in have],
        "translate_url": translate_url if not record.translation_of_id else "",
        "written_in": (language_name_in_sentence(record.language) if record.language != viewer
                       else ""),
        "alternates": [{"url": v.get_absolute_url(), "tag": bcp47(v.language)}
                       for v in versions if v.is_published],
    }


# --- Who may translate -------------------------------------------------------------------------


def _can_translate(user, record) -> bool:
    from netw import roles
    from netw.workflow import can_edit_item, is_published_item

    if record is None or record.translation_of_id:
        return False
    return bool(can_edit_item(user, record) or (
        is_published_item(user, record) and roles.is_partner_member(user)))


can_translate_item = rules.predicate(_can_translate, name="can_translate_item")


# --- The translator's form ---------------------------------------------------------------------


class TranslationFormMixin:
    """For a ``PortalModelForm`` whose ``Meta.fields`` are ``language``, ``owner_partner`` and the
    model's ``translatable_fields``: a new translation starts from the original's text, its
    language select leaves out the languages the original has, and the rules of
    :func:`check_translation` are field errors. Pass ``original=`` for a new translation; editing
    one needs nothing more."""

    def __init__(self, *args, original=None, **kwargs):
        instance = kwargs.get("instance")
        self.original = original if original is not None else getattr(
            instance, "translation_of", None)
        is_new = instance is None or instance.pk is None
        if is_new and self.original is not None:
            kwargs["initial"] = {**translation_initial(self.original),
                                 **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        if self.original is None:
            return
        taken = taken_languages(self.original)
        if not is_new:
            taken.discard(instance.language)
        self.fields["language"] = RecordLanguageField(
            exclude=taken, label=gettext_lazy("Language of the translation"))
        if is_new:
            self.instance.translation_of = self.original
            self.fields["language"].initial = next(
                (c for c in [get_language(), *interface_languages()] if c not in taken), None)

    def clean(self):
        data = super().clean()
        language = data.get("language")
        if self.original is not None and language and (
                self.instance.pk is None or language != self.instance.language):
            try:
                check_translation(self.original, language)
            except ValidationError as exc:
                self.add_error(None, exc)
        return data
