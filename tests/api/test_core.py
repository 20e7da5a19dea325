"""What every endpoint shares: pagination, bad input, throttling, CORS, licence, description."""

import json

import pytest
from django.test import override_settings
from django.urls import reverse

from netw.api import datasets, routes
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db

PROVIDERS = "/api/v1/providers/"


def test_the_root_lists_every_endpoint(client, partners):
    body = client.get("/api/v1/").json()
    assert {route.prefix for route in routes()} <= set(body)


def test_a_page_holds_the_size_asked_for_and_an_oversized_ask_is_capped(client, partners,
                                                                        settings):
    settings.API_MAX_PAGE_SIZE = 3
    ProviderFactory.create_batch(5)
    assert len(client.get(PROVIDERS, {"page_size": 2}).json()["results"]) == 2
    body = client.get(PROVIDERS, {"page_size": 1000}).json()
    assert len(body["results"]) == 3
    assert "page_size=1000" in body["next"] and "page=2" in body["next"]
    assert len(client.get(PROVIDERS, {"page_size": 3, "page": 2}).json()["results"]) == 2


@pytest.mark.parametrize(("params", "parameter"), [
    ({"page": "abc"}, "page"),
    ({"page": "0"}, "page"),
    ({"page_size": "-1"}, "page_size"),
    ({"page_size": "many"}, "page_size"),
    ({"modified_after": "yesterday"}, "modified_after"),
    ({"country": "ZZ"}, "country"),
    ({"sector": "no-such-sector"}, "sector"),
    ({"network": "99999999999999999999999"}, "network"),
    ({"sort": "password"}, "sort"),
])
def test_a_wrong_parameter_is_a_400_that_names_it(client, partners, params, parameter):
    ProviderFactory()
    response = client.get(PROVIDERS, params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert list(body) == [parameter]
    assert isinstance(body[parameter], list) and body[parameter][0]


def test_a_page_beyond_the_last_is_a_404(client, partners):
    assert client.get(PROVIDERS, {"page": 99}).status_code == 404


def test_an_id_that_is_not_a_number_or_too_big_is_a_404(client, partners):
    assert client.get(PROVIDERS + "abc/").status_code == 404
    assert client.get(PROVIDERS + "9" * 30 + "/").status_code == 404
    assert client.get(PROVIDERS + "9" * 18 + "/").status_code == 404


def test_modified_after_returns_only_the_records_changed_since(client, partners):
    from datetime import timedelta

    from django.utils import timezone

    old = ProviderFactory()
    new = ProviderFactory()
    type(old).objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=3))
    since = (timezone.now() - timedelta(days=1)).isoformat().replace("+00:00", "Z")
    body = client.get(PROVIDERS, {"modified_after": since}).json()
    assert [r["id"] for r in body["results"]] == [new.pk]
    assert client.get("/api/v1/partners/", {"modified_after": since}).status_code == 200


@override_settings(API_THROTTLE_RATE="2/minute")
def test_too_many_requests_are_refused_with_retry_after(client, partners):
    assert client.get(PROVIDERS).status_code == 200
    assert client.get("/api/v1/networks/").status_code == 200
    response = client.get(PROVIDERS)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    # Another address has its own allowance.
    assert client.get(PROVIDERS, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_any_origin_may_read_the_api_but_not_the_site(client, partners):
    response = client.get(PROVIDERS, HTTP_ORIGIN="https://research.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(PROVIDERS, HTTP_ORIGIN="https://research.example.org",
                               HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get(reverse("providers:provider_list"), HTTP_ORIGIN="https://x.example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_the_api_is_read_only(client, partners, coordinator):
    client.force_login(coordinator)
    assert client.post(PROVIDERS, {"name": "x"}).status_code == 405
    provider = ProviderFactory()
    assert client.delete(f"{PROVIDERS}{provider.pk}/").status_code == 405


def test_the_openapi_description_is_valid_and_names_the_vocabularies(client, partners):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    assert schema["info"]["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    provider = schema["components"]["schemas"]["Provider"]["properties"]
    assert all(field.get("description") or "allOf" in field or "$ref" in field
               for field in provider.values())
    assert "contact_email" not in provider
    parameters = {p["name"] for p in schema["paths"]["/api/v1/providers/"]["get"]["parameters"]}
    assert {"page", "page_size", "modified_after", "country", "sector"} <= parameters
    assert "catering" in json.dumps(schema["components"]["schemas"])


def test_every_field_of_every_dataset_is_described():
    for dataset in datasets():
        for name, field in dataset.serializer_class().get_fields().items():
            assert field.help_text, f"{dataset.name}.{name} has no help_text"


def test_the_docs_page_loads_its_scripts_from_the_site(client, partners):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "<style>" not in html
    assert "swagger-ui-bundle.js" in html
    script = client.get("/api/v1/docs/", {"script": ""})
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()


def test_the_about_page_links_to_the_api_docs(client, partners):
    response = client.get(reverse("netw:about"))
    assert f'href="{reverse("api:docs")}"' in response.content.decode()


def test_the_openapi_description_is_generated_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file",
                 str(tmp_path / "schema.yaml"))
    assert "/api/v1/providers/{id}/" in (tmp_path / "schema.yaml").read_text()


def test_every_dataset_serializes_its_rows_without_a_request(partners, settings):
    from tests.api.records import public_records

    public_records(partners)
    for dataset in datasets():
        rows = dataset.serializer_class(dataset.queryset, many=True).data
        assert rows, dataset.name
        assert all(row["url"].startswith(settings.SITE_URL + "/api/v1/") for row in rows)
        assert all(row["html_url"].startswith(settings.SITE_URL + "/") for row in rows)
