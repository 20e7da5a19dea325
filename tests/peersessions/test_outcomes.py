"""After the session: minutes, key learnings, follow-up actions, attendance and materials."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from peersessions.models import FollowUpAction, KeyLearning, Material, Participant
from tests.peersessions.factories import FollowUpActionFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89")


def test_host_writes_minutes_and_history_keeps_each_version(client, past_session, owner):
    client.force_login(owner)
    url = reverse("peersessions:session_minutes", args=[past_session.pk])
    client.post(url, {"minutes": "First draft"})
    client.post(url, {"minutes": "Final minutes"})
    past_session.refresh_from_db()
    assert past_session.minutes == "Final minutes"
    assert [h.minutes for h in past_session.history.order_by("history_date")][-2:] == [
        "First draft", "Final minutes"]
    assert "Final minutes" in client.get(past_session.get_absolute_url()).content.decode()


def test_other_partner_cannot_write_minutes(client, past_session, outsider):
    client.force_login(outsider)
    url = reverse("peersessions:session_minutes", args=[past_session.pk])
    assert client.post(url, {"minutes": "Mine now"}).status_code == 403


def test_facilitator_from_another_partner_may_record_outcomes(client, past_session, outsider):
    past_session.facilitators.add(outsider)
    client.force_login(outsider)
    url = reverse("peersessions:session_learnings", args=[past_session.pk])
    response = client.post(url, {"text": "Start from members' needs", "language": "sr"})
    assert response.status_code == 302
    assert KeyLearning.objects.get().language == "sr"


def test_actions_have_an_owner_and_a_due_date(client, past_session, owner, outsider):
    client.force_login(owner)
    url = reverse("peersessions:session_actions", args=[past_session.pk])
    due = timezone.localdate() + timedelta(days=10)
    response = client.post(url, {"description": "Send the survey", "owner": outsider.pk,
                                 "due_on": due.isoformat()})
    assert response.status_code == 302
    action = FollowUpAction.objects.get()
    assert (action.owner, action.due_on) == (outsider, due)
    assert client.post(url, {"description": "No owner", "due_on": ""}).status_code == 200


def test_the_owner_of_an_action_marks_it_done(client, past_session, outsider, colleague):
    action = FollowUpActionFactory(session=past_session, owner=outsider)
    url = reverse("peersessions:action_done", args=[action.pk])
    client.force_login(colleague)  # host partner: may
    assert client.post(url).status_code == 302
    client.force_login(outsider)  # owner: may (reopen)
    assert client.post(url, {"done": "0"}).status_code == 302
    action.refresh_from_db()
    assert action.done_at is None


def test_attendance_records_who_came(client, past_session, owner, outsider):
    from tests.factories import MembershipFactory

    no_show = ParticipantFactory(session=past_session,
                                 user=MembershipFactory(partner=past_session.owner_partner).user)
    walk_in = MembershipFactory().user
    client.force_login(owner)
    url = reverse("peersessions:session_attendance", args=[past_session.pk])
    response = client.post(url, {"present": [str(outsider.pk)], "extra_people": [walk_in.pk]})
    assert response.status_code == 302
    attended = dict(Participant.objects.values_list("user_id", "attended"))
    assert attended == {outsider.pk: True, no_show.user_id: False, walk_in.pk: True}


def test_attendance_waits_for_the_session_to_start(client, session, owner):
    client.force_login(owner)
    url = reverse("peersessions:session_attendance", args=[session.pk])
    assert client.get(url).status_code == 403


def test_a_pdf_is_stored_privately_and_served_to_partners_only(client, past_session, owner,
                                                               outsider, settings):
    client.force_login(owner)
    url = reverse("peersessions:session_materials", args=[past_session.pk])
    response = client.post(url, {"title": "Slides", "language": "en",
                                 "file": SimpleUploadedFile("slides.pdf", PDF)})
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.content_type == "application/pdf"
    assert material.size == len(PDF)
    path = material.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT.resolve()))
    assert not path.startswith(str(settings.MEDIA_ROOT))

    client.force_login(outsider)
    download = client.get(material.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]
    client.logout()
    assert client.get(material.get_absolute_url()).status_code == 302


def test_materials_of_a_draft_are_not_found_by_other_partners(client, partners, owner, outsider):
    from tests.peersessions.factories import SessionFactory

    draft = SessionFactory(status="draft")
    client.force_login(owner)
    client.post(reverse("peersessions:session_materials", args=[draft.pk]),
                {"title": "Plan", "language": "en",
                 "file": SimpleUploadedFile("plan.png", PNG)})
    material = Material.objects.get()
    client.force_login(outsider)
    assert client.get(material.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(("name", "content", "message"), [
    ("virus.exe", b"MZ\x90\x00", "are not accepted"),
    ("slides.pdf", b"MZ\x90\x00 not a pdf", "does not match"),
    ("notes.txt", b"\x00\x01\x02binary", "not plain text"),
    ("photo.png", PDF, "does not match"),
])
def test_files_of_the_wrong_type_are_refused(client, past_session, owner, name, content, message):
    client.force_login(owner)
    url = reverse("peersessions:session_materials", args=[past_session.pk])
    response = client.post(url, {"title": "X", "language": "en",
                                 "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Material.objects.exists()


def test_files_over_the_size_limit_are_refused(client, past_session, owner, settings):
    settings.PEERSESSIONS_MATERIAL_MAX_BYTES = 1000
    client.force_login(owner)
    url = reverse("peersessions:session_materials", args=[past_session.pk])
    response = client.post(url, {"title": "Big", "language": "en",
                                 "file": SimpleUploadedFile("big.txt", b"a" * 1001)})
    assert response.status_code == 200
    assert "the limit is" in response.content.decode()
    assert not Material.objects.exists()


def test_removing_a_material_keeps_its_history(client, past_session, owner):
    client.force_login(owner)
    client.post(reverse("peersessions:session_materials", args=[past_session.pk]),
                {"title": "Notes", "language": "en",
                 "file": SimpleUploadedFile("notes.md", b"# Notes\n")})
    material = Material.objects.get()
    client.post(reverse("peersessions:material_delete", args=[material.pk]))
    assert not Material.objects.exists()
    assert Material.history.filter(id=material.pk, history_type="-").exists()


def test_my_actions_lists_mine_open_first_and_marks_them_done_in_place(
        client, past_session, owner, colleague):
    late = FollowUpActionFactory(session=past_session, owner=owner, description="Send the survey",
                                 due_on=timezone.localdate() - timedelta(days=3))
    FollowUpActionFactory(session=past_session, owner=owner, description="Already done",
                          done_at=timezone.now())
    FollowUpActionFactory(session=past_session, owner=colleague, description="Not mine")
    client.force_login(owner)
    page = client.get(reverse("peersessions:my_actions"), follow=True).content.decode()
    assert "Not mine" not in page
    assert page.index("Send the survey") < page.index("Already done")
    assert "1 open action." in page and "Overdue" in page
    back = reverse("netw:my_actions")
    response = client.post(reverse("peersessions:action_done", args=[late.pk]), {"next": back})
    assert response.status_code == 302 and response.url == back
    late.refresh_from_db()
    assert late.done_at is not None
    # A "next" pointing elsewhere is ignored: back to the session.
    response = client.post(reverse("peersessions:action_done", args=[late.pk]),
                           {"done": "0", "next": "https://evil.example.org/"})
    assert response.url.startswith(past_session.get_absolute_url())


@pytest.mark.parametrize("next_url", ["\x00", "session_list", "javascript:alert(1)", "//evil.org"])
def test_a_strange_next_address_never_fails(client, past_session, owner, next_url):
    action = FollowUpActionFactory(session=past_session, owner=owner)
    client.force_login(owner)
    response = client.post(reverse("peersessions:action_done", args=[action.pk]),
                           {"next": next_url})
    assert response.status_code == 302
    assert not response.url.startswith(("javascript:", "//evil"))


def test_materials_are_visible_only_through_their_sessions_visibility(partners, owner, outsider):
    from django.contrib.auth.models import AnonymousUser

    from tests.peersessions.factories import SessionFactory

    draft = SessionFactory(status="draft", owner_partner=partners["a3s"], created_by=owner)
    material = Material.objects.create(session=draft, title="Plan", file="x/plan.png",
                                       original_name="plan.png", content_type="image/png",
                                       size=1)
    assert list(Material.objects.visible_to(owner)) == [material]
    assert not Material.objects.visible_to(outsider).exists()
    assert not Material.objects.visible_to(AnonymousUser()).exists()


def test_a_visitor_is_asked_to_log_in_for_an_existing_material_only(client, past_session):
    material = Material.objects.create(session=past_session, title="Plan", file="x/plan.png",
                                       original_name="plan.png", content_type="image/png",
                                       size=1)
    past_session.is_public = False
    past_session.save()
    assert client.get(material.get_absolute_url()).status_code == 302
    assert client.get(reverse("peersessions:material_download",
                              args=[material.pk + 1000])).status_code == 404
