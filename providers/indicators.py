"""The registry's indicators (WP1 mapping): providers and networks mapped, stakeholders."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netw.monitoring.indicators import Indicator
from netw.workpackages import WorkPackage

from .models import Network, Provider, Stakeholder
from .vocabulary import Verification


def indicators() -> list[Indicator]:
    wp = WorkPackage.CAPACITY_BUILDING
    return [
        Indicator(
            code="wp1.providers_mapped", work_package=wp, position=10,
            label=_("Providers mapped"),
            definition=_("Work-based adult education providers in the registry that a reviewer "
                         "verified (unverified and deleted ones do not count), by the day they "
                         "were registered, the partner that registered them and their country."),
            records=lambda: Provider.objects.filter(verification=Verification.VERIFIED),
            date_field="created_at", country_field="country",
            related=("owner_partner",), public=True,
            public_url=lambda: reverse("providers:provider_list")
            + f"?status={Verification.VERIFIED}",
        ),
        Indicator(
            code="wp1.networks_mapped", work_package=wp, position=20,
            label=_("Networks mapped"),
            definition=_("Networks of providers in the registry (deleted ones do not count), by "
                         "the day they were registered, the partner that registered them and "
                         "their country; European networks have no country."),
            records=lambda: Network.objects.all(),
            date_field="created_at", country_field="country",
            related=("owner_partner",), public=True,
            public_url=lambda: reverse("providers:network_list"),
        ),
        Indicator(
            code="wp1.stakeholders", work_package=wp, position=30,
            label=_("Stakeholders identified"),
            definition=_("Key actors of the mapping (authorities, funders, unions, research, "
                         "European bodies) in the registry, by the day they were registered, "
                         "the partner that registered them and their country."),
            records=lambda: Stakeholder.objects.all(),
            date_field="created_at", country_field="country",
            related=("owner_partner",),
        ),
    ]
