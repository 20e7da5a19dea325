"""The calendar's filter and time-zone forms. Topics come from the sources (each app knows its
own), partners from the shared registry; every source applies the filters it understands."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.events.sources import all_sources
from netw.forms import ModelChoiceField, PortalForm
from netw.timezones import TimezoneField
from netw.topics import TOPICS


class EventFormat:
    """How people take part; the sources that know the notion map their own values to these."""

    CHOICES = [("online", _("Online")), ("in_person", _("In person")), ("hybrid", _("Hybrid"))]


def topic_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {slug: name for slug, name, _description in TOPICS}
    for source in all_sources():
        for slug, name in source.topics():
            seen.setdefault(slug, name)
    return list(seen.items())


class CalendarFilterForm(PortalForm):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    partner = ModelChoiceField(queryset=None, label=_("Partner"), required=False,
                               empty_label=_("All partners"))
    format = forms.ChoiceField(label=_("Format"), required=False,
                               choices=[("", _("All formats")), *EventFormat.CHOICES])

    def __init__(self, *args, **kwargs):
        from providers.models import Partner  # the shared registry: partners are public

        self.base_fields["partner"].queryset = Partner.objects.all()
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics")), *topic_choices()]

    def query_kwargs(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "topic": data.get("topic") or "",
            "partner": data["partner"].pk if data.get("partner") else None,
            "format": data.get("format") or "",
        }


class TimezoneForm(PortalForm):
    tz = TimezoneField(label=_("Show times in"))
