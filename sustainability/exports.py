"""Work package 3's exportable lists (CSV, XLSX), filtered like their pages (see
netw/exports/registry.py; found through ``netw.discovery.app_modules("exports")``).

Each list is the page's own FilterSet over what the person may see (``visible_to``), so the file
holds the rows the page shows.
"""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.exports.registry import Column, ExportList, register
from providers.vocabulary import Level


def _query(filters) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in (filters or {}).items():
        data.setlist(key, values)
    return data


def _choice_label(choices):
    # Translated when the row is written, in the language of the person who asked.
    labels = dict(choices)
    return lambda value: str(labels.get(value, value or ""))


def _country_names(value) -> str:
    """A multiple country field's stored codes ("HU,PT") as names."""
    codes = [code for code in str(value or "").split(",") if code]
    return ", ".join(str(countries.name(code)) for code in codes) or str(_("Europe-wide"))


# --- Policy recommendations and their uptake ------------------------------------------------------


def _recommendations(user, filters):
    from .filters import RecommendationFilter
    from .models import Recommendation

    filterset = RecommendationFilter(_query(filters),
                                     queryset=Recommendation.objects.published())
    queryset = filterset.qs if filterset.is_valid() else Recommendation.objects.none()
    return queryset.order_by("title", "pk")


def _uptake_steps(user, filters):
    from .filters import UptakeStepFilter
    from .models import UptakeStep

    filterset = UptakeStepFilter(_query(filters), user=user,
                                 queryset=UptakeStep.objects.visible_to(user))
    queryset = filterset.qs if filterset.is_valid() else UptakeStep.objects.none()
    return queryset.order_by("recommendation__title", "country", "date", "pk")


def _stage_label(value) -> str:
    from .models import UptakeStage

    return str(UptakeStage(value).label) if value else ""


register(ExportList(
    name="recommendations",
    label=_("Policy recommendations"),
    queryset=_recommendations,
    columns=[
        Column(_("Title"), "title"),
        Column(_("Summary"), "summary"),
        Column(_("Level"), "level", _choice_label(Level.choices)),
        Column(_("Countries addressed"), "countries", _country_names),
        Column(_("Addressed to"), "addressees__name", lambda names: [gettext(n) for n in names],
               many=True),
        Column(_("Written by"), "owner_partner__short_name"),
        Column(_("Language"), "language"),
        Column(_("Published at"), "published_at"),
        Column(_("Address"), "slug"),
    ],
))

# Exports are for the partners' staff (member_or_coordinator, the default), who may see every
# stakeholder of the registry: the stakeholder's name is in the file.
register(ExportList(
    name="uptake_steps",
    label=_("Uptake of the policy recommendations"),
    queryset=_uptake_steps,
    columns=[
        Column(_("Recommendation"), "recommendation__title"),
        Column(_("Country"), "country", lambda code: str(countries.name(code)) if code else ""),
        Column(_("Date"), "date"),
        Column(_("Stage"), "stage", _stage_label),
        Column(_("Stakeholder"), "stakeholder__name"),
        Column(_("Evidence (link)"), "evidence_link"),
        Column(_("Evidence (file)"), "evidence_file",
               lambda name: str(name).rsplit("/", 1)[-1] if name else ""),
        Column(_("Note"), "note"),
        Column(_("Reason for going back"), "reason"),
        Column(_("Recorded by partner"), "owner_partner__short_name"),
        Column(_("Recorded by"), "created_by__email"),
        Column(_("Recorded at"), "created_at"),
    ],
))
