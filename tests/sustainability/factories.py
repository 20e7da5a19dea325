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
