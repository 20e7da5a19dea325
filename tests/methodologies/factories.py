import datetime as dt

import factory
from django.utils import timezone

from methodologies.models import (
    DisseminationActivity,
    Methodology,
    Publication,
    Roundtable,
    StudyVisit,
)
from netw.workflow import Status
from providers.models import Partner, TargetGroup
from tests.factories import NetworkFactory


def _partner(slug="a3s"):
    return Partner.objects.get(slug=slug)


class MethodologyFactory(factory.django.DjangoModelFactory):
    """A complete methodology (ready to submit); ``status`` sets its place in the workflow."""

    class Meta:
        model = Methodology
        skip_postgeneration_save = True

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"Learning by doing in a social enterprise #{n}")
    slug = factory.Sequence(lambda n: f"learning-by-doing-{n}")
    language = "en"
    summary = "Trainees learn a trade on real orders, coached by a work tutor."
    body = "Each trainee works **four days** a week on the shop floor and spends one in class."
    problem = "Long-term unemployed adults lack recent work experience."
    learning_setting = "on_the_job"
    duration = "6 months"
    country = "PT"
    evidence = "Seven in ten trainees found a job within a year."
    transfer = "Needs a workshop with real customers and a trained tutor."
    status = Status.DRAFT

    @factory.lazy_attribute
    def published_at(self):
        return timezone.now() if self.status == Status.PUBLISHED else None

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create:
            codes = extracted if extracted is not None else ["long_term_unemployed"]
            self.target_groups.set(TargetGroup.objects.filter(code__in=codes))


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    owner_partner = factory.LazyFunction(lambda: _partner("galileo-progetti"))
    title = factory.Sequence(lambda n: f"Guidebook on external communication {n}")
    slug = factory.Sequence(lambda n: f"guidebook-{n}")
    summary = "How work-based education providers can tell their story."
    status = Status.DRAFT


class RoundtableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roundtable

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"Roundtable {n}")
    theme = "Tutoring on the job"
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    timezone = "Europe/Lisbon"
    location = "Lisbon, A3S office"
    is_public = True


class DisseminationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisseminationActivity

    owner_partner = factory.LazyFunction(_partner)
    kind = "event"
    date = factory.LazyFunction(lambda: dt.date(2026, 3, 10))
    title = factory.Sequence(lambda n: f"Presentation at a conference {n}")
    channel = "National social economy conference"
    audience = "providers"
    people_reached = 120
    country = "PT"


class StudyVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudyVisit

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"Study visit {n}")
    visiting_network = factory.SubFactory(NetworkFactory, maturity="emerging",
                                          representing_partner=factory.LazyFunction(
                                              lambda: _partner("idc-serbia")))
    host_network = factory.SubFactory(NetworkFactory, maturity="established",
                                      representing_partner=factory.LazyFunction(
                                          lambda: _partner("galileo-progetti")))
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(days=2))
    timezone = "Europe/Rome"
    location = "Padova"
    topics = factory.LazyFunction(lambda: ["core-drivers"])
    objectives = "See how an established network runs its services."
