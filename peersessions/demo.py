"""Demo data for work package 1: a year of peer-to-peer sessions across the five topics.

Nine months back and three ahead of the day it runs, two sessions a month hosted in turn by the
eight partners. Past sessions have minutes, key learnings, follow-up actions (some done, some
overdue), attendance and feedback; upcoming ones have invitations and answers. Safe to run again:
each session has a fixed identifier and is only created once.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from netw.demo import DEMO_USERS
from netw.models import User
from peersessions.models import (
    Feedback,
    FollowUpAction,
    KeyLearning,
    Material,
    Participant,
    Session,
    Topic,
)
from providers.models import Membership, Partner

NAMESPACE = uuid.UUID("6f1c2a4e-8d0b-4c1e-9a53-0c5e3f7d2b11")

HOSTS = ["aff", "ensie", "a3s", "idc-serbia", "galileo-progetti", "cdi-macedonia", "asse", "isen"]
ZONES = {"aff": "Europe/Bucharest", "ensie": "Europe/Brussels", "a3s": "Europe/Lisbon",
         "idc-serbia": "Europe/Belgrade", "galileo-progetti": "Europe/Budapest",
         "cdi-macedonia": "Europe/Skopje", "asse": "Europe/Bratislava", "isen": "Europe/Dublin"}
PLACES = {"aff": "AFF office, Bucharest", "ensie": "ENSIE, Rue de l'Industrie, Brussels",
          "a3s": "A3S, Rua de Santa Catarina, Porto", "idc-serbia": "IDC, Belgrade",
          "galileo-progetti": "Galileo Progetti, Budapest", "cdi-macedonia": "CDI, Skopje",
          "asse": "ASSE, Bratislava", "isen": "ISEN, Dublin"}

# topic slug → (titles, agenda, learnings, actions)
CONTENT = {
    "core-drivers": (
        ["What holds a network together", "Governance models of national networks",
         "Membership services that members value", "From informal group to federation",
         "Funding the network's secretariat", "Measuring a network's health"],
        "1. Round of introductions\n2. Case: how {host} grew its membership\n"
        "3. Group work: the three drivers that matter most\n4. Wrap-up and next steps",
        ["A shared purpose written with members outlives any funding cycle.",
         "Members stay for services (training, legal advice, data), not for statutes.",
         "Rotating board seats between regions keeps smaller members engaged.",
         "A small paid secretariat is what turns goodwill into continuity.",
         "Networks that publish a yearly activity report keep members' trust.",
         "Regional chapters let members meet often without travelling far."],
        ["Share the membership charter template", "Draft a one-page services offer"],
    ),
    "advocacy-communication": (
        ["Speaking to ministries about WISEs", "Building a yearly advocacy calendar",
         "Telling impact stories with data", "Working with journalists",
         "Social media for small networks", "Joint positions at EU level"],
        "1. Where advocacy worked last year\n2. Mapping decision makers\n"
        "3. Writing one key message together\n4. Planning the next campaign",
        ["One clear message repeated for a year beats many messages once.",
         "Ministries respond to numbers on jobs and savings, with one personal story.",
         "Partner with a union or employers' body to be heard as more than a lobby.",
         "Plan advocacy around the budget calendar, not around our own events.",
         "Short videos made by workers themselves travel further than reports.",
         "Journalists need a contact who answers the same day."],
        ["Collect impact figures from three members", "Prepare a press kit in two languages"],
    ),
    "network-perks": (
        ["Why join a network? The members' view", "Shared services: procurement and HR",
         "Peer learning as a membership benefit", "Access to funding through the network",
         "Visibility and labels for members", "Onboarding new members"],
        "1. Testimonies from members\n2. What each network offers today\n"
        "3. Gaps and ideas\n4. Commitments",
        ["New members decide in their first three months whether to stay: onboard them well.",
         "Group purchasing (insurance, software) pays the fee back for small members.",
         "A quality label gives members a concrete reason to join and stay.",
         "Peer visits between members are the benefit members mention most.",
         "Sharing funding calls early helps small members apply on time.",
         "A members-only space for questions builds a habit of asking each other."],
        ["List the services each partner network offers", "Write a welcome pack outline"],
    ),
    "best-practices": (
        ["Job coaching practices that work", "Transitions to the open labour market",
         "Training supervisors as trainers", "Partnerships with employers",
         "Recognising skills learnt at work", "Digital tools in work-based learning"],
        "1. Three practices presented by {host}\n2. Questions and adaptations\n"
        "3. Which practice would travel to your country?\n4. Follow-up",
        ["Supervisors who are trained as trainers double the learning at the workplace.",
         "A written individual pathway agreed with the worker improves transitions.",
         "Skills portfolios are easier for employers to read than certificates alone.",
         "Employers who host a trainee once become recruiters the next year.",
         "Short digital modules suit workers who learn on the job in shifts.",
         "Following people six months after they leave shows what really worked."],
        ["Translate the job-coaching guide summary", "Arrange a visit to a member enterprise"],
    ),
    "representation-leadership": (
        ["Representing members in policy dialogue", "Growing the next generation of leaders",
         "Board roles and responsibilities", "Leading a network through a crisis",
         "Building coalitions with other sectors", "Mandates and accountability to members"],
        "1. Leadership stories\n2. Who speaks for the network, and how\n"
        "3. Mentoring schemes\n4. Next steps",
        ["Clear mandates from members make representatives more credible with authorities.",
         "Mentoring pairs between experienced and emerging networks build leaders fast.",
         "Write down who speaks on which subject before a crisis, not during it.",
         "Give young staff a seat in working groups before a seat on the board.",
         "Coalitions with disability and migrant organisations widen the audience.",
         "Report back to members after every meeting with the authorities."],
        ["Propose a mentoring pairing between two networks", "Draft a spokesperson policy"],
    ),
}
COMMENTS = ["Very practical, I will reuse the templates.", "Good exchange, a bit too short.",
            "The case study was exactly what we needed.", "Useful, I would like more examples.",
            "Great facilitation and concrete next steps.", ""]


def _local(day, hour: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=ZoneInfo(zone))


@transaction.atomic
def _seed_sessions(stdout) -> None:
    topics = {t.slug: t for t in Topic.objects.all()}
    partners = {p.slug: p for p in Partner.objects.all()}
    demo_emails = [row[0] for row in DEMO_USERS if row[3]]
    users = {u.email: u for u in User.objects.filter(email__in=demo_emails)}
    if not users or len(topics) < 5:
        stdout.write("Peer sessions: demo users or topics missing, skipped.")
        return
    members = {}
    for membership in Membership.objects.filter(user__in=users.values()).select_related("user"):
        members.setdefault(membership.partner_id, []).append(membership.user)

    today = timezone.localdate()
    slugs = list(CONTENT)
    created = 0
    for index in range(24):
        month_offset = index // 2 - 9  # nine months back, three ahead
        anchor = (today.replace(day=1) + timedelta(days=32 * month_offset)).replace(day=1)
        day = anchor + timedelta(days=7 + 14 * (index % 2) + index % 3)
        while day.weekday() >= 5:  # sessions are held on working days
            day += timedelta(days=1)
        host_slug = HOSTS[index % len(HOSTS)]
        topic_slug = slugs[index % len(slugs)]
        titles, agenda, learnings, actions = CONTENT[topic_slug]
        host = partners[host_slug]
        zone = ZONES[host_slug]
        fmt = [Session.Format.ONLINE, Session.Format.HYBRID, Session.Format.IN_PERSON][index % 3]
        start = _local(day, 10 if index % 2 else 14, zone)
        uid = uuid.uuid5(NAMESPACE, f"session-{index}")
        if Session.objects.filter(uid=uid).exists():
            continue
        creator = (members.get(host.pk) or list(users.values()))[0]
        session = Session.objects.create(
            uid=uid, title=titles[index // len(slugs) % len(titles)], topic=topics[topic_slug],
            owner_partner=host, language="en", format=fmt,
            place=PLACES[host_slug] if fmt != Session.Format.ONLINE else "",
            meeting_url=f"https://meet.example.org/net-works-{index}"
            if fmt != Session.Format.IN_PERSON else "",
            starts_at=start, ends_at=start + timedelta(hours=2), timezone=zone,
            agenda=agenda.format(host=host.short_name), is_public=index % 4 == 0,
            status=Session.Status.SCHEDULED, created_by=creator, updated_by=creator,
        )
        created += 1
        session.facilitators.set([creator])
        invited = [partners[s] for s in HOSTS if s != host_slug][index % 3::3]
        session.invited_partners.set(invited)
        past = session.ends_at < timezone.now()
        rows = []
        for n, partner in enumerate(invited):
            for person in members.get(partner.pk, []):
                answer = (Participant.Rsvp.DECLINED if (index + n) % 5 == 0
                          else Participant.Rsvp.ATTENDING if (index + n) % 3 else
                          Participant.Rsvp.PENDING)
                rows.append(Participant(
                    session=session, user=person, via_partner=partner, rsvp=answer,
                    invited_at=start - timedelta(days=21),
                    attended=(answer == Participant.Rsvp.ATTENDING) if past else None))
        Participant.objects.bulk_create(rows)
        if not past:
            continue
        session.minutes = (
            f"Minutes of “{session.title}”, hosted by {host.short_name}.\n\n"
            f"{len([r for r in rows if r.attended])} participants from "
            f"{len(invited)} partners took part. The host opened with its own experience; the "
            "group compared practices country by country and agreed on the follow-up below."
        )
        session.reminder_sent_at = session.feedback_requested_at = session.ends_at
        session.save(update_fields=["minutes", "reminder_sent_at", "feedback_requested_at"])
        picked = [learnings[(index // len(slugs) * 3 + k) % len(learnings)] for k in range(3)]
        KeyLearning.objects.bulk_create([
            KeyLearning(session=session, text=text, language="en", created_by=creator)
            for text in picked])
        if index % 2 == 0:
            notes = f"# {session.title}\n\n" + "\n".join(f"- {text}" for text in picked)
            Material.objects.create(
                session=session, title="Session notes", language="en",
                file=ContentFile(notes.encode(), name=f"session-{index}-notes.md"),
                original_name=f"session-{index}-notes.md", content_type="text/markdown",
                size=len(notes.encode()), uploaded_by=creator)
        for n, description in enumerate(actions):
            owner = rows[n % len(rows)].user if rows else creator
            due = session.starts_at.date() + timedelta(days=30 + 15 * n)
            FollowUpAction.objects.create(
                session=session, description=description, owner=owner, due_on=due,
                created_by=creator,
                done_at=session.ends_at + timedelta(days=20) if (index + n) % 2 else None,
                due_reminder_sent_at=timezone.now() if due <= today else None,
                overdue_reminder_sent_at=timezone.now() if due < today else None)
        Feedback.objects.bulk_create([
            Feedback(session=session, user=row.user, usefulness=3 + (index + n) % 3,
                     comment=COMMENTS[(index + n) % len(COMMENTS)], language="en")
            for n, row in enumerate(rows) if row.attended and (index + n) % 4 != 3])
    stdout.write(f"Peer sessions: {created} new demo session(s), "
                 f"{Session.objects.count()} in all.")


# --- The MOOC: courses written by the partners (peersessions/courses/) ------------------------
# Two published courses, each with a module made from a topic's public sessions and a module
# written by hand, with quizzes; one draft. Demo learners are added by the learners' block.

DEMO_COURSES = [
    {
        "title": "Running a network of work integration social enterprises",
        "partner": "ensie", "author": "coordinator@demo.net-works.eu", "topic": "core-drivers",
        "published": True, "hours": "6", "level": "introductory",
        "summary": "What holds a network of work integration social enterprises together, "
                   "drawn from the partners' peer-to-peer sessions: purpose, governance, the "
                   "services members value and a secretariat that lasts.",
        "outcomes": "Explain why providers join and stay in a network\n"
                    "Describe three services a network can offer its members\n"
                    "Plan the first year of a network's secretariat",
        "module": ("Services members value", [
            ("What a network offers", "A network earns its members' loyalty through "
             "**services**: training for staff, legal and funding advice, shared data "
             "about the sector, and a voice towards public authorities.\n\n"
             "- Start with one service members ask for.\n- Measure its use every year.\n"
             "- Stop what nobody uses.",
             ("Why do providers stay in a network?", "single",
              [("For the services it offers them", True, "Yes: services are what members "
                "use from week to week."),
               ("Because its statutes oblige them", False, "Statutes rarely keep members: "
                "think of what they use.")])),
            ("A secretariat that lasts", "A small paid secretariat turns goodwill into "
             "continuity. Share its cost among members according to their size, and publish a "
             "yearly activity report.",
             ("Which help a secretariat last? (several answers)", "multiple",
              [("A membership fee scaled to members' size", True, "Right."),
               ("A yearly activity report", True, "Right: it keeps members' trust."),
               ("A single large grant", False, "One grant ends; the secretariat should not.")])),
        ]),
    },
    {
        "title": "Advocacy for work-based adult education",
        "partner": "a3s", "author": "member.pt@demo.net-works.eu",
        "topic": "advocacy-communication", "published": True, "hours": "4",
        "level": "intermediate",
        "summary": "How networks speak to ministries, funders and the press about work-based "
                   "adult education, from the partners' sessions on advocacy and communication.",
        "outcomes": "Build a yearly advocacy calendar\nPrepare a one-page brief for a ministry",
        "module": ("Planning advocacy", [
            ("A yearly advocacy calendar", "Advocacy follows the public calendar: budget "
             "debates, programme consultations, elections. List them at the start of the "
             "year and decide which two matter most.",
             ("When should a network plan its advocacy?", "single",
              [("At the start of the year, around the public calendar", True, "Yes."),
               ("When a law is already voted", False, "Then it is too late to shape it.")])),
            ("A brief for a ministry", "One page: the problem, the evidence from members, "
             "what you ask, and who you are. Bring a learner's story.", None),
        ]),
    },
    {
        "title": "Financing training in social enterprises",
        "partner": "idc-serbia", "author": "member.rs@demo.net-works.eu",
        "topic": "best-practices", "published": False, "hours": "", "level": "advanced",
        "summary": "", "outcomes": "",
        "module": ("Funding sources", [
            ("Public and private funding", "A first outline: public programmes, employers' "
             "contributions and own revenue.", None),
        ]),
    },
]


def seed_courses(stdout) -> None:
    """The demo courses; safe to run again (a course is made once, by its title)."""
    from decimal import Decimal

    from netw.workflow import Status
    from peersessions.courses import authoring
    from peersessions.models import Course, CourseModule, Lesson, Question

    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.net-works.eu")}
    lead = users.get("lead.wp1@demo.net-works.eu")
    made = 0
    for spec in DEMO_COURSES:
        author = users.get(spec["author"])
        topic = Topic.objects.filter(slug=spec["topic"]).first()
        if author is None or topic is None or Course.objects.filter(
                title=spec["title"]).exists():
            continue
        course = authoring.course_save(course=Course(
            title=spec["title"], owner_partner=Partner.objects.get(slug=spec["partner"]),
            summary=spec["summary"], outcomes=spec["outcomes"], level=spec["level"],
            estimated_hours=Decimal(spec["hours"]) if spec["hours"] else None,
            language="en"), by=author, topics=[topic])
        sessions = list(authoring.topic_sessions_for(author, topic).filter(
            is_public=True, ends_at__lt=timezone.now()))
        if sessions:
            authoring.course_module_from_topic(
                course=course, topic=topic, by=author, sessions=sessions,
                materials=Material.objects.filter(session__in=sessions))
        title, lessons = spec["module"]
        module = authoring.module_save(module=CourseModule(course=course, title=title),
                                       by=author)
        for lesson_title, body, quiz in lessons:
            lesson = authoring.lesson_save(lesson=Lesson(module=module, title=lesson_title,
                                                         body=body), by=author)
            if quiz:
                text, kind, answers = quiz
                authoring.question_save(
                    question=Question(lesson=lesson, text=text, kind=kind), by=author,
                    choices=[authoring.ChoiceData(a, ok, feedback) for a, ok, feedback in answers])
        if spec["published"]:
            now = timezone.now()
            Course.objects.filter(pk=course.pk).update(
                status=Status.PUBLISHED, submitted_at=now, submitted_by=author,
                published_at=now, published_by=lead or author)
        made += 1
    stdout.write(f"MOOC: {made} new demo course(s), {Course.objects.count()} in all.")


# --- The MOOC: demo learners with progress and one certificate (peersessions/courses/) ---------
# Three demo learners (no real people) follow a published course: one completed it (and holds a
# certificate), one is half-way, one just enrolled. If no course is published yet (the authors'
# demo adds them), a small demo course is created first, once.

DEMO_LEARNERS = [
    # e-mail, name on certificates, country, lessons done (None: every lesson and quiz)
    ("learner.pt@demo.net-works.eu", "Demo Learner Lisboa", "PT", None),
    ("learner.hu@demo.net-works.eu", "Demo Learner Pécs", "HU", 1),
    ("learner.sk@demo.net-works.eu", "Demo Learner Košice", "SK", 0),
]
DEMO_COURSE_SLUG = "demo-starting-a-network"


def _demo_course():
    from netw.workflow import Status
    from peersessions.models import Choice, Course, CourseModule, Lesson, Question

    course = Course.objects.published().order_by("published_at", "pk").first()
    if course is not None:
        return course
    aff = Partner.objects.filter(slug="aff").first()
    if aff is None:
        return None
    course, created = Course.objects.get_or_create(slug=DEMO_COURSE_SLUG, defaults={
        "title": "Starting a network of providers (demo course)",
        "summary": "A short demo course: why providers come together in a network, and what "
                   "its first year looks like.",
        "outcomes": "Explain what a network offers its members\nPlan a network's first year",
        "estimated_hours": 2, "owner_partner": aff, "status": Status.PUBLISHED,
        "published_at": timezone.now()})
    if created:
        module = CourseModule.objects.create(course=course, title="Why a network", position=1)
        module.source_sessions.set(Session.objects.filter(is_public=True)[:2])
        Lesson.objects.create(module=module, position=1, title="What a network is",
                              body="A network is **its members**: providers who meet, share "
                                   "what works and speak with one voice.")
        second = Lesson.objects.create(module=module, position=2, title="The first year",
                                       body="- Agree on a purpose\n- Meet regularly\n"
                                            "- Share one success story")
        question = Question.objects.create(lesson=second, text="What makes a network?")
        Choice.objects.create(question=question, text="Its members", is_correct=True,
                              feedback="Yes: the members and what they share.", position=1)
        Choice.objects.create(question=question, text="Its office", is_correct=False,
                              feedback="Not quite: think of the people.", position=2)
    return course


def _seed_learners(stdout) -> None:
    from allauth.account.models import EmailAddress

    from netw.demo import DEMO_PASSWORD
    from peersessions.courses import learner_services
    from peersessions.models import Enrolment, LearnerProfile, Lesson, QuizAttempt

    course = _demo_course()
    if course is None:
        stdout.write("MOOC: no partner to own a demo course, learners skipped.")
        return
    lessons = list(Lesson.objects.active().filter(module__course=course).in_order())
    created = 0
    for email, name, country, done in DEMO_LEARNERS:
        user = User.objects.filter(email=email).first()
        if user is not None:
            continue
        first, _sep, last = name.partition(" ")
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, first_name=first,
                                        last_name=last)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        LearnerProfile.objects.create(user=user, display_name=name, country=country)
        enrolment = Enrolment.objects.create(course=course, learner=user)
        created += 1
        for lesson in lessons[: len(lessons) if done is None else done]:
            learner_services.lesson_complete(enrolment=enrolment, lesson=lesson)
            enrolment.refresh_from_db()
            if done is None:
                questions = learner_services.quiz_questions(lesson)
                if questions:
                    answers = {str(q.pk): [c.pk for c in q.choices.all() if c.is_correct]
                               for q in questions}
                    QuizAttempt.objects.get_or_create(
                        enrolment=enrolment, lesson=lesson, nonce=f"demo-{enrolment.pk}",
                        defaults={"score": 100, "passed": True, "answers": answers})
        if done is None:
            learner_services.completion_check(enrolment=enrolment)
        elif lessons:
            enrolment.last_lesson = lessons[min(done, len(lessons) - 1)]
            enrolment.save(update_fields=["last_lesson"])
    stdout.write(f"MOOC: {created} new demo learner(s) on “{course.title}”.")


def seed(stdout) -> None:
    """Each part of WP1 adds its own demo records."""
    _seed_sessions(stdout)
    seed_courses(stdout)
    with transaction.atomic():
        _seed_learners(stdout)
