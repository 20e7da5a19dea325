"""The coordinators' forms for reporting periods and targets. Both validate through their
model's ``clean()`` (no overlap, a scope the indicator is counted by); the form adds what a
person needs next to the field: the indicators grouped by work package, the project's countries
first, and a duplicate target named on the indicator instead of a database error."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.forms import PortalModelForm
from netw.widgets import DateInput
from netw.workpackages import WorkPackage

from . import indicators
from .models import ReportingPeriod, Target


class ReportingPeriodForm(PortalModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["name", "kind", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


def indicator_choices() -> list:
    """The indicators as option groups, one per work package, in the registry's order."""
    labels = dict(indicators.choices())
    groups = []
    for work_package in WorkPackage:
        options = [(i.code, labels[i.code]) for i in indicators.of_work_package(work_package)]
        if options:
            groups.append((work_package.label, options))
    return [("", "---------"), *groups]


class TargetForm(PortalModelForm):
    indicator = forms.ChoiceField(label=_("Indicator"), choices=indicator_choices)

    class Meta:
        model = Target
        fields = ["indicator", "scope", "partner", "country", "period", "value", "note"]
        help_texts = {
            "scope": _("A target for a partner or a country only where the indicator is counted "
                       "that way."),
            "partner": _("Only for a target for a partner."),
            "country": _("Only for a target for a country."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].empty_label = _("The whole project")
        self.fields["value"].widget.attrs.setdefault("min", "0.01")
        if not self.is_bound and self.instance.pk is None and not kwargs.get("initial", {}).get(
                "country"):
            # A new target is for the project: no country chosen in advance.
            self.initial["country"] = ""

    def clean(self) -> dict:
        """A second target for the same indicator, scope, partner, country and period is named
        on the indicator field (the database would refuse it anyway). With an error there, the
        model's own uniqueness check, which would only say so above the form, is skipped."""
        data = super().clean()
        keys = ("indicator", "scope", "partner", "country", "period")
        if any(key in self.errors for key in keys):
            return data
        scope = data.get("scope")
        # The partner and the country count only for their scope (Target.clean drops the rest).
        partner = data.get("partner") if scope == Target.Scope.PARTNER else None
        country = data.get("country") if scope == Target.Scope.COUNTRY else ""
        duplicate = (Target.objects.filter(
            indicator=data.get("indicator"), scope=scope, partner=partner, country=country or "",
            period=data.get("period")).exclude(pk=self.instance.pk).exists())
        if duplicate:
            self.add_error("indicator", _(
                "This indicator already has a target for the same scope and period: edit that "
                "one instead."))
        return data
