"""List-filter helpers shared by the apps' filter sets."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters import fields as filter_fields

from netw.forms import BoundedIdsMixin
from netw.widgets import QuickSelect


# The filter sets' choice fields with the form fields' bound on ids (netw/forms.py): an id beyond
# the database's integer range in a list's address is the filter's error, not a 500.
class _ModelChoiceField(BoundedIdsMixin, filter_fields.ModelChoiceField):
    pass


class _ModelMultipleChoiceField(BoundedIdsMixin, filter_fields.ModelMultipleChoiceField):
    pass


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _ModelChoiceField


class ModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = _ModelMultipleChoiceField


def all_countries() -> list[tuple[str, str]]:
    return list(countries)


def countries_focus_first() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every country, the project's five focus countries first, as two groups of choices."""
    from netw.views import FOCUS_COUNTRIES  # the one list of them (the home page shows it)

    focus = [code for code, _name in FOCUS_COUNTRIES]
    return [
        (_("Focus countries"), [(code, countries.name(code)) for code in focus]),
        (_("Other countries"), [(code, name) for code, name in countries if code not in focus]),
    ]


def countries_in(queryset, keep: str = "") -> list[tuple[str, str]]:
    """Only the countries the rows have (one query): a select of every country in the world is
    long to read and slow to render. ``keep`` (the country asked for, when it is a real one)
    stays a choice, so a bookmarked list whose rows have gone says "none found", not "invalid"."""
    codes = set(queryset.order_by().exclude(country="").values_list("country", flat=True)
                .distinct())
    if keep and keep in countries:
        codes.add(keep)
    # Translate only these names: iterating every country translates and sorts two hundred.
    named = ((code, countries.name(code) or code) for code in codes)
    return sorted(named, key=lambda choice: str(choice[1]))


class CountriesPresentMixin:
    """For a filter set with a ``country`` choice filter: offer only the countries of its rows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        asked = self.data.get("country", "") if self.data else ""
        choices = countries_in(self.queryset, keep=asked if isinstance(asked, str) else "")
        self.filters["country"].extra["choices"] = choices
        self.filters["country"].extra["widget"] = QuickSelect


class SearchLastMixin:
    """A FilterSet whose ``q`` is a ranked search (netw/search.py), applied after every other
    filter: a list page ranks a bounded set of candidates, which must be drawn from the rows the
    other filters keep. ``rank_limit`` (the list page passes ``search.rank_limit()``) is that
    bound; without it (the API, exports) every match is kept and ranked."""

    search_filter = "q"

    def __init__(self, *args, rank_limit: int | None = None, **kwargs):
        self.rank_limit = rank_limit
        super().__init__(*args, **kwargs)

    def filter_queryset(self, queryset):
        values = self.form.cleaned_data
        for name in sorted(values, key=lambda name: name == self.search_filter):
            queryset = self.filters[name].filter(queryset, values[name])
        return queryset
