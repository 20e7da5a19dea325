import datetime as dt

import factory

from providers.models import Partner
from sustainability.funding import seed_funding_models
from sustainability.models import FundingModel, GoodPractice


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
