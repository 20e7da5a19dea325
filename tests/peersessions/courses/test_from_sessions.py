"""Start from the sessions: a topic's key learnings and materials become a draft module that
credits its sessions, and nothing private becomes part of a course unless the author chose it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from peersessions.courses.authoring import course_module_from_topic
from peersessions.models import LessonFile, Material, Topic
from tests.peersessions.courses.factories import CourseFactory
from tests.peersessions.factories import KeyLearningFactory, SessionFactory


def _held(**kwargs):
    start = timezone.now() - timedelta(days=10)
    return SessionFactory(starts_at=start, ends_at=start + timedelta(hours=2), **kwargs)


def _material(session, title="Slides", content=b"%PDF-1.4 slides", name="slides.pdf"):
    return Material.objects.create(
        session=session, title=title, file=ContentFile(content, name=name), original_name=name,
        content_type="application/pdf", size=len(content))


@pytest.fixture
def topic(partners):
    return Topic.objects.get(slug="core-drivers")


@pytest.fixture
def public_session(topic):
    session = _held(topic=topic, is_public=True, title="Public exchange")
    KeyLearningFactory(session=session, text="Members value shared services.")
    return session


@pytest.fixture
def private_session(topic, partners):
    session = _held(topic=topic, is_public=False, title="Closed exchange",
                    owner_partner=partners["idc-serbia"])
    KeyLearningFactory(session=session, text="A confidential budget figure.")
    return session


def test_a_module_is_made_from_the_chosen_sessions_learnings_and_credits_them(
        owner, topic, public_session, private_session):
    course = CourseFactory()
    made = course_module_from_topic(course=course, topic=topic, by=owner,
                                    sessions=[public_session])
    module = made.module
    assert list(module.source_sessions.all()) == [public_session]
    lesson = module.lessons.get()
    assert "Members value shared services." in lesson.body
    assert "confidential" not in lesson.body
    assert "Public exchange" in lesson.body


def test_materials_are_copied_only_when_chosen(owner, topic, public_session, private_session):
    chosen = _material(public_session)
    private = _material(private_session, title="Budget")
    made = course_module_from_topic(course=CourseFactory(), topic=topic, by=owner,
                                    sessions=[public_session, private_session],
                                    materials=[chosen])
    assert [f.title for f in made.files] == ["Slides"]
    copy = LessonFile.objects.get()
    assert copy.file.name != chosen.file.name and copy.file.read() == b"%PDF-1.4 slides"
    assert not LessonFile.objects.filter(title=private.title).exists()


def test_a_material_of_a_session_not_chosen_is_ignored_even_if_its_id_is_sent(
        owner, topic, public_session, private_session):
    private = _material(private_session, title="Budget")
    course_module_from_topic(course=CourseFactory(), topic=topic, by=owner,
                             sessions=[public_session], materials=[private])
    assert not LessonFile.objects.exists()


def test_sessions_the_author_may_not_see_are_never_used(owner, topic, partners):
    draft = _held(topic=topic, status="draft", owner_partner=partners["idc-serbia"])
    KeyLearningFactory(session=draft, text="Hidden draft learning")
    with pytest.raises(ValidationError):
        course_module_from_topic(course=CourseFactory(), topic=topic, by=owner,
                                 sessions=[draft])


def test_a_material_that_is_not_what_its_name_says_is_not_copied(
        owner, topic, public_session):
    fake = _material(public_session, title="Fake", content=b"MZ\x90\x00 program")
    made = course_module_from_topic(course=CourseFactory(), topic=topic, by=owner,
                                    sessions=[public_session], materials=[fake])
    assert made.refused == ["Fake"] and not LessonFile.objects.exists()


def test_the_form_ticks_public_held_sessions_and_never_a_private_sessions_material(
        client, owner, topic, public_session, private_session):
    _material(public_session)
    _material(private_session, title="Budget")
    course = CourseFactory()
    client.force_login(owner)
    response = client.get(reverse("peersessions:module_from_topic", args=[course.slug]),
                          {"topic": topic.slug})
    form = response.context["form"]
    assert form.initial["sessions"] == [public_session.pk]
    assert [m.title for m in Material.objects.filter(pk__in=form.initial["materials"])] == [
        "Slides"]


def test_the_author_makes_a_module_from_a_topic_and_the_course_shows_its_sources(
        client, owner, topic, public_session):
    course = CourseFactory()
    client.force_login(owner)
    url = reverse("peersessions:module_from_topic", args=[course.slug]) + f"?topic={topic.slug}"
    response = client.post(url, {"sessions": [public_session.pk]})
    assert response.status_code == 302
    page = client.get(reverse("peersessions:course_author_detail", args=[course.slug]))
    html = page.content.decode()
    assert "Made from the sessions:" in html and "Public exchange" in html
