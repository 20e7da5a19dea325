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


# --- The roadmap and the commitments --------------------------------------------------------------

import datetime as dt  # noqa: E402

from sustainability.models import Commitment, Milestone, RoadmapPhase  # noqa: E402


class RoadmapPhaseFactory(factory.django.DjangoModelFactory):
    """A public phase that started half a year ago and ends in a year."""

    class Meta:
        model = RoadmapPhase

    owner_partner = factory.LazyFunction(lambda: _partner("isen"))
    title = factory.Sequence(lambda n: f"Anchoring the networks #{n}")
    starts_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=180))
    ends_on = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=365))
    is_public = True


class MilestoneFactory(factory.django.DjangoModelFactory):
    """A public milestone of a public phase, due in a month, A3S responsible."""

    class Meta:
        model = Milestone

    phase = factory.SubFactory(RoadmapPhaseFactory)
    owner_partner = factory.LazyFunction(_partner)
    title = factory.Sequence(lambda n: f"National network charter signed #{n}")
    due_on = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=30))
    is_public = True


class CommitmentFactory(factory.django.DjangoModelFactory):
    """An unconfirmed commitment of A3S, recorded by A3S, due in the future."""

    class Meta:
        model = Commitment

    owner_partner = factory.LazyFunction(_partner)
    partner = factory.LazyFunction(_partner)
    description = factory.Sequence(lambda n: f"Host the yearly network assembly #{n}")
    due_on = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=90))
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
