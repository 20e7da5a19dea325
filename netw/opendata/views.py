"""The data page and the package's files at stable URLs (/open-data/…).

Public: the package holds only what visitors see on the pages. The files are served from the
current build (netw.opendata.package) with ``Last-Modified`` (and 304 answers to harvesters that
ask ``If-Modified-Since``); before the first build they answer 404 with a page that says so.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import condition, require_safe

from netw.licences import get_licence
from netw.opendata import package
from netw.opendata.datasets import open_datasets
from netw.opendata.schema import LIST_DELIMITER, table_schema

# The files of a package besides its CSV resources, and their media types.
EXTRA_FILES = {
    package.DESCRIPTOR: "application/json",
    package.README: "text/markdown; charset=utf-8",
    package.LICENCE_FILE: "text/plain; charset=utf-8",
}


def _built_at(descriptor: dict | None) -> datetime | None:
    return parse_datetime(descriptor["created"]) if descriptor else None


def _last_modified(request: HttpRequest, *args, **kwargs) -> datetime | None:
    return _built_at(package.current_descriptor())


def _not_built(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/not_built.html", status=404)


def _serve(request: HttpRequest, directory: Path, name: str, content_type: str) -> HttpResponse:
    try:
        handle = open(directory / name, "rb")  # noqa: SIM115 (FileResponse closes it)
    except FileNotFoundError:
        return _not_built(request)
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    # Open data: any web page may read it (the API's CORS policy, for files).
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def data_page(request: HttpRequest) -> HttpResponse:
    """Every dataset and every field, explained from the same Table Schemas as the files (in the
    reader's language), the licence, the downloads and how to harvest."""
    descriptor = package.current_descriptor()
    built = {resource["name"]: resource for resource in (descriptor or {}).get("resources", [])}
    datasets = []
    for dataset in open_datasets():
        schema = table_schema(dataset.serializer_class)
        datasets.append({
            "name": dataset.name,
            "title": dataset.title,
            "description": dataset.description,
            "fields": [{**column.descriptor, "item_codes": column.item_codes}
                       for column in schema.columns],
            "resource": built.get(dataset.name),
            "api_url": reverse(dataset.api_url_name) if dataset.api_url_name else "",
        })
    return render(request, "opendata/data_page.html", {
        "datasets": datasets,
        "built_at": _built_at(descriptor),
        "licence": get_licence(package.PACKAGE_LICENCE),
        "list_delimiter": LIST_DELIMITER,
        "example_api_url": next((d["api_url"] for d in datasets if d["api_url"]), ""),
    })


@require_safe
@condition(last_modified_func=_last_modified)
def package_file(request: HttpRequest, name: str) -> HttpResponse:
    """``datapackage.json``, ``README.md`` or ``LICENSE.txt`` of the current package."""
    directory = package.current_dir()
    if directory is None:
        return _not_built(request)
    return _serve(request, directory, name, EXTRA_FILES[name])


@require_safe
@condition(last_modified_func=_last_modified)
def resource_file(request: HttpRequest, name: str) -> HttpResponse:
    """One CSV file of the current package, by its resource name (only names the descriptor
    lists are served: never a path from the request)."""
    directory = package.current_dir()
    descriptor = package.current_descriptor()
    if directory is None or descriptor is None:
        return _not_built(request)
    paths = {resource["name"]: resource["path"] for resource in descriptor["resources"]}
    if name not in paths:
        return _not_built(request)
    return _serve(request, directory, paths[name], "text/csv; charset=utf-8")
