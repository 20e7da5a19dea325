"""The "Place on the map" fieldset of a located record's form (providers and networks)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.geo import regions
from netw.geo.models import PlacedBy
from netw.geo.placing import place_again_from_city, place_by_hand

FIVE_PLACES = Decimal("0.00001")


def region_choices(country: str) -> list[tuple[str, str]]:
    """The regions of ``country`` for a select: "Pest (HU-PE)", by name."""
    if not country:
        return [("", _("— no country chosen —"))]
    return [("", _("— not known —"))] + [
        (region.code, f"{region.name} ({region.code})") for region in regions.regions(country)]


class PlaceOnMapFormMixin:
    """Latitude, longitude and region of a ``netw.geo.models.Located`` model form, shown
    together under "Place on the map" (see :attr:`place_field_names`).

    Left alone, the record is placed from its city when saved (netw.geo.placing). Changing one
    of them places it by hand: the place stays when the city changes, until "Place it from its
    city again" is ticked. The form must have a ``country`` field (the region is checked against
    it) and goes through ``netw.geo.placing.place_from_city`` in the service that saves it."""

    place_field_names = ("latitude", "longitude", "subdivision", "place_from_city")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["latitude"] = forms.DecimalField(
            label=_("Latitude"), required=False,
            help_text=_("Degrees north, between -90 and 90, e.g. 47.49801."),
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        self.fields["longitude"] = forms.DecimalField(
            label=_("Longitude"), required=False,
            help_text=_("Degrees east, between -180 and 180 (west is negative), "
                        "e.g. -9.14980."),
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        country = (self.data.get(self.add_prefix("country")) if self.is_bound
                   else self.initial.get("country") or instance.country)
        self.fields["subdivision"] = forms.CharField(
            # No max_length: it would write maxlength on the select. clean() checks the code.
            label=_("Region"), required=False,
            help_text=_("The ISO 3166-2 regions of the record's country. After changing the "
                        "country, save to choose among its regions."),
            widget=forms.Select(choices=region_choices(str(country or ""))))
        self.fields["place_from_city"] = forms.BooleanField(
            label=_("Place it from its city again"), required=False,
            help_text=_("Forget the place set by hand and take the city's place in the "
                        "gazetteer (GeoNames)."))
        if instance.pk:
            for name in ("latitude", "longitude", "subdivision"):
                self.initial.setdefault(name, getattr(instance, name))
        if instance.placed_by != PlacedBy.OWNER:
            # Nothing to go back to: the place already is the city's.
            del self.fields["place_from_city"]

    # -- the fieldset --

    def main_fields(self):
        return [field for field in self.visible_fields()
                if field.name not in self.place_field_names]

    def place_fields(self):
        return [field for field in self.visible_fields()
                if field.name in self.place_field_names]

    # -- cleaning --

    def _clean_degrees(self, name: str, limit: int, message) -> Decimal | None:
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        if not value.is_finite() or abs(value) > limit:
            raise forms.ValidationError(message, code="range")
        return value.quantize(FIVE_PLACES, rounding=ROUND_HALF_UP)

    def clean_latitude(self):
        return self._clean_degrees("latitude", 90, _("A latitude is between -90 and 90."))

    def clean_longitude(self):
        return self._clean_degrees("longitude", 180,
                                   _("A longitude is between -180 and 180."))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("place_from_city"):
            return cleaned
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if latitude is not None and longitude is None and "longitude" not in self.errors:
            self.add_error("longitude", _("Give the longitude too, or neither."))
        if longitude is not None and latitude is None and "latitude" not in self.errors:
            self.add_error("latitude", _("Give the latitude too, or neither."))
        subdivision = cleaned.get("subdivision")
        country = str(cleaned.get("country") or "")
        if subdivision and not regions.is_region_of(subdivision, country):
            if country:
                message = _("%(code)s is not a region of %(country)s.") % {
                    "code": subdivision, "country": countries.name(country)}
            else:
                message = _("Choose the country first: a region belongs to one.")
            self.add_error("subdivision", message)
        return cleaned

    def _place_changed(self) -> bool:
        return any(name in self.changed_data for name in ("latitude", "longitude", "subdivision"))

    def save(self, commit=True):
        record = super().save(commit=False)
        if self.cleaned_data.get("place_from_city"):
            place_again_from_city(record)
        elif self._place_changed():
            place_by_hand(record, latitude=self.cleaned_data.get("latitude"),
                          longitude=self.cleaned_data.get("longitude"),
                          subdivision=self.cleaned_data.get("subdivision") or "")
        if commit:
            record.save()
            self.save_m2m()
        return record
