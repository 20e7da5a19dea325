"""The fields that put a record on the map (abstract: providers and networks use them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlacedBy(models.TextChoices):
    """Where a record's coordinates came from."""

    GAZETTEER = "gazetteer", _("looked up from the city")
    OWNER = "owner", _("placed by hand")


class LocatedQuerySet(models.QuerySet):
    """For the querysets of located models (mix it in before the model's own)."""

    def on_the_map(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def not_on_the_map(self):
        return self.filter(models.Q(latitude__isnull=True) | models.Q(longitude__isnull=True))

    def in_subdivision(self, code: str):
        return self.filter(subdivision=code)


class Located(models.Model):
    """Coordinates (WGS 84) and the ISO 3166-2 region of a record.

    Blank coordinates mean the record is not on the map yet: its city was not found in the
    gazetteer, or it has no city. ``placed_by`` says whether the gazetteer or a person placed it;
    a record placed by hand keeps its place when its city changes.
    """

    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True,
        help_text=_("Degrees north of the equator (WGS 84), e.g. 47.49801."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True,
        help_text=_("Degrees east of Greenwich (WGS 84), e.g. 19.03991."),
    )
    subdivision = models.CharField(
        _("region (ISO 3166-2)"), max_length=6, blank=True,
        help_text=_("The region's ISO 3166-2 code, e.g. HU-PE for Pest county."),
    )
    placed_by = models.CharField(_("placed"), max_length=20, choices=PlacedBy.choices,
                                 blank=True)

    class Meta:
        abstract = True

    @property
    def is_placed(self) -> bool:
        return self.latitude is not None and self.longitude is not None
