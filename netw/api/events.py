"""The public events in the API: one endpoint per kind of event in the portal's calendar.

Each kind is a calendar source (netw/events/sources.py, declared by its app in ``calendar.py``);
the core names none. What is public is what the calendar shows a visitor — the source model's
``visible_to(VISITOR)`` — and each event reads as the calendar reads it (``source.event(obj,
show_link=False)``: never an online meeting link, which is for the people taking part). A kind a
visitor never sees (``visible_to`` answers ``none()``, e.g. study visits) has no endpoint.
"""

from __future__ import annotations

import functools

import django_filters
from django.db.models.query import EmptyQuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from netw.api import VISITOR, Route
from netw.api.fields import UtcDateTimeField
from netw.api.serializers import PARTNER_HELP, PublicRecordSerializer
from netw.api.views import PublicReadOnlyViewSet
from netw.events.sources import EventSource, all_sources


class PublicEventSerializer(PublicRecordSerializer):
    """An event as the public calendar shows it; ``calendar_source`` is its calendar source."""

    calendar_source: EventSource

    title = serializers.CharField(source="calendar_event.title", read_only=True,
                                  help_text=_("The event's title."))
    starts = UtcDateTimeField(source="calendar_event.starts_at",
                              help_text=_("When it starts (ISO 8601, UTC)."))
    ends = UtcDateTimeField(source="calendar_event.ends_at",
                            help_text=_("When it ends (ISO 8601, UTC)."))
    timezone = serializers.CharField(
        source="calendar_event.timezone", read_only=True,
        help_text=_("The IANA time zone of the place, e.g. Europe/Lisbon."))
    place = serializers.CharField(source="calendar_event.place", read_only=True,
                                  help_text=_("Where it takes place (empty if online only)."))
    description = serializers.CharField(source="calendar_event.description", read_only=True,
                                        help_text=_("What it is about, in plain text."))
    cancelled = serializers.BooleanField(source="calendar_event.cancelled", read_only=True,
                                         help_text=_("Whether it was cancelled."))
    hosted_by = serializers.PrimaryKeyRelatedField(source="owner_partner", read_only=True,
                                                   help_text=PARTNER_HELP)

    EVENT_FIELDS = ("title", "starts", "ends", "timezone", "place", "description", "cancelled",
                    "hosted_by")

    def to_representation(self, instance):
        # What the calendar shows of it, built once per event.
        instance.calendar_event = self.calendar_source.event(instance, show_link=False)
        return super().to_representation(instance)


class EventFilter(django_filters.FilterSet):
    starts_after = django_filters.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte", label=_("Starts after"),
        help_text=_("Only events starting at or after this moment (ISO 8601)."))
    starts_before = django_filters.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="lt", label=_("Starts before"),
        help_text=_("Only events starting before this moment (ISO 8601)."))


def _public(source: EventSource):
    return source.model.objects.visible_to(VISITOR)


@functools.cache
def _route(source: EventSource) -> Route:
    model = source.model
    name = f"{source.kind}_event"
    meta = type("Meta", (), {"model": model,
                             "fields": (*PublicRecordSerializer.BASE_FIELDS,
                                        *PublicEventSerializer.EVENT_FIELDS)})
    serializer = type(f"{model.__name__}EventSerializer", (PublicEventSerializer,),
                      {"api_name": name, "calendar_source": source, "Meta": meta,
                       "__module__": __name__})
    filterset = type(f"{model.__name__}EventFilter", (EventFilter,),
                     {"Meta": type("Meta", (), {"model": model, "fields": []}),
                      "__module__": __name__})
    viewset = type(f"{model.__name__}EventViewSet", (PublicReadOnlyViewSet,), {
        "queryset": _public(source).select_related(*source.related).order_by("starts_at", "pk"),
        "serializer_class": serializer,
        "filterset_class": filterset,
        "__module__": __name__,
        "__doc__": f"Public events of the portal's calendar: {model._meta.verbose_name_plural}.",
    })
    return Route(f"events/{model._meta.model_name}s", viewset, source.label)


def event_routes() -> list[Route]:
    """An endpoint for each kind of event a visitor may see."""
    return [_route(source) for source in all_sources()
            if not isinstance(_public(source), EmptyQuerySet)]
