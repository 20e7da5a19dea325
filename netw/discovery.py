"""Finding each app's hook modules: ``<app>/dashboard.py``, ``<app>/calendar.py``, ``actions.py``
(a person's actions, netw/actions.py), ``exports.py``,
``sitemaps.py``, ``bench.py``, ``demo.py``, ``panels.py`` (what an app adds to another app's
record page: ``gather("panels", "provider_panels", provider, user)``), …

The core never names an app: it asks every installed app for a module of an agreed name, the way
Django's ``autodiscover_modules`` finds ``admin.py``. An app can then be read, and removed, on its
own. Every discovery in the portal goes through :func:`app_modules`.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from django.apps import apps


@functools.cache
def app_modules(name: str, *, include_core: bool = False) -> tuple[ModuleType, ...]:
    """The ``<app>.<name>`` module of every installed app that has one, in INSTALLED_APPS order.

    The core (``netw``) is left out unless ``include_core``: its module of that name usually is
    the one that gathers the others. A module that exists but fails to import raises, so a
    broken hook is never silently skipped.
    """
    found = []
    for config in apps.get_app_configs():
        if config.name == "netw" and not include_core:
            continue
        module_name = f"{config.name}.{name}"
        try:
            found.append(importlib.import_module(module_name))
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
    return tuple(found)


def gather(name: str, hook: str, *args, **kwargs) -> list:
    """Concatenate what ``hook(*args, **kwargs)`` returns in every app's ``<name>`` module."""
    found: list = []
    for module in app_modules(name):
        function = getattr(module, hook, None)
        if function is not None:
            found.extend(function(*args, **kwargs))
    return found
