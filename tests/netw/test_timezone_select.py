"""The one time-zone select (netw.timezones.TimezoneField): the project's countries first, every
zone by region with readable names, and a new record starts in the person's own zone."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

import methodologies.forms
from netw.timezones import (
    REGION_GROUPS,
    TIMEZONE_CHOICES,
    TimezoneField,
    preferred_zone_name,
    timezone_choices,
)
from peersessions.forms import SessionForm
from tests.peersessions.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _groups(html: str) -> list[str]:
    return re.findall(r'<optgroup label="([^"]+)"', html)


def _selected(html: str) -> list[str]:
    return re.findall(r'<option value="([^"]+)" selected>', html)


def _zone_select(html: str) -> str:
    return re.search(r'<select name="timezone".*?</select>', html, re.S).group(0)


def test_every_zone_is_offered_once_by_region_with_readable_names():
    offered = [zone for _group, zones in REGION_GROUPS for zone, _label in zones]
    assert sorted(offered) == sorted(name for name, _label in TIMEZONE_CHOICES)
    labels = dict(zone for _group, zones in REGION_GROUPS for zone in zones)
    assert labels["America/Argentina/Buenos_Aires"] == "Argentina / Buenos Aires"
    assert labels["Europe/Lisbon"] == "Lisbon" and "_" not in "".join(labels.values())
    assert [str(group) for group, _zones in REGION_GROUPS][:3] == ["Europe", "Africa", "America"]


def test_the_project_countries_come_first():
    choices = timezone_choices({"PT", "HU", "RS"})
    group, zones = choices[0]
    assert str(group) == "Project countries"
    assert [zone for zone, _label in zones][:2] == ["Europe/Budapest", "Europe/Lisbon"]
    assert ("Europe/Lisbon", "Portugal – Lisbon") in zones
    assert "Atlantic/Azores" in dict(zones)


def test_a_lisbon_member_starts_a_new_session_in_lisbon(client, partners, owner):
    owner.timezone = "Europe/Lisbon"
    owner.save(update_fields=["timezone"])
    client.force_login(owner)
    html = _zone_select(client.get(reverse("peersessions:session_create")).content.decode())
    assert _groups(html)[0] == "Project countries"
    assert _groups(html)[1:4] == ["Europe", "Africa", "America"]
    first_group = html.split("</optgroup>")[0]
    for zone in ("Europe/Budapest", "Europe/Skopje", "Europe/Lisbon", "Europe/Belgrade",
                 "Europe/Bratislava"):
        assert f'value="{zone}"' in first_group
    assert _selected(html) == ["Europe/Lisbon"]


def test_without_a_zone_of_their_own_the_viewers_zone_is_chosen(partners, owner):
    assert owner.timezone == ""
    with timezone.override("Europe/Skopje"):
        assert preferred_zone_name(owner) == "Europe/Skopje"
        form = SessionForm(user=owner)
    assert form["timezone"].value() == "Europe/Skopje"


def test_a_session_being_edited_keeps_its_own_zone(partners, owner):
    owner.timezone = "Europe/Lisbon"
    session = SessionFactory(owner_partner=partners["a3s"], created_by=owner,
                             timezone="Europe/Rome")
    assert SessionForm(instance=session, user=owner)["timezone"].value() == "Europe/Rome"


def test_the_event_forms_use_the_core_field_and_the_persons_zone(client, partners, owner):
    assert not hasattr(methodologies.forms, "timezone_choices")  # one source: netw.timezones
    owner.timezone = "Europe/Lisbon"
    owner.save(update_fields=["timezone"])
    client.force_login(owner)
    for url in (reverse("methodologies:roundtable_create"),
                reverse("sustainability:meeting_create")):
        response = client.get(url)
        assert response.status_code == 200, url
        html = _zone_select(response.content.decode())
        assert _groups(html)[0] == "Project countries", url
        assert _selected(html) == ["Europe/Lisbon"], url


def test_the_profile_offers_the_same_groups_and_keeps_a_blank_choice(client, owner):
    client.force_login(owner)
    html = _zone_select(client.get(reverse("netw:profile")).content.decode())
    assert html.index('<option value=""') < html.index("<optgroup")
    assert _groups(html)[0] == "Project countries"


def test_a_zone_outside_the_list_is_refused():
    field = TimezoneField()
    field.choices = timezone_choices({"PT"})
    assert field.clean("Europe/Lisbon") == "Europe/Lisbon"
    with pytest.raises(Exception, match="valid choice"):
        field.clean("Mars/Base")
