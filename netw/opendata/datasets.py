"""The datasets of the open data package: what the public API lists (netw/api).

A dataset is a name (the CSV file's and the Table Schema resource's), a title, a description,
the API serializer that holds its public field set and the queryset of the records visitors may
see. The package writer and the data page only need this small interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True)
class Dataset:
    name: str  # a lower-case slug: "providers", "good-practices"
    title: str | Promise
    serializer_class: type
    queryset: Callable[[], QuerySet]  # called at build time: what visitors may see now
    description: str | Promise = ""
    api_url_name: str = ""  # the URL name of the same records' list in the API

    @property
    def model(self):
        return self.queryset().model


def open_datasets() -> list[Dataset]:
    """Every dataset the public API lists, in its order."""
    from netw.api import datasets

    return [
        Dataset(name=item.name, title=item.title, serializer_class=item.serializer_class,
                # A fresh copy of the queryset each time: never a cached evaluation.
                queryset=item.queryset.all, description=getattr(item, "description", ""),
                api_url_name=f"api:{item.route.basename}-list")
        for item in datasets()
    ]
