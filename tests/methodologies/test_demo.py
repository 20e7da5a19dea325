import io

import pytest

from methodologies import demo
from methodologies.models import DisseminationActivity, Methodology, Publication, Roundtable

pytestmark = pytest.mark.django_db


def test_demo_seeds_every_state_and_is_idempotent(partners, client):
    demo.seed(io.StringIO())
    counts = (Methodology.objects.count(), Roundtable.objects.count(),
              Publication.objects.count(), DisseminationActivity.objects.count())
    demo.seed(io.StringIO())
    assert (Methodology.objects.count(), Roundtable.objects.count(),
            Publication.objects.count(), DisseminationActivity.objects.count()) == counts
    assert counts[0] >= 25
    from methodologies.models import StudyVisit
    from methodologies.services import matchmaking_suggestions

    assert StudyVisit.objects.count() == 2
    assert matchmaking_suggestions()
    states = set(Methodology.objects.values_list("status", flat=True))
    assert states == {"draft", "submitted", "published"}
    assert len(set(Methodology.objects.values_list("country", flat=True))) >= 6
    guidebook = Publication.objects.get(slug="guidebook-external-communication")
    assert guidebook.files.count() >= 6
    english = guidebook.files.get(language="en")
    response = client.get(english.get_absolute_url())
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert client.get(Methodology.objects.published().first().get_absolute_url()
                      ).status_code == 200
