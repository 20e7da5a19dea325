"""The registry's part of the logged-in home (see netw/dashboard.py); its figures are its
indicators (providers/indicators.py)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_countries import countries

from netw import roles
from netw.dashboard import Attention, QuickAction, ReportTable
from providers.models import Network, Provider, Stakeholder
from providers.rules import is_registry_reviewer
from providers.vocabulary import Maturity, Verification


def attention(user) -> list[Attention]:
    return [*_verification(user), *_not_on_the_map(user)]


def _not_on_the_map(user) -> list[Attention]:
    """"N of your records are not on the map": their partner's providers and networks whose
    city the gazetteer did not find (every one for the registry's reviewers)."""
    if not user.has_perm("providers.place_records"):
        return []
    url = reverse("providers:unplaced_list")
    if is_registry_reviewer(user):
        text = ngettext_lazy("%(count)d record of the registry is not on the map",
                             "%(count)d records of the registry are not on the map", "count")
    else:
        text = ngettext_lazy("%(count)d of your partner's records is not on the map",
                             "%(count)d of your partner's records are not on the map", "count")
    return [Attention(text, url, (Provider.objects.to_place_by(user),
                                  Network.objects.to_place_by(user)))]


def _verification(user) -> list[Attention]:
    unverified = Provider.objects.filter(verification=Verification.UNVERIFIED)
    list_url = reverse("providers:provider_list") + "?status=unverified"
    if is_registry_reviewer(user):  # WP1 leads and coordinators verify every partner's entries
        return [Attention(ngettext_lazy("%(count)d provider waits for verification",
                                        "%(count)d providers wait for verification", "count"),
                          list_url, unverified)]
    partner_ids = roles.partner_ids(user)
    if not partner_ids:
        return []
    return [Attention(ngettext_lazy("%(count)d of your partner's providers is not verified yet",
                                    "%(count)d of your partner's providers are not verified yet",
                                    "count"),
                      list_url, unverified.filter(owner_partner_id__in=partner_ids))]


def report_tables() -> list[ReportTable]:
    """The registry per country: one grouped query per kind of record."""
    per_country: dict[str, list[int]] = {}

    def add(rows, index: int) -> None:
        for code, n in rows:
            if code:
                per_country.setdefault(code, [0] * 5)[index] += n

    providers = Provider.objects.order_by().values("country")
    add(providers.filter(verification=Verification.VERIFIED).annotate(n=Count("pk"))
        .values_list("country", "n"), 0)
    add(providers.filter(verification=Verification.UNVERIFIED).annotate(n=Count("pk"))
        .values_list("country", "n"), 1)
    networks = Network.objects.order_by().values("country")
    add(networks.filter(maturity=Maturity.EMERGING).annotate(n=Count("pk"))
        .values_list("country", "n"), 2)
    add(networks.filter(maturity=Maturity.ESTABLISHED).annotate(n=Count("pk"))
        .values_list("country", "n"), 3)
    add(Stakeholder.objects.order_by().values("country").annotate(n=Count("pk"))
        .values_list("country", "n"), 4)
    rows = sorted(([str(countries.name(code)), *counts] for code, counts in per_country.items()),
                  key=lambda row: row[0])
    return [ReportTable(
        _("The registry per country"),
        [_("Country"), _("Providers verified"), _("Providers not yet verified"),
         _("Emerging networks"), _("Established networks"), _("Stakeholders")],
        rows, empty=_("Nothing is registered yet."))]


def quick_actions(user) -> list[QuickAction]:
    """My home's "What you can do": the registry's part."""
    found = []
    if user.has_perm("providers.add_provider"):
        found.append(QuickAction(_("Register a provider"), reverse("providers:provider_create")))
    if user.has_perm("providers.import_providers"):
        found.append(QuickAction(_("Import providers from a spreadsheet"),
                                 reverse("providers:provider_import")))
    if user.has_perm("providers.verify_provider"):
        found.append(QuickAction(_("Verify newly registered providers"),
                                 reverse("providers:provider_list") + "?status=unverified"))
    for membership in roles.memberships(user):
        if user.has_perm("providers.change_partner", membership.partner):
            found.append(QuickAction(
                _("Update %(partner)s's profile") % {"partner": membership.partner.short_name},
                reverse("providers:partner_edit", args=[membership.partner.slug])))
    return found
