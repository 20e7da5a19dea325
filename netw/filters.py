"""List-filter helpers shared by the apps' filter sets."""

from __future__ import annotations

from django_countries import countries

from netw.widgets import QuickSelect


def all_countries() -> list[tuple[str, str]]:
    return list(countries)


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
