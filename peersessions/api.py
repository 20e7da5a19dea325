"""WP1 in the public API (netw/api): the MOOC's catalogue of published courses.

A course's public record is its catalogue entry (title, summary, outcomes, level, topics), not
its lessons: those are for enrolled learners. A translation is a course of its own.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from netw.api import VISITOR, Route
from netw.api.fields import SlugsField
from netw.api.serializers import SUMMARY_HELP, PublicRecordSerializer, PublishedItemSerializer
from netw.api.views import PublicReadOnlyViewSet
from peersessions.courses.catalogue_filters import CourseCatalogueFilter
from peersessions.courses.models import Course, CourseLevel


class CourseSerializer(PublishedItemSerializer):
    api_name = "course"

    summary = serializers.CharField(read_only=True, help_text=SUMMARY_HELP)
    level = serializers.ChoiceField(choices=CourseLevel.choices, read_only=True,
                                    help_text=_("How much the course expects of a learner."))
    estimated_hours = serializers.FloatField(
        read_only=True, allow_null=True, help_text=_("How many hours the course takes."))
    outcomes = serializers.ListField(
        source="outcome_list", child=serializers.CharField(), read_only=True,
        help_text=_("What a learner can do after the course, one outcome per item."))
    topics = SlugsField(
        attribute="slug",
        help_text=_("The capacity-building topics it covers, by their codes."))

    class Meta:
        model = Course
        fields = (*PublicRecordSerializer.BASE_FIELDS, *PublishedItemSerializer.ITEM_FIELDS,
                  "summary", "level", "estimated_hours", "outcomes", "topics")


class CourseViewSet(PublicReadOnlyViewSet):
    """The MOOC's published courses."""

    queryset = (Course.objects.visible_to(VISITOR).select_related("translation_of")
                .prefetch_related("topics").order_by("pk"))
    serializer_class = CourseSerializer
    filterset_class = CourseCatalogueFilter


ROUTES = [Route("courses", CourseViewSet, _("MOOC courses"))]
