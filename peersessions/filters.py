"""Filter sets (django-filter) for the session list (the calendar's form is the core's)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw.filters import ModelChoiceFilter
from peersessions.models import Session, Topic
from providers.models import Partner


class TopicChoiceFilter(ModelChoiceFilter):
    """Topics by slug, labelled in the reader's language."""

    @property
    def field(self):
        field = super().field
        field.label_from_instance = lambda topic: topic.display_name
        return field


class SessionFilter(django_filters.FilterSet):
    # Bounded: SQLite refuses LIKE patterns over 50,000 characters (a 500 otherwise).
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    topic = TopicChoiceFilter(queryset=Topic.objects.all(), to_field_name="slug",
                              label=_("Topic"), empty_label=_("All topics"))
    partner = ModelChoiceFilter(field_name="owner_partner",
                                               queryset=Partner.objects.all(),
                                               label=_("Host partner"),
                                               empty_label=_("All partners"))
    format = django_filters.ChoiceFilter(choices=Session.Format.choices, label=_("Format"),
                                         empty_label=_("All formats"))
    when = django_filters.ChoiceFilter(
        label=_("When"), method="filter_when", empty_label=_("Any time"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Held"))])

    class Meta:
        model = Session
        fields = ["q", "topic", "partner", "format", "when"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(agenda__icontains=value))

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gt=now).order_by("starts_at")
        if value == "past":
            return queryset.filter(ends_at__lte=now).order_by("-starts_at")
        return queryset
