from datetime import timedelta

import factory
from django.utils import timezone

from peersessions.models import (
    Feedback,
    FollowUpAction,
    KeyLearning,
    Participant,
    Session,
    Topic,
)
from providers.models import Partner


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    title = factory.Sequence(lambda n: f"Peer session {n}")
    topic = factory.LazyFunction(lambda: Topic.objects.get(slug="core-drivers"))
    owner_partner = factory.LazyFunction(lambda: Partner.objects.get(slug="a3s"))
    format = Session.Format.ONLINE
    meeting_url = "https://meet.example.org/room"
    starts_at = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=7)).replace(
        minute=0, second=0, microsecond=0))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    timezone = "Europe/Brussels"
    agenda = "1. Welcome\n2. Exchange\n3. Next steps"
    status = Session.Status.SCHEDULED


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    session = factory.SubFactory(SessionFactory)
    invited_at = factory.LazyFunction(timezone.now)


class KeyLearningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyLearning

    session = factory.SubFactory(SessionFactory)
    text = "Members join a network for the services it offers, not for its statutes."


class FollowUpActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpAction

    session = factory.SubFactory(SessionFactory)
    description = "Share the membership survey template"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    session = factory.SubFactory(SessionFactory)
    usefulness = 4
    comment = "Very concrete."
