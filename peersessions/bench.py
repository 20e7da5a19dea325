"""What ``manage.py bench`` measures of WP1's pages, and the sessions it adds per data unit
(see netw/benchmark.py). One unit: 300 sessions over two years around today, 8 invitees each,
learnings, actions and feedback on the held ones; the bench member is invited to 60 of them."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netw import benchtext
from netw.benchmark import BenchContext, BenchPage

SESSIONS_PER_UNIT = 300
INVITEES = 8


def _session(ctx: BenchContext) -> str:
    return reverse("peersessions:session_detail", args=[ctx.objects["ps_session"].pk])


def _feed(ctx: BenchContext) -> str:
    return reverse("events:feed_user", args=[ctx.objects["ps_feed"].token])


BENCH_PAGES = [
    BenchPage("session list", "peersessions:session_list", personas=("anonymous", "member")),
    BenchPage("session detail", _session, personas=("member", "lead"), kind="detail"),
    BenchPage("calendar month", "events:calendar_month", personas=("anonymous", "member"),
              load=True),
    BenchPage("calendar list", "events:calendar_list", personas=("member",)),
    BenchPage("topics", "peersessions:topic_list"),
    BenchPage("topic", lambda ctx: reverse("peersessions:topic_detail", args=["core-drivers"]),
              personas=("anonymous", "member"), kind="detail"),
    BenchPage("my calendar feed", _feed),
    BenchPage("public calendar feed", "events:feed_public", load=True),
    BenchPage("public events feed (Atom)", "events:feed_atom", load=True),
    BenchPage("courses feed", "peersessions:course_feed"),
]


def _generate_sessions(ctx: BenchContext, *, start: int, stop: int) -> None:
    from netw.events.services import feed_for
    from netw.models import User
    from netw.topics import seed_topics
    from peersessions.models import (
        Feedback,
        FollowUpAction,
        KeyLearning,
        Participant,
        Session,
        Topic,
    )

    seed_topics(Topic)
    topics = list(Topic.objects.all())
    partners = list(ctx.partners.values())
    people = list(User.objects.filter(email__endswith="@bench.invalid")
                  .exclude(pk__in=[u.pk for u in ctx.users.values() if u])[:400])
    member = ctx.users["member"]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for unit in range(start, stop):
        sessions = Session.objects.bulk_create([
            Session(
                title=benchtext.title("session", unit * SESSIONS_PER_UNIT + n),
                topic=topics[n % len(topics)],
                owner_partner=partners[n % len(partners)], format="online",
                meeting_url="https://meet.example.org/bench",
                starts_at=now + timedelta(hours=n * 58 - 365 * 24 + unit),
                ends_at=now + timedelta(hours=n * 58 - 365 * 24 + unit + 2),
                timezone="Europe/Brussels",
                agenda=benchtext.text("session", unit * SESSIONS_PER_UNIT + n, 20,
                                      field="agenda"),
                status="scheduled", is_public=n % 3 == 0, minutes="Minutes." if n < 150 else "",
            )
            for n in range(SESSIONS_PER_UNIT)
        ], batch_size=500)
        participants = []
        for n, session in enumerate(sessions):
            for k in range(INVITEES):
                person = people[(n * INVITEES + k + unit) % len(people)] if people else member
                participants.append(Participant(session=session, user=person, rsvp="attending",
                                                invited_at=now))
            if n % 5 == 0:
                participants.append(Participant(session=session, user=member, invited_at=now))
        Participant.objects.bulk_create(participants, batch_size=1000, ignore_conflicts=True)
        held = [s for s in sessions if s.ends_at < now]
        number = {s.pk: unit * SESSIONS_PER_UNIT + n for n, s in enumerate(sessions)}
        KeyLearning.objects.bulk_create([
            KeyLearning(session=s, text=benchtext.text("learning", number[s.pk] * 2 + k, 15))
            for s in held for k in range(2)], batch_size=1000)
        FollowUpAction.objects.bulk_create([
            FollowUpAction(session=s, description="Share the notes", owner=member,
                           due_on=(s.ends_at + timedelta(days=14)).date()) for s in held],
            batch_size=1000)
        held_ids = {s.pk for s in held}
        Feedback.objects.bulk_create([
            Feedback(session=p.session, user=p.user, usefulness=1 + (i % 5))
            for i, p in enumerate(participants)
            if p.session.pk in held_ids and p.user != member and i % 3 == 0],
            batch_size=1000, ignore_conflicts=True)
        if unit == 0:
            a3s = ctx.partners["a3s"]
            ctx.objects["ps_session"] = next(s for s in held if s.owner_partner_id == a3s.pk)
            ctx.objects["ps_feed"] = feed_for(user=member)


# --- The MOOC: catalogue, course page and lesson (peersessions/courses/learning.py) ------------
# Per data unit: 12 courses (10 published) of 3 modules × 4 lessons, a quiz on each module's last
# lesson, and 300 learners each enrolled in 3 courses with progress and a quiz attempt — so the
# pages are measured with 300 learners at 1× and 3,000 at 10×. The bench member is enrolled in
# the measured course (its lesson page reads the member's progress).
MOOC_COURSES_PER_UNIT = 12
MOOC_LEARNERS_PER_UNIT = 300


def _mooc_course(ctx: BenchContext) -> str:
    return reverse("peersessions:course_detail", args=[ctx.objects["mooc_course"].slug])


def _mooc_lesson(ctx: BenchContext) -> str:
    lesson = ctx.objects["mooc_lesson"]
    return reverse("peersessions:lesson_detail", args=[ctx.objects["mooc_course"].slug,
                                                       lesson.pk])


BENCH_PAGES += [
    BenchPage("course catalogue", "peersessions:course_list", personas=("anonymous", "member"),
              load=True),
    BenchPage("course page", _mooc_course, personas=("anonymous", "member"), kind="detail"),
    BenchPage("course lesson", _mooc_lesson, personas=("anonymous", "member"), kind="detail"),
]


def _generate_mooc(ctx: BenchContext, *, start: int, stop: int) -> None:
    from netw.models import User
    from netw.workflow import Status
    from peersessions.models import (
        Choice,
        Course,
        CourseModule,
        Enrolment,
        LearnerProfile,
        Lesson,
        LessonProgress,
        Question,
        QuizAttempt,
    )

    partners = list(ctx.partners.values())
    now = timezone.now()
    for unit in range(start, stop):
        courses = Course.objects.bulk_create([
            Course(title=benchtext.title("course", unit * MOOC_COURSES_PER_UNIT + n),
                   slug=f"bench-course-{unit}-{n}",
                   summary=benchtext.text("course", unit * MOOC_COURSES_PER_UNIT + n, 30,
                                          field="summary"),
                   outcomes="One\nTwo", estimated_hours=4,
                   owner_partner=partners[n % len(partners)],
                   status=Status.PUBLISHED if n < 10 else Status.DRAFT,
                   published_at=now if n < 10 else None)
            for n in range(MOOC_COURSES_PER_UNIT)])
        modules = CourseModule.objects.bulk_create([
            CourseModule(course=c, title=f"Module {m}", position=m) for c in courses
            for m in range(3)])
        lessons = Lesson.objects.bulk_create([
            Lesson(module=m, title=benchtext.title("lesson", i * 4 + k, length=4), position=k,
                   body=benchtext.text("lesson", i * 4 + k, 120, field="body"))
            for i, m in enumerate(modules, start=unit * MOOC_COURSES_PER_UNIT * 3)
            for k in range(4)])
        quiz_lessons = [lesson for lesson in lessons if lesson.position == 3]
        questions = Question.objects.bulk_create([
            Question(lesson=lesson, text="Which one?") for lesson in quiz_lessons])
        Choice.objects.bulk_create([
            Choice(question=q, text=text, is_correct=right, position=i)
            for q in questions for i, (text, right) in enumerate([("Yes", True), ("No", False)])])
        learners = User.objects.bulk_create([
            User(email=f"learner-{unit}-{n}@bench.invalid", first_name="Bench",
                 last_name=f"Learner {n}") for n in range(MOOC_LEARNERS_PER_UNIT)])
        LearnerProfile.objects.bulk_create([
            LearnerProfile(user=u, display_name=u.get_full_name()) for u in learners])
        published = courses[:10]
        enrolments = Enrolment.objects.bulk_create([
            Enrolment(course=published[(n + k) % len(published)], learner=u)
            for n, u in enumerate(learners) for k in range(3)])
        first_lessons = {}
        for lesson in lessons:
            first_lessons.setdefault(lesson.module.course_id, []).append(lesson)
        LessonProgress.objects.bulk_create([
            LessonProgress(enrolment=e, lesson=lesson)
            for e in enrolments for lesson in first_lessons[e.course_id][:2]],
            batch_size=1000, ignore_conflicts=True)
        QuizAttempt.objects.bulk_create([
            QuizAttempt(enrolment=e, lesson=first_lessons[e.course_id][3], nonce=f"bench-{e.pk}",
                        score=100, passed=True, answers={})
            for e in enrolments[::4]], batch_size=1000)
        if unit == 0:
            course = published[0]
            ctx.objects["mooc_course"] = course
            # The first lesson: visitors read it too; the member, enrolled, with their progress.
            ctx.objects["mooc_lesson"] = first_lessons[course.pk][0]
            Enrolment.objects.get_or_create(course=course, learner=ctx.users["member"])


# --- The MOOC: authors' and leads' pages (peersessions/courses/) -------------------------------
# One unit: 20 courses (5 of partner A), and on the measured course 200 learners, each with
# progress on its lessons and a quiz attempt; a third of them completed it.

COURSES_PER_UNIT = 20
LEARNERS_PER_UNIT = 200


def _course_page(name: str):
    return lambda ctx: reverse(name, args=[ctx.objects["mc_course"].slug])


BENCH_PAGES += [
    BenchPage("course workspace", "peersessions:course_workspace", personas=("member", "lead")),
    BenchPage("course authoring", _course_page("peersessions:course_author_detail"),
              personas=("member", "lead"), kind="detail"),
    BenchPage("course statistics", _course_page("peersessions:course_statistics"),
              personas=("member", "lead"), kind="dashboard"),
    BenchPage("courses overview", "peersessions:course_overview",
              personas=("lead", "coordinator")),
]

def _generate_courses(ctx: BenchContext, *, start: int, stop: int) -> None:
    from netw.models import User
    from netw.workflow import Status
    from peersessions.models import (
        Choice,
        Course,
        CourseModule,
        Enrolment,
        LearnerProfile,
        Lesson,
        LessonProgress,
        Question,
        QuizAttempt,
    )

    a3s = ctx.partners["a3s"]
    partners = list(ctx.partners.values())
    now = timezone.now()
    if "mc_course" not in ctx.objects:
        course = Course.objects.create(
            title="Bench course", slug="bench-course", owner_partner=a3s, summary="Bench.",
            outcomes="One", estimated_hours=2, status=Status.PUBLISHED, published_at=now)
        lessons = []
        for m in range(3):
            module = CourseModule.objects.create(course=course, title=f"Module {m}", position=m)
            lessons += [Lesson.objects.create(module=module, title=f"Lesson {m}-{n}", position=n,
                                              body="Text") for n in range(3)]
        question = Question.objects.create(lesson=lessons[0], text="Which?")
        right = Choice.objects.create(question=question, text="Right", is_correct=True)
        wrong = Choice.objects.create(question=question, text="Wrong", position=1)
        ctx.objects.update(mc_course=course, mc_lessons=lessons, mc_question=question,
                           mc_choices=(right, wrong))
    course = ctx.objects["mc_course"]
    lessons = ctx.objects["mc_lessons"]
    question = ctx.objects["mc_question"]
    right, wrong = ctx.objects["mc_choices"]
    for unit in range(start, stop):
        Course.objects.bulk_create([
            Course(title=benchtext.title("authored course", unit * COURSES_PER_UNIT + n),
                   slug=f"bench-authored-{unit}-{n}",
                   owner_partner=a3s if n % 4 == 0 else partners[n % len(partners)],
                   status=[Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED][n % 3])
            for n in range(COURSES_PER_UNIT)])
        learners = User.objects.bulk_create([
            User(email=f"learner-{unit}-{n}@learners.bench.invalid", first_name="Learner",
                 last_name=f"{unit}-{n}") for n in range(LEARNERS_PER_UNIT)])
        LearnerProfile.objects.bulk_create([
            LearnerProfile(user=u, display_name=u.last_name, country=["PT", "RS", "SK"][n % 3])
            for n, u in enumerate(learners)])
        enrolments = Enrolment.objects.bulk_create([
            Enrolment(course=course, learner=u, completed_at=now if n % 3 == 0 else None)
            for n, u in enumerate(learners)])
        LessonProgress.objects.bulk_create([
            LessonProgress(enrolment=e, lesson=lesson) for n, e in enumerate(enrolments)
            for lesson in lessons[: 1 + n % len(lessons)]], batch_size=1000)
        QuizAttempt.objects.bulk_create([
            QuizAttempt(enrolment=e, lesson=question.lesson, nonce=f"{unit}-{n}",
                        score=100 if n % 2 else 0, passed=bool(n % 2),
                        answers={str(question.pk): [(right if n % 2 else wrong).pk]})
            for n, e in enumerate(enrolments)], batch_size=1000)


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    """Each part of WP1 adds its own data."""
    _generate_sessions(ctx, start=start, stop=stop)
    _generate_mooc(ctx, start=start, stop=stop)
    _generate_courses(ctx, start=start, stop=stop)
