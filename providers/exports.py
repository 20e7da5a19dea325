"""The registry's exports: the partner, provider, network and stakeholder lists (CSV, XLSX),
filtered like their list pages, and the country overview as a printable report (PDF).

Found by netw/exports/registry.py through ``netw.discovery.app_modules("exports")``: the core's
export machinery never names the registry. The country report counts with the page's own
function (providers.overview.country_overview), for the person who asked for it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.exports.registry import (
    Column,
    ExportList,
    Report,
    choice_label,
    choice_labels,
    country_name,
    register,
)
from providers.overview import country_overview
from providers.vocabulary import (
    LegalForm,
    Level,
    Maturity,
    SectorCode,
    StakeholderKind,
    TargetGroupCode,
    Verification,
)


def _partners(user, filters):
    from providers.models import Partner

    return Partner.objects.visible_to(user).order_by("short_name")


register(ExportList(
    name="partners",
    label=_("Partners"),
    queryset=_partners,
    columns=[
        Column(_("Short name"), "short_name"),
        Column(_("Full name"), "name"),
        Column(_("Country"), "country", country_name),
        Column(_("City"), "city"),
        Column(_("Website"), "website"),
        Column(_("Leads work package"), "leads_work_package"),
    ],
))


def _filterset(model_name: str, filter_name: str):
    """The registry's list page's FilterSet over what the person may see (``visible_to``)."""

    def build(user, filters):
        from types import SimpleNamespace

        from django.http import QueryDict

        from providers import filters as registry_filters
        from providers import models

        model = getattr(models, model_name)
        data = QueryDict(mutable=True)
        for key, values in filters.items():
            data.setlist(key, values)
        base = model.objects.visible_to(user)
        if hasattr(base, "for_list") and model_name == "Network":
            base = base.for_list()  # the "members" sort needs the count
        return getattr(registry_filters, filter_name)(
            data, queryset=base, request=SimpleNamespace(user=user))

    return build


def _filtered(model_name: str, filter_name: str):
    """The rows the registry's list page shows for these filters: its own FilterSet, so the file
    matches the page."""
    filterset = _filterset(model_name, filter_name)

    def build(user, filters):
        qs = filterset(user, filters).qs
        return qs if qs.query.order_by else qs.order_by("name", "pk")

    return build


def _registry_lists() -> list[ExportList]:
    common_head = [Column(_("Name"), "name"), Column(_("Country"), "country", country_name)]
    common_tail = [
        Column(_("Website"), "website"),
        Column(_("Contact person"), "contact_person"),
        Column(_("Contact e-mail"), "contact_email"),
        Column(_("Contact phone"), "contact_phone"),
        Column(_("Registered by"), "owner_partner__short_name"),
        Column(_("Updated at"), "updated_at"),
    ]
    return [
        ExportList(name="providers", label=_("Providers"),
                   queryset=_filtered("Provider", "ProviderFilter"),
                   filterset=_filterset("Provider", "ProviderFilter"), columns=[
                       *common_head,
                       Column(_("Region"), "region"),
                       Column(_("City"), "city"),
                       Column(_("Legal form"), "legal_form", choice_label(LegalForm.choices)),
                       Column(_("Learners per year"), "learners_per_year"),
                       Column(_("Workers per year"), "workers_per_year"),
                       Column(_("Sectors"), "sectors__code",
                              choice_labels(SectorCode.choices), many=True),
                       Column(_("Target groups"), "target_groups__code",
                              choice_labels(TargetGroupCode.choices), many=True),
                       Column(_("Networks"), "networks__name", many=True),
                       Column(_("Verification"), "verification",
                              choice_label(Verification.choices)),
                       *common_tail]),
        ExportList(name="networks", label=_("Networks"),
                   queryset=_filtered("Network", "NetworkFilter"),
                   filterset=_filterset("Network", "NetworkFilter"), columns=[
                       *common_head,
                       Column(_("Acronym"), "acronym"),
                       Column(_("Level"), "level", choice_label(Level.choices)),
                       Column(_("Region"), "region"),
                       Column(_("Maturity"), "maturity", choice_label(Maturity.choices)),
                       Column(_("Represented by partner"), "representing_partner__short_name"),
                       Column(_("Founded in"), "founded_year"),
                       *common_tail]),
        ExportList(name="stakeholders", label=_("Stakeholders"),
                   queryset=_filtered("Stakeholder", "StakeholderFilter"),
                   filterset=_filterset("Stakeholder", "StakeholderFilter"), columns=[
                       *common_head,
                       Column(_("Type"), "kind", choice_label(StakeholderKind.choices)),
                       Column(_("Level"), "level", choice_label(Level.choices)),
                       Column(_("Region"), "region"),
                       Column(_("City"), "city"),
                       *common_tail]),
    ]


for entry in _registry_lists():
    register(entry)


def country_report(user, filters) -> dict:
    """The country overview page's figures, for the person who asked: the same function, so the
    same counts (visitors' rules included: stakeholders only for those who may see them)."""
    return {"overview": country_overview(user)}


register(Report(
    name="country_overview",
    label=_("Country overview of the registry"),
    description=_("Providers, networks and stakeholders per country and level, as on the "
                  "Countries page, ready to print."),
    template="exports/reports/country_overview.html",
    context=country_report,
))
