"""The inventory's controlled vocabularies: codes are stable, names are translated when shown."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LearningSetting(models.TextChoices):
    ON_THE_JOB = "on_the_job", _("On the job")
    MIXED = "mixed", _("Mixed (work and classroom)")
    CLASSROOM = "classroom", _("Classroom")


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
