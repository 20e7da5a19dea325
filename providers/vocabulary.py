"""The registry's controlled vocabularies.

Sectors and target groups are rows (``Sector``, ``TargetGroup``) so that providers link to them
many-to-many and lists filter on them with a join; each row carries only a code, and the label
comes from the choices below, so it is translated like every other string. The rows are created
by a data migration and by :func:`seed_vocabulary` (tests that flush the database call it).

Labels contain no comma or semicolon: the import reads several values from one cell separated by
either.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    EUROPEAN = "european", _("European")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    LOCAL = "local", _("Local")


class Maturity(models.TextChoices):
    EMERGING = "emerging", _("Emerging")
    ESTABLISHED = "established", _("Established")


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Not yet verified")
    VERIFIED = "verified", _("Verified")


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    COOPERATIVE = "cooperative", _("Cooperative")
    COMPANY = "company", _("Company (social enterprise)")
    PUBLIC = "public", _("Public body")
    OTHER = "other", _("Other")


class StakeholderKind(models.TextChoices):
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    EMPLOYMENT_SERVICE = "employment_service", _("Public employment service")
    FUNDER = "funder", _("Funder")
    UNION = "union", _("Trade union")
    EMPLOYERS = "employers", _("Employers' organisation")
    RESEARCH = "research", _("Research or university")
    EUROPEAN_BODY = "european_body", _("European body")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
    OTHER = "other", _("Other")


class SectorCode(models.TextChoices):
    RECYCLING = "recycling", _("Recycling and repair")
    CATERING = "catering", _("Catering and food")
    AGRICULTURE = "agriculture", _("Agriculture and gardening")
    TEXTILE = "textile", _("Textile and clothing")
    CLEANING = "cleaning", _("Cleaning and facility services")
    CONSTRUCTION = "construction", _("Construction and renovation")
    CARE = "care", _("Care and social services")
    LOGISTICS = "logistics", _("Logistics and delivery")
    RETAIL = "retail", _("Retail and second-hand shops")
    MANUFACTURING = "manufacturing", _("Manufacturing and assembly")
    HOSPITALITY = "hospitality", _("Tourism and hospitality")
    CRAFTS = "crafts", _("Crafts")
    DIGITAL = "digital", _("Digital and office services")
    LANDSCAPING = "landscaping", _("Green spaces and landscaping")


class TargetGroupCode(models.TextChoices):
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed people")
    DISABILITY = "disability", _("People with disabilities")
    ROMA = "roma", _("Roma")
    MIGRANTS = "migrants", _("Refugees and migrants")
    NEET = "neet", _("Young people not in employment or training (NEET)")
    EX_OFFENDERS = "ex_offenders", _("Former offenders")
    OLDER_WORKERS = "older_workers", _("Older workers (50+)")
    WOMEN = "women", _("Women returning to work")
    MENTAL_HEALTH = "mental_health", _("People with mental-health conditions")
    HOMELESS = "homeless", _("Homeless people")
    ADDICTION = "addiction", _("People recovering from addiction")
    LOW_SKILLED = "low_skilled", _("Low-skilled adults")


def seed_vocabulary(sector_model=None, target_group_model=None) -> None:
    """Create the sector and target-group rows that are missing (safe to run again)."""
    if sector_model is None or target_group_model is None:
        from providers.models import Sector, TargetGroup

        sector_model, target_group_model = Sector, TargetGroup
    for model, choices in ((sector_model, SectorCode), (target_group_model, TargetGroupCode)):
        existing = set(model.objects.values_list("code", flat=True))
        model.objects.bulk_create([
            model(code=code, position=position)
            for position, code in enumerate(choices.values) if code not in existing
        ])
