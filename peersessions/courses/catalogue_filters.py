"""The public catalogue's filters: topic, language, level and a few words of search."""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netw.filters import ModelChoiceFilter
from netw.translations import available_in
from peersessions.models import Topic

from .models import Course, CourseLevel

SEARCH_TERMS = 6
SEARCH_TERM_LENGTH = 40


class CourseCatalogueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200,
                                  widget=forms.TextInput(attrs={"type": "search"}))
    topic = ModelChoiceFilter(label=_("Topic"), field_name="topics", to_field_name="slug",
                              queryset=Topic.objects.all(), empty_label=_("Any topic"))
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES,
                                           empty_label=_("Any language"), method="in_language")
    level = django_filters.ChoiceFilter(label=_("Level"), choices=CourseLevel.choices,
                                        empty_label=_("Any level"))

    class Meta:
        model = Course
        fields: list[str] = []

    def in_language(self, queryset, name, value):
        # Written in it, or with a published translation into it.
        return available_in(queryset, value)

    def search(self, queryset, name, value):
        # A few words of bounded length: SQLite refuses very long LIKE patterns.
        words = [w[:SEARCH_TERM_LENGTH] for w in re.findall(r"\w+", value[:500])]
        for word in words[:SEARCH_TERMS]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word)
                                       | Q(outcomes__icontains=word))
        return queryset
