"""E-mails and exports speak the recipient's language (their profile's), not the sender's, and
write dates in that language's style."""

import csv
import datetime as dt
import io
import zoneinfo

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext_lazy

from netw.exports import services
from netw.exports.models import Export
from netw.notifications.services import notify


def test_each_recipient_reads_the_email_in_their_own_language(
        owner, colleague, django_capture_on_commit_callbacks):
    owner.language, colleague.language = "hu", "pt"
    owner.save(), colleague.save()
    context = {"item": "Mentorálás", "item_kind": gettext_lazy("methodology"),
               "actor": "Ana Silva", "comment": ""}
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[owner, colleague], kind="workflow_review_requested",
               template="netw/emails/workflow_review_requested", context=context, url="/m/")
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[owner.email].endswith("Jóváhagyás kérése: módszertan – „Mentorálás”")
    assert subjects[colleague.email].endswith("Revisão pedida: metodologia “Mentorálás”")
    body = {message.to[0]: message.body for message in mail.outbox}[owner.email]
    assert "Ana Silva" in body and "submitted" not in body


def test_an_event_email_writes_the_date_in_the_recipients_style(
        owner, django_capture_on_commit_callbacks):
    from netw.emails import render_email

    moment = dt.datetime(2026, 12, 1, 16, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))

    class Event:
        title = "Kerekasztal"
        local_starts_at = moment
        timezone = "Europe/Brussels"

    subject_en, text_en, _ = render_email("methodologies/emails/event_scheduled",
                                          {"event": Event, "event_kind": "roundtable"},
                                          language="en")
    subject_hu, text_hu, _ = render_email("methodologies/emails/event_scheduled",
                                          {"event": Event, "event_kind": "kerekasztal"},
                                          language="hu")
    assert "1 Dec 2026, 16:30" in subject_en
    assert "Tuesday 1 December 2026, 16:30" in text_en
    assert "2026. 12. 01. 16:30" in subject_hu
    assert "2026. december 1., kedd 16:30" in text_hu


def test_an_export_is_written_in_the_language_of_who_asked_for_it(
        owner, django_capture_on_commit_callbacks):
    owner.language = "pt"
    owner.save()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.export_request(user=owner, list_name="partners", filters={}, format="csv")
    export = Export.objects.get()
    text = services.file_path(export.file_name).read_text(encoding="utf-8-sig")
    headers = next(csv.reader(io.StringIO(text)))
    assert headers[0] == "Nome abreviado"
    note = mail.outbox[0]
    assert note.to == [owner.email] and "export" not in note.subject.lower().split()
