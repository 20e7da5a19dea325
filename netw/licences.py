"""The open licences of the project's public outputs, and how to cite them.

Erasmus+ asks for the outputs (methodologies, publications, good practices, policy
recommendations) under an open licence, CC BY 4.0 by default, downloadable without
registration. The licences are defined here once; a public item's model inherits
:class:`LicensedModel`::

    class GoodPractice(TranslatableRecord, OwnedModel, PublishableModel, LicensedModel):
        ...

its form lists ``"licence"`` in ``Meta.fields`` (the model's help text explains the choice), and
its pages include ``templates/includes/licence.html`` (``record=…``; ``part="head"`` in the head
block for ``<link rel="license">``). A translation has its original's licence: it is copied when
the translation is saved and always read from the original (:attr:`LicensedModel.licence_info`).
Feeds derive from ``netw.feeds.PortalFeed`` (through :class:`LicensedFeedMixin`: the feed's and
each entry's licence); an export's list adds :func:`licence_column`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import Promise
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str  # the SPDX identifier, stored in the records
    short: str  # the licence's own short name, the same in every language
    name: str | Promise  # Creative Commons' own name of the licence, translated
    url: str  # the canonical legal code
    allows: str | Promise  # what it allows, in one sentence


LICENCES: tuple[Licence, ...] = (
    Licence("CC-BY-4.0", "CC BY 4.0", _("Attribution 4.0 International (CC BY 4.0)"),
            "https://creativecommons.org/licenses/by/4.0/",
            _("Anyone may share and adapt it, also commercially, if they credit the authors.")),
    Licence("CC-BY-SA-4.0", "CC BY-SA 4.0",
            _("Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"),
            "https://creativecommons.org/licenses/by-sa/4.0/",
            _("Anyone may share and adapt it, also commercially, if they credit the authors and "
              "share their adaptations under the same licence.")),
    Licence("CC-BY-NC-4.0", "CC BY-NC 4.0",
            _("Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)"),
            "https://creativecommons.org/licenses/by-nc/4.0/",
            _("Anyone may share and adapt it for non-commercial purposes, if they credit the "
              "authors.")),
    Licence("CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0",
            _("Attribution-NonCommercial-ShareAlike 4.0 International (CC BY-NC-SA 4.0)"),
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            _("Anyone may share and adapt it for non-commercial purposes, if they credit the "
              "authors and share their adaptations under the same licence.")),
    Licence("CC0-1.0", "CC0 1.0", _("CC0 1.0 Universal (public domain dedication)"),
            "https://creativecommons.org/publicdomain/zero/1.0/",
            _("Anyone may use it for any purpose, without conditions.")),
)

DEFAULT_LICENCE = "CC-BY-4.0"
BY_CODE: dict[str, Licence] = {licence.code: licence for licence in LICENCES}
LICENCE_CHOICES = [(licence.code, licence.name) for licence in LICENCES]


def get_licence(code: str | None) -> Licence:
    """The licence of ``code`` (the default for an unknown or empty one)."""
    return BY_CODE.get(code or "", BY_CODE[DEFAULT_LICENCE])


def licence_label(code: str | None) -> str:
    """For an export's column: the short name and the URL ("CC BY 4.0 https://…")."""
    licence = get_licence(code)
    return f"{licence.short} {licence.url}"


def licence_column():
    """The column of an export list (netw/exports/registry.py) that names the licence."""
    from netw.exports.registry import Column

    return Column(_("Licence"), "licence", licence_label)


LICENCE_HELP = _(
    "Under which open licence visitors may reuse it. Erasmus+ expects the project's outputs "
    "under CC BY 4.0 (the default): anyone may share and adapt them, also commercially, if "
    "they credit the authors. The NonCommercial (NC) licences forbid commercial reuse; the "
    "ShareAlike (SA) licences require adaptations to keep the same licence; CC0 gives up every "
    "right.")


class LicensedModel(models.Model):
    """Abstract: ``licence`` (an SPDX identifier of :data:`LICENCES`, CC BY 4.0 by default).

    On a translatable record (netw/translations.py) a translation has its original's licence."""

    licence = models.CharField(_("licence"), max_length=20, choices=LICENCE_CHOICES,
                               default=DEFAULT_LICENCE, help_text=LICENCE_HELP)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        original = getattr(self, "translation_of", None)
        if original is not None:
            self.licence = original.licence
        super().save(*args, **kwargs)

    @property
    def licence_info(self) -> Licence:
        """The licence that applies: a translation's is its original's."""
        original = getattr(self, "original", self)
        return get_licence(original.licence)

    @property
    def citation_year(self) -> int:
        """The year of a citation: when the item was published (this year for a draft)."""
        published = getattr(self, "published_at", None)
        return localtime(published).year if published else localtime().year

    @property
    def citation_authors(self) -> str:
        """Who a citation names: the partner of the original, and the translator's partner of a
        translation by another partner."""
        original = getattr(self, "original", self)
        names = [original.owner_partner.name]
        if original is not self and self.owner_partner_id != original.owner_partner_id:
            names.append(self.owner_partner.name)
        return ", ".join(names)


# --- Forms -------------------------------------------------------------------------------------


class LicensedFormMixin:
    """For the ``ModelForm`` of a :class:`LicensedModel` whose ``Meta.fields`` list
    ``"licence"``: the select (without an empty choice) starts at CC BY 4.0 for a new record, and
    a form sent without it (an older page, a script) keeps the record's licence instead of
    failing or resetting it. An unknown value is refused as any invalid choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "licence" in self.fields:
            self.fields["licence"].required = False

    def clean_licence(self) -> str:
        return self.cleaned_data.get("licence") or self.instance.licence or DEFAULT_LICENCE


# --- Feeds -------------------------------------------------------------------------------------


class LicensedAtom1Feed(Atom1Feed):
    """Atom with the feed's and each entry's licence as ``<link rel="license">`` (RFC 4946)
    besides ``<rights>``."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("licence_url"):
            handler.addQuickElement("link", "", {"rel": "license",
                                                 "href": self.feed["licence_url"]})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("licence_url"):
            handler.addQuickElement("link", "", {"rel": "license", "href": item["licence_url"]})


class LicensedFeedMixin:
    """For a ``django.contrib.syndication.views.Feed``: the feed carries the licence of the
    portal's open data (:data:`DEFAULT_LICENCE`, under which the registry and the calendar are
    published), and each :class:`LicensedModel` entry its own licence."""

    feed_type = LicensedAtom1Feed
    feed_licence = DEFAULT_LICENCE

    def feed_copyright(self) -> str:
        licence = get_licence(self.feed_licence)
        return f"{licence.short} {licence.url}"

    def feed_extra_kwargs(self, obj) -> dict:
        return {**super().feed_extra_kwargs(obj),
                "licence_url": get_licence(self.feed_licence).url}

    def item_copyright(self, item) -> str | None:
        if not isinstance(item, LicensedModel):
            return None
        licence = item.licence_info
        return f"{licence.short} {licence.url}"

    def item_extra_kwargs(self, item) -> dict:
        extra = super().item_extra_kwargs(item)
        if isinstance(item, LicensedModel):
            extra["licence_url"] = item.licence_info.url
        return extra


# --- Pages -------------------------------------------------------------------------------------


def licence_box(record, request=None) -> dict:
    """The context of ``templates/includes/licence.html``: the licence and the parts of the
    citation (who, what, when, where)."""
    path = record.get_absolute_url()
    return {
        "licence": record.licence_info,
        "authors": record.citation_authors,
        "title": record.title,
        "year": str(record.citation_year),
        "url": request.build_absolute_uri(path) if request is not None else path,
        "tag": getattr(record, "language_tag", ""),
    }


def demo_licence(index: int) -> str:
    """The demo's mix (each app's demo.py): mostly CC BY 4.0, one record in four another
    licence."""
    others = [licence.code for licence in LICENCES if licence.code != DEFAULT_LICENCE]
    return others[(index // 4) % len(others)] if index % 4 == 3 else DEFAULT_LICENCE
