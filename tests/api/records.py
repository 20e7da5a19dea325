"""One public and one private record of every kind the API serves (tests/api, the access rows)."""

from __future__ import annotations

from django.utils import timezone

from netw.workflow import Status
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory
from tests.methodologies.factories import (
    MethodologyFactory,
    PublicationFactory,
    RoundtableFactory,
    StudyVisitFactory,
)
from tests.peersessions.courses.factories import CourseFactory
from tests.peersessions.factories import SessionFactory
from tests.sustainability.factories import (
    ExpertMeetingFactory,
    GoodPracticeFactory,
    RecommendationFactory,
)


def _published():
    return {"status": Status.PUBLISHED, "published_at": timezone.now()}


def public_records(partners) -> dict:
    """endpoint prefix → a record a visitor sees there."""
    from methodologies.models import PublicationFile

    a3s = partners["a3s"]
    network = NetworkFactory(owner_partner=a3s)
    provider = ProviderFactory(owner_partner=a3s)
    provider.networks.add(network)
    publication = PublicationFactory(**_published())
    PublicationFile.objects.create(publication=publication, language="en", file="x/guide.pdf")
    return {
        "partners": a3s,
        "networks": network,
        "providers": provider,
        "methodologies": MethodologyFactory(owner_partner=a3s, **_published()),
        "publications": publication,
        "good-practices": GoodPracticeFactory(owner_partner=a3s, **_published()),
        "recommendations": RecommendationFactory(owner_partner=a3s, **_published()),
        "courses": CourseFactory(owner_partner=a3s, **_published()),
        "events/sessions": SessionFactory(owner_partner=a3s, is_public=True),
        "events/roundtables": RoundtableFactory(owner_partner=a3s, is_public=True),
        "events/expertmeetings": ExpertMeetingFactory(owner_partner=a3s, is_public=True),
    }


def private_records(partners, deleted_by) -> dict:
    """endpoint prefix → records a visitor never sees (unverified, deleted, drafts, submitted,
    not public)."""
    from providers.services import record_delete

    a3s = partners["a3s"]
    deleted_provider = ProviderFactory(owner_partner=a3s, name="Deleted provider")
    record_delete(record=deleted_provider, by=deleted_by)
    deleted_network = NetworkFactory(owner_partner=a3s, name="Deleted network")
    record_delete(record=deleted_network, by=deleted_by)
    submitted = {"status": Status.SUBMITTED}
    return {
        "providers": [ProviderFactory(owner_partner=a3s, verification=Verification.UNVERIFIED),
                      deleted_provider],
        "networks": [deleted_network],
        "methodologies": [MethodologyFactory(owner_partner=a3s),
                          MethodologyFactory(owner_partner=a3s, **submitted)],
        "publications": [PublicationFactory()],
        "good-practices": [GoodPracticeFactory(owner_partner=a3s),
                           GoodPracticeFactory(owner_partner=a3s, **submitted)],
        "recommendations": [RecommendationFactory(owner_partner=a3s)],
        "courses": [CourseFactory(owner_partner=a3s)],
        "events/sessions": [SessionFactory(owner_partner=a3s, is_public=False),
                            SessionFactory(owner_partner=a3s, is_public=True,
                                           status="draft")],
        "events/roundtables": [RoundtableFactory(owner_partner=a3s, is_public=False)],
        "events/expertmeetings": [ExpertMeetingFactory(owner_partner=a3s, is_public=False)],
        "study visits": [StudyVisitFactory(owner_partner=a3s)],
    }


def one_private_record_each(partners, deleted_by) -> dict:
    """endpoint prefix → one record a visitor never sees there (for the access matrix, whose
    objects every case builds: the fewest rows that show each rule)."""
    from providers.services import record_delete

    a3s = partners["a3s"]
    deleted_network = NetworkFactory(owner_partner=a3s, name="Deleted network")
    record_delete(record=deleted_network, by=deleted_by)
    return {
        "providers": ProviderFactory(owner_partner=a3s, verification=Verification.UNVERIFIED),
        "networks": deleted_network,
        "methodologies": MethodologyFactory(owner_partner=a3s),
        "publications": PublicationFactory(),
        "good-practices": GoodPracticeFactory(owner_partner=a3s),
        "recommendations": RecommendationFactory(owner_partner=a3s),
        "courses": CourseFactory(owner_partner=a3s),
        "events/sessions": SessionFactory(owner_partner=a3s, is_public=False),
        "events/roundtables": RoundtableFactory(owner_partner=a3s, is_public=False),
        "events/expertmeetings": ExpertMeetingFactory(owner_partner=a3s, is_public=False),
    }
