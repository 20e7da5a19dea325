import io

import pytest
from django.core.management import call_command

from peersessions.models import Course, LessonFile, Question


@pytest.mark.django_db
def test_the_demo_has_two_published_courses_made_from_the_sessions_and_a_draft_once(partners):
    call_command("seed_demo", stdout=io.StringIO())
    published = Course.objects.published()
    assert published.count() == 2 and Course.objects.drafts().count() == 1
    for course in published:
        modules = course.modules.all()
        assert modules.count() == 2
        assert any(m.source_sessions.exists() for m in modules)
        assert Question.objects.filter(lesson__module__course=course).exists()
        assert all(s.is_public for m in modules for s in m.source_sessions.all())
    assert LessonFile.objects.exists()
    call_command("seed_demo", stdout=io.StringIO())
    assert Course.objects.count() == 3
