"""The inventory's controlled vocabularies: codes are stable, names are translated when shown."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LearningSetting(models.TextChoices):
    ON_THE_JOB = "on_the_job", _("On the job")
    MIXED = "mixed", _("Mixed (work and classroom)")
    CLASSROOM = "classroom", _("Classroom")


# Target groups and sectors are the registry's (providers.vocabulary). These two lists only serve
# migration 0002, which seeded the tables this app had before (removed by migration 0006).
TARGET_GROUPS = [
    ("long-term-unemployed", _("Long-term unemployed people")),
    ("young-neet", _("Young people not in employment, education or training")),
    ("migrants-refugees", _("Migrants and refugees")),
    ("disabilities", _("People with disabilities")),
    ("roma", _("Roma communities")),
    ("older-workers", _("Jobseekers over 50")),
    ("low-skilled", _("Adults with low basic skills")),
    ("ex-offenders", _("People leaving prison")),
    ("women-returners", _("Women returning to work")),
    ("homeless", _("People experiencing homelessness")),
]

SECTORS = [
    ("agriculture-food", _("Agriculture and food")),
    ("hospitality", _("Catering and hospitality")),
    ("construction", _("Construction and renovation")),
    ("recycling", _("Recycling and environment")),
    ("logistics-retail", _("Logistics and retail")),
    ("textiles-crafts", _("Textiles and crafts")),
    ("care", _("Care and personal services")),
    ("cleaning", _("Cleaning and facility services")),
    ("digital", _("Digital services")),
    ("manufacturing", _("Manufacturing")),
]


class PublicationKind(models.TextChoices):
    GUIDEBOOK = "guidebook", _("Guidebook")
    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")
    ARTICLE = "article", _("Article")
    OTHER = "other", _("Other")


class ActivityKind(models.TextChoices):
    EVENT = "event", _("Event or conference")
    WORKSHOP = "workshop", _("Workshop or training")
    ARTICLE = "article", _("Article or interview")
    SOCIAL = "social", _("Social media")
    NEWSLETTER = "newsletter", _("Newsletter")
    PRESS = "press", _("Press release")
    WEBSITE = "website", _("Website")
    VIDEO = "video", _("Video or podcast")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    GENERAL = "general", _("General public")
    POLICY = "policy", _("Policy makers and public authorities")
    PROVIDERS = "providers", _("Adult education providers")
    LEARNERS = "learners", _("Learners and workers")
    SOCIAL_ECONOMY = "social_economy", _("Social economy organisations")
    MEDIA = "media", _("Media")
    RESEARCH = "research", _("Researchers")
    FUNDERS = "funders", _("Funders")
