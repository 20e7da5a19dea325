"""The logged-in home's dashboard: what waits for me, and the project at a glance.

Each app adds its part in ``<app>/dashboard.py``:

    def attention(user) -> list[Attention]   # what this person should act on (a few counts)
    def panels(request) -> list[Panel]       # short lists of the person's own things
    def figures() -> list[Figure]            # the project's key figures, the same for everyone

Attention items are counted per request (one query each, whatever the data); figures are
aggregates over whole tables, computed once and cached for ``FIGURES_TTL`` seconds.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from types import ModuleType

from django.apps import apps
from django.core.cache import cache
from django.utils.functional import Promise
from django.utils.translation import get_language

FIGURES_TTL = 300


@dataclass(frozen=True)
class Attention:
    """Something to act on: "3 methodologies await your review"."""

    text: str  # already translated, with the count in it
    url: str
    count: int
    urgent: bool = False  # overdue, or others wait on it


@dataclass(frozen=True)
class Panel:
    """A short list on the home page, drawn by its app's template."""

    template: str
    context: dict


@dataclass(frozen=True)
class Figure:
    label: str | Promise
    value: int | str
    url: str = ""
    detail: str | Promise = ""


@functools.cache
def _modules() -> list[ModuleType]:
    found = []
    for config in apps.get_app_configs():
        try:
            found.append(importlib.import_module(f"{config.name}.dashboard"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.dashboard":
                raise
    return found


def attention_for(user) -> list[Attention]:
    items: list[Attention] = []
    for module in _modules():
        if hasattr(module, "attention"):
            items.extend(item for item in module.attention(user) if item.count)
    return sorted(items, key=lambda item: not item.urgent)


def panels_for(request) -> list[Panel]:
    found: list[Panel] = []
    for module in _modules():
        if hasattr(module, "panels"):
            found.extend(module.panels(request))
    return found


def project_figures() -> list[Figure]:
    """Every app's figures, cached per language (labels are translated)."""

    def compute() -> list[Figure]:
        figures: list[Figure] = []
        for module in _modules():
            if hasattr(module, "figures"):
                figures.extend(
                    Figure(str(f.label), f.value, f.url, str(f.detail)) for f in module.figures())
        return figures

    return cache.get_or_set(f"netw:dashboard:figures:{get_language()}", compute, FIGURES_TTL)
