"""The data page (/open-data/) and the package's files at stable URLs."""

import pytest
from django.urls import reverse
from django.utils.http import http_date

from netw.opendata import package
from netw.opendata.datasets import open_datasets
from netw.opendata.schema import table_schema
from tests.factories import ProviderFactory
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def test_the_data_page_explains_every_field_of_every_dataset_in_a_captioned_table(client,
                                                                                  partners):
    html = client.get(reverse("opendata:page")).content.decode()

    for dataset in open_datasets():
        assert f'<caption id="caption-{dataset.name}">' in html
        for column in table_schema(dataset.serializer_class).columns:
            assert f"<code>{column.name}</code>" in html
            if "description" in column.descriptor:
                assert column.descriptor["description"].replace("'", "&#x27;") in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert reverse("api:docs") in html and reverse("hsds:root") in html
    assert "modified_after" in html


def test_before_the_first_build_the_page_says_so_and_the_files_are_a_clear_404(client,
                                                                              partners):
    page = client.get(reverse("opendata:page")).content.decode()
    response = client.get(reverse("opendata:datapackage"))
    csv_response = client.get(reverse("opendata:resource", args=["providers"]))

    assert "has not been built yet" in page
    assert response.status_code == csv_response.status_code == 404
    assert "Open data not built yet" in response.content.decode()


def test_after_a_build_the_page_links_every_file_with_the_date_it_was_built(client, partners):
    ProviderFactory(name="Listed Provider")
    package.build_package()

    html = client.get(reverse("opendata:page")).content.decode()

    assert "has not been built yet" not in html
    assert "was last built on" in html
    for dataset in open_datasets():
        assert reverse("opendata:resource", args=[dataset.name]) in html


def test_the_files_are_served_with_last_modified_and_answer_if_modified_since(client,
                                                                             partners):
    ProviderFactory(name="Listed Provider")
    package.build_package()
    path = reverse("opendata:resource", args=["providers"])

    response = client.get(path)
    body = b"".join(response.streaming_content).decode()
    again = client.get(path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Listed Provider" in body
    assert again.status_code == 304
    descriptor = client.get(reverse("opendata:datapackage"))
    assert descriptor["Content-Type"] == "application/json"
    assert client.get(reverse("opendata:licence"))["Content-Type"].startswith("text/plain")
    stale = client.get(path, HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert stale.status_code == 200


def test_a_file_the_package_does_not_list_is_a_404(client, partners):
    package.build_package()

    assert client.get(reverse("opendata:resource", args=["nothing-here"])).status_code == 404
    assert client.get("/open-data/../settings.csv").status_code == 404


def test_the_data_page_is_in_the_sitemap_and_the_footer(client, partners):
    sitemap = sitemap_text(client)
    home = client.get("/").content.decode()

    assert "/open-data/</loc>" in sitemap
    assert f'href="{reverse("opendata:page")}"' in home


def test_the_demo_builds_the_package(partners):
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())

    assert package.current_descriptor() is not None
