"""Whom a policy recommendation is addressed to, as first seeded (coordinators may edit the
list in the admin afterwards)."""

from __future__ import annotations

from django.utils.translation import gettext_noop

# (code, name): names are stored as written; translations come from the catalogue.
ADDRESSEE_TYPES = [
    ("labour-social-ministries", gettext_noop("Ministries of labour or social affairs")),
    ("education-ministries", gettext_noop("Ministries of education")),
    ("esf-managing-authorities", gettext_noop("ESF+ managing authorities")),
    ("public-employment-services", gettext_noop("Public employment services")),
    ("regional-authorities", gettext_noop("Regional authorities")),
    ("municipalities", gettext_noop("Municipalities")),
    ("parliaments", gettext_noop("Parliaments")),
    ("eu-institutions", gettext_noop("The EU institutions")),
    ("funders", gettext_noop("Funders and social investors")),
]


def seed_addressee_types(model) -> None:
    """Create the addressee types that are missing (never overwrites a coordinator's edits)."""
    for position, (code, name) in enumerate(ADDRESSEE_TYPES):
        model.objects.get_or_create(code=code, defaults={"name": name, "position": position})
