"""The uptake of policy recommendations per country: recording steps, the rules they follow, the
public matrix and who sees what of them."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw.exports import registry
from netw.workflow import Status
from sustainability.models import UptakeStage, UptakeStep
from sustainability.services import uptake_step_record
from tests.factories import StakeholderFactory
from tests.sustainability.factories import RecommendationFactory, UptakeStepFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(partner_a):
    """Published, addressed to Portugal and Serbia."""
    return RecommendationFactory(owner_partner=partner_a, status=Status.PUBLISHED)


def _record(client, recommendation, **changes):
    data = {"country": "PT", "stage": "1", "date": "2026-02-10", **changes}
    return client.post(reverse("sustainability:uptake_create", args=[recommendation.slug]),
                       {k: v for k, v in data.items() if v is not None})


def _history(recommendation, country):
    return (reverse("sustainability:uptake_list")
            + f"?recommendation={recommendation.slug}&country={country}")


# --- Recording ------------------------------------------------------------------------------------


def test_a_member_of_another_partner_records_a_step_with_a_stakeholder_and_evidence(
        client, outsider, partner_b, published):
    ministry = StakeholderFactory(name="Demo Ministry of Labour", country="RS")
    client.force_login(outsider)
    response = _record(client, published, country="RS", stage="2", stakeholder=ministry.pk,
                       evidence_link="https://example.org/hearing", note="Hearing held.",
                       evidence_file=SimpleUploadedFile("minutes.txt", b"Minutes."))
    step = UptakeStep.objects.get()
    assert response.status_code == 302
    assert response.url == _history(published, "RS")
    assert step.owner_partner == partner_b and step.created_by == outsider
    assert step.stage == UptakeStage.DISCUSSED and step.stakeholder == ministry
    assert step.evidence_file.read() == b"Minutes."
    page = client.get(response.url).content.decode()
    assert "Demo Ministry of Labour" in page and "Hearing held." in page


def test_a_step_for_a_country_the_recommendation_does_not_address_is_refused(
        client, owner, published):
    client.force_login(owner)
    response = _record(client, published, country="ES")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["country"]
    assert "does not address" in errors["country"][0]
    assert not UptakeStep.objects.exists()


def test_the_model_refuses_a_country_not_addressed_whoever_calls_it(owner, published):
    with pytest.raises(ValidationError) as refused:
        uptake_step_record(step=UptakeStep(recommendation=published, country="ES", stage=1,
                                           date=dt.date(2026, 2, 1)), by=owner)
    assert "country" in refused.value.message_dict


def test_a_europe_wide_recommendation_accepts_a_step_in_any_country(client, owner, partner_a):
    europe_wide = RecommendationFactory(status=Status.PUBLISHED, countries=[])
    client.force_login(owner)
    assert _record(client, europe_wide, country="BE").status_code == 302
    assert UptakeStep.objects.get().country == "BE"


def test_going_back_a_stage_needs_a_reason_and_every_step_is_kept(client, owner, published):
    client.force_login(owner)
    _record(client, published, stage="1", date="2026-01-10")
    _record(client, published, stage="3", date="2026-02-10")
    response = _record(client, published, stage="2", date="2026-03-10")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["reason"]
    assert UptakeStep.objects.count() == 2

    response = _record(client, published, stage="2", date="2026-03-10",
                       reason="The new minister withdrew the endorsement.")
    assert response.status_code == 302
    assert list(UptakeStep.objects.filter(recommendation=published).chronological()
                .values_list("stage", flat=True)) == [1, 3, 2]
    page = client.get(_history(published, "PT")).content.decode()
    assert "The new minister withdrew the endorsement." in page
    assert "3 steps" in page


def test_a_step_filled_in_for_an_earlier_date_follows_the_steps_before_that_date(
        client, owner, published):
    client.force_login(owner)
    _record(client, published, stage="3", date="2026-03-10")
    # Presented in January, recorded afterwards: not a step back.
    assert _record(client, published, stage="1", date="2026-01-10").status_code == 302
    assert UptakeStep.objects.count() == 2


def test_a_step_in_the_future_is_refused(client, owner, published):
    client.force_login(owner)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = _record(client, published, date=tomorrow.isoformat())
    assert list(response.context["form"].errors) == ["date"]


def test_steps_are_never_changed_once_recorded(owner, published):
    step = UptakeStepFactory(recommendation=published)
    with pytest.raises(ValueError):
        uptake_step_record(step=step, by=owner)


def test_no_uptake_is_recorded_on_a_recommendation_that_is_not_published(
        client, owner, partner_a):
    draft = RecommendationFactory(status=Status.DRAFT)
    client.force_login(owner)
    assert client.get(reverse("sustainability:uptake_create",
                              args=[draft.slug])).status_code == 403
    assert _record(client, draft).status_code == 403
    with pytest.raises(PermissionDenied):
        uptake_step_record(step=UptakeStep(recommendation=draft, country="PT", stage=1,
                                           date=dt.date(2026, 2, 1)), by=owner)
    assert not UptakeStep.objects.exists()


def test_a_visitor_cannot_record_a_step(client, published):
    response = _record(client, published)
    assert response.status_code == 302 and "login" in response.url
    assert not UptakeStep.objects.exists()


def test_the_countries_offered_are_those_addressed_and_the_one_asked_is_chosen(
        client, owner, published):
    client.force_login(owner)
    form = client.get(reverse("sustainability:uptake_create", args=[published.slug]),
                      {"country": "RS"}).context["form"]
    assert [code for code, _name in form.fields["country"].choices if code] == ["PT", "RS"]
    assert form.initial["country"] == "RS"


# --- The matrix -----------------------------------------------------------------------------------


def test_the_matrix_shows_the_highest_stage_and_where_it_stands_when_it_went_back(
        client, partner_a, published):
    for stage, day, reason in ((1, 1, ""), (3, 2, ""), (2, 3, "Endorsement withdrawn.")):
        UptakeStepFactory(recommendation=published, country="PT", stage=stage,
                          date=dt.date(2026, 1, day), reason=reason)
    UptakeStepFactory(recommendation=published, country="RS", stage=4,
                      date=dt.date(2026, 1, 5))
    response = client.get(reverse("sustainability:uptake_matrix"))
    page = response.content.decode()
    row = response.context["rows"][0]
    cells = {cell["country"]: cell for cell in row["cells"]}
    assert cells["PT"]["standing"].highest == UptakeStage.ENDORSED
    assert cells["PT"]["standing"].current == UptakeStage.DISCUSSED
    assert cells["RS"]["standing"].highest == UptakeStage.ADOPTED
    assert cells["HU"]["standing"] is None and not cells["HU"]["addressed"]
    assert "now: discussed" in page
    assert "Taken into a policy, programme or law" in page
    assert _history(published, "PT").replace("&", "&amp;") in page
    # An accessible table: a caption, headers for columns and rows.
    assert "<caption" in page and 'scope="col"' in page and 'scope="row"' in page


def test_the_matrix_has_the_focus_countries_and_every_country_with_a_step(
        client, partner_a):
    europe_wide = RecommendationFactory(status=Status.PUBLISHED, countries=[])
    UptakeStepFactory(recommendation=europe_wide, country="BE", stage=1)
    columns = [c["code"] for c in client.get(
        reverse("sustainability:uptake_matrix")).context["columns"]]
    assert columns == ["HU", "MK", "PT", "RS", "SK", "BE"]


def test_the_matrix_and_steps_list_answer_in_the_same_number_of_queries_for_more_rows(
        client, owner, partner_a):
    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def add(n):
        for _ in range(n):
            recommendation = RecommendationFactory(status=Status.PUBLISHED)
            for country, stage in (("PT", 1), ("PT", 2), ("RS", 3)):
                UptakeStepFactory(recommendation=recommendation, country=country, stage=stage,
                                  stakeholder=StakeholderFactory())

    client.force_login(owner)
    urls = [reverse("sustainability:uptake_matrix"), reverse("sustainability:uptake_list"),
            reverse("sustainability:recommendation_list")]
    add(2)
    [count(url) for url in urls]  # the first request of a session costs a few more
    small = [count(url) for url in urls]
    add(5)
    assert [count(url) for url in urls] == small


# --- Who sees what --------------------------------------------------------------------------------


def test_a_visitor_sees_steps_but_no_stakeholder_name_nor_evidence_file(
        client, owner, published):
    ministry = StakeholderFactory(name="Demo Ministry of Labour")
    step = UptakeStepFactory(recommendation=published, stakeholder=ministry,
                             evidence_link="https://example.org/letter", note="A letter.")
    step.evidence_file.save("letter.txt", ContentFile(b"Dear partners"))
    evidence = reverse("sustainability:uptake_evidence", args=[step.pk])

    page = client.get(_history(published, "PT")).content.decode()
    assert "A letter." in page and "https://example.org/letter" in page
    assert "Demo Ministry of Labour" not in page
    assert evidence not in page
    response = client.get(evidence)
    assert response.status_code == 302 and "login" in response.url

    client.force_login(owner)
    page = client.get(_history(published, "PT")).content.decode()
    assert "Demo Ministry of Labour" in page and evidence in page
    response = client.get(evidence)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Dear partners"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")


def test_a_visitor_sees_no_step_of_a_recommendation_that_is_not_published(
        client, owner, partner_a):
    submitted = RecommendationFactory(status=Status.SUBMITTED, title="Awaiting review")
    # Not possible on the site; a coordinator's correction in the admin could leave one.
    UptakeStepFactory(recommendation=submitted, note="A step nobody outside sees")
    page = client.get(reverse("sustainability:uptake_list")).content.decode()
    assert "A step nobody outside sees" not in page and "Awaiting review" not in page
    assert not UptakeStep.objects.visible_to(None).exists()
    assert UptakeStep.objects.visible_to(owner).exists()


def test_the_steps_list_filters_by_stage_and_ignores_a_strange_filter(client, published):
    UptakeStepFactory(recommendation=published, stage=1, note="first")
    UptakeStepFactory(recommendation=published, stage=2, note="second",
                      date=dt.date(2026, 2, 1))
    url = reverse("sustainability:uptake_list")
    page = client.get(url, {"stage": "2"}).content.decode()
    assert "second" in page and ">first<" not in page
    for query in ({"stage": "9"}, {"recommendation": "x" * 500}, {"country": "\x00"}):
        assert client.get(url, query).status_code == 200, query


def test_the_uptake_export_has_the_rows_of_the_pages_filters_with_the_stakeholder(
        owner, published):
    ministry = StakeholderFactory(name="Demo Ministry of Labour")
    UptakeStepFactory(recommendation=published, country="PT", stage=3, stakeholder=ministry)
    UptakeStepFactory(recommendation=published, country="RS", stage=1)
    export = registry.get("uptake_steps")
    assert not export.can_export(None)  # visitors do not export
    rows = list(export.rows(owner, {"recommendation": [published.slug], "country": ["PT"]}))
    assert len(rows) == 1
    assert rows[0][1] == "Portugal" and rows[0][3] == "endorsed"
    assert rows[0][4] == "Demo Ministry of Labour"


def test_the_steps_page_exports_its_rows_in_the_background_with_its_filters(
        client, owner, published, django_capture_on_commit_callbacks):
    import csv
    import io

    from netw.exports import services
    from netw.exports.models import Export

    UptakeStepFactory(recommendation=published, country="PT", stage=2, note="In Portugal")
    UptakeStepFactory(recommendation=published, country="RS", stage=1, note="In Serbia")
    client.force_login(owner)
    page = client.get(_history(published, "PT")).content.decode()
    assert 'name="list" value="uptake_steps"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exports:request"), {
            "list": "uptake_steps", "format": "csv",
            "filters": f"recommendation={published.slug}&country=PT"})
    export = Export.objects.get()
    assert export.status == "done" and export.row_count == 1
    text = services.file_path(export.file_name).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Recommendation", "Country", "Date", "Stage"]
    assert rows[1][1] == "Portugal" and "In Portugal" in rows[1]
