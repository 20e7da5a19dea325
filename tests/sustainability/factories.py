import datetime as dt
from datetime import timedelta

import factory
from django.utils import timezone

from providers.models import Partner
from sustainability.funding import seed_funding_models
from sustainability.models import ActionPlan, FundingModel, GoodPractice, PlanAction


def _partner(slug="a3s"):
    return Partner.objects.get(slug=slug)


def _funding(code="sales"):
    # Seeded by migration; put back if a transactional (browser) test flushed the table.
    found = FundingModel.objects.filter(code=code).first()
    if found is None:
        seed_funding_models(FundingModel)
        found = FundingModel.objects.get(code=code)
    return found


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    """A complete good practice (ready to submit); ``status`` sets its place in the workflow."""

    class Meta:
        model = GoodPractice

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"A second-hand shop that pays for coaching #{n}")
    slug = factory.Sequence(lambda n: f"second-hand-shop-{n}")
    language = "en"
    summary = "The shop's margin pays the job coach."
    funding_model = factory.LazyFunction(_funding)
    country = "PT"
    level = "local"
    organisation = "Demo ReUse cooperative"
    problem = "Grants ended between calls."
    how_it_works = "Donated goods are sorted, repaired and sold."
    results = "Income steadier; trainees start every month."
    transferability = "Needs a shop front and a legal form allowed to trade."


# --- Long-term action plans (wt-plans) -----------------------------------------------------------


class ActionPlanFactory(factory.django.DjangoModelFactory):
    """A partner's plan (no network unless given)."""

    class Meta:
        model = ActionPlan

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"Long-term plan #{n}")
    description = "What the network does to last after the project."


class PlanActionFactory(factory.django.DjangoModelFactory):
    """An open action owned by its plan's partner, due in a month."""

    class Meta:
        model = PlanAction

    plan = factory.SubFactory(ActionPlanFactory)
    description = factory.Sequence(lambda n: f"Agree the membership fees, step {n}")
    owner = None
    owner_partner = factory.LazyAttribute(lambda o: None if o.owner else o.plan.owner_partner)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    status = "planned"
    progress = 0
# --- Expert meetings ------------------------------------------------------------------------------


from sustainability.models import ExpertGuest, ExpertMeeting, MeetingMaterial  # noqa: E402


class ExpertMeetingFactory(factory.django.DjangoModelFactory):
    """A public meeting of partner A a week ahead, in Lisbon and online."""

    class Meta:
        model = ExpertMeeting
        skip_postgeneration_save = True

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"Expert meeting on blended finance #{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    timezone = "Europe/Lisbon"
    location = "Lisbon, A3S office"
    online_url = "https://meet.example.org/a3s-experts"
    agenda = "1. Blended finance\n2. Questions"
    is_public = True


class ExpertGuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertGuest

    meeting = factory.SubFactory(ExpertMeetingFactory)
    name = factory.Sequence(lambda n: f"Guest Expert {n}")
    organisation = "Demo Social Investment Fund"
    expertise = "Impact investment"


class MeetingMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingMaterial

    meeting = factory.SubFactory(ExpertMeetingFactory)
    title = "Slides"
    file = factory.django.FileField(filename="slides.txt", data=b"The experts' slides.\n")
# --- Policy recommendations and their uptake ------------------------------------------------------


def _addressee(code="municipalities"):
    from sustainability.addressees import seed_addressee_types
    from sustainability.models import AddresseeType

    found = AddresseeType.objects.filter(code=code).first()
    if found is None:  # flushed by a transactional (browser) test
        seed_addressee_types(AddresseeType)
        found = AddresseeType.objects.get(code=code)
    return found


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A complete policy recommendation (ready to submit) addressed to Portugal and Serbia's
    municipalities; ``status`` sets its place in the workflow."""

    class Meta:
        model = "sustainability.Recommendation"
        skip_postgeneration_save = True

    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"Reserve public contracts for social enterprises #{n}")
    slug = factory.Sequence(lambda n: f"reserve-public-contracts-{n}")
    language = "en"
    summary = "Municipalities should reserve some contracts for work integration."
    text = "1. Reserve lots.\n2. Pay on time."
    level = "national"
    countries = ["PT", "RS"]

    @factory.post_generation
    def addressees(self, create, extracted, **kwargs):
        if create:
            self.addressees.set(extracted if extracted is not None else [_addressee()])


class UptakeStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "sustainability.UptakeStep"

    recommendation = factory.SubFactory(RecommendationFactory, status="published")
    owner_partner = factory.LazyFunction(_partner)
    country = "PT"
    stage = 1
    date = dt.date(2026, 1, 15)
