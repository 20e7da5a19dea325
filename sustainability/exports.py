"""Work package 3's exportable lists (netw/exports/registry.py, found through
``netw.discovery.app_modules("exports")``).

The good-practice list exports what its page shows: the published practices, narrowed by the
page's own filter set (search, funding model, country, level, sector, target group, partner,
language). Other WP3 lists append their ``register(ExportList(...))`` below, each in its block.
"""

from __future__ import annotations

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.exports.registry import Column, ExportList, register
from providers.vocabulary import Level, SectorCode, TargetGroupCode


def _country_name(code) -> str:
    return str(countries.name(code)) if code else ""


def _label(choices):
    # Translated when the row is written (in the language of the person who asked).
    labels = dict(choices)
    return lambda value: str(labels.get(value, value or ""))


def _labels(choices):
    labels = dict(choices)
    return lambda codes: [str(labels.get(code, code)) for code in codes]


def _query_dict(filters) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in filters.items():
        data.setlist(key, values)
    return data


# --- Good practices --------------------------------------------------------------------------


def good_practices(user, filters):
    """The rows of the repertoire's page for these filters (an invalid filter: none)."""
    from .filters import GoodPracticeFilter
    from .models import GoodPractice

    base = GoodPractice.objects.visible_to(user).published()
    filterset = GoodPracticeFilter(_query_dict(filters) or None, queryset=base)
    if not filterset.is_bound:
        return base.order_by("-published_at", "title", "pk")
    if not filterset.is_valid():
        return base.none()
    qs = filterset.qs
    return qs if qs.query.order_by else qs.order_by("-published_at", "title", "pk")


def _practice_url(slug: str) -> str:
    return settings.SITE_URL + reverse("sustainability:goodpractice_detail", args=[slug])


register(ExportList(
    name="good_practices",
    label=_("Good practices"),
    queryset=good_practices,
    columns=[
        Column(_("Title"), "title"),
        Column(_("Page"), "slug", _practice_url),
        Column(_("Summary"), "summary"),
        Column(_("Funding model"), "funding_model__name",
               lambda name: gettext(name) if name else ""),
        Column(_("Country"), "country", _country_name),
        Column(_("Level"), "level", _label(Level.choices)),
        Column(_("Organisation"), "organisation"),
        Column(_("Share of revenue (%)"), "revenue_share"),
        Column(_("Years running"), "years_running"),
        Column(_("Sectors"), "sectors__code", _labels(SectorCode.choices), many=True),
        Column(_("Target groups"), "target_groups__code", _labels(TargetGroupCode.choices),
               many=True),
        Column(_("Written in"), "language", _label(settings.LANGUAGES)),
        Column(_("Shared by"), "owner_partner__short_name"),
        Column(_("Published at"), "published_at"),
    ],
))
