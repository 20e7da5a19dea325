"""WP2's indicators: roundtables, methodologies published and adopted, study visits held, the
guidebook's languages, dissemination reach."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw.monitoring.indicators import DISTINCT, SUM, Indicator
from netw.workflow import Status
from netw.workpackages import WorkPackage

from .models import (
    Adoption,
    DisseminationActivity,
    Methodology,
    Publication,
    PublicationKind,
    Roundtable,
    StudyVisit,
)


def indicators() -> list[Indicator]:
    wp = WorkPackage.PEDAGOGY
    return [
        Indicator(
            code="wp2.roundtables_held", work_package=wp, position=10,
            label=_("Roundtables held"),
            definition=_("Roundtables that have ended and were not cancelled, by the day they "
                         "ended and the partner that organised them."),
            records=lambda: Roundtable.objects.filter(ends_at__lt=timezone.now(),
                                                      is_cancelled=False),
            date_field="ends_at", related=("owner_partner",),
        ),
        Indicator(
            code="wp2.methodologies_published", work_package=wp, position=20,
            label=_("Methodologies published"),
            definition=_("Methodologies of the inventory that are published (translations are "
                         "versions of one, not more of them), by the day they were published, "
                         "the partner that wrote them and their country of origin."),
            records=lambda: Methodology.objects.originals().filter(status=Status.PUBLISHED),
            date_field="published_at", country_field="country", related=("owner_partner",),
            public=True, public_url=lambda: reverse("methodologies:methodology_list"),
        ),
        Indicator(
            code="wp2.methodologies_adopted", work_package=wp, position=30,
            label=_("Methodology adoptions"),
            definition=_("Providers that adopted a published methodology, one per methodology "
                         "and provider, by the day it was recorded, the partner that recorded it "
                         "and the provider's country."),
            records=lambda: Adoption.objects.filter(methodology__status=Status.PUBLISHED),
            date_field="created_at", country_field="provider__country",
            visible=lambda user: Adoption.objects.filter(
                methodology__in=Methodology.objects.visible_to(user)),
            describe=lambda a: (f"{a.methodology} · {a.provider}",
                                a.methodology.get_absolute_url()),
            related=("methodology", "provider"), depends_on=(Methodology,),
        ),
        Indicator(
            code="wp2.study_visits_held", work_package=wp, position=40,
            label=_("Study visits held"),
            definition=_("Study visits of a new network to an experienced one that have ended "
                         "and were not cancelled, by the day they ended and the partner that "
                         "organised them."),
            records=lambda: StudyVisit.objects.filter(ends_at__lt=timezone.now(),
                                                      is_cancelled=False),
            date_field="ends_at", related=("owner_partner",),
        ),
        Indicator(
            code="wp2.guidebook_languages", work_package=wp, position=50,
            label=_("Guidebook languages"),
            definition=_("The languages in which the Guidebook on external communication is "
                         "published (the original and its published translations), by the day "
                         "each was published and the partner that published it."),
            records=lambda: Publication.objects.filter(
                Q(kind=PublicationKind.GUIDEBOOK, translation_of__isnull=True)
                | Q(translation_of__kind=PublicationKind.GUIDEBOOK),
                status=Status.PUBLISHED),
            date_field="published_at", measure=DISTINCT, field="language",
            related=("owner_partner",), public=True,
        ),
        Indicator(
            code="wp2.dissemination_reach", work_package=wp, position=60,
            label=_("People reached by dissemination"),
            definition=_("The people reached by the activities of the dissemination log, as "
                         "recorded for each activity, by the activity's date, the partner that "
                         "recorded it and the country it took place in."),
            records=lambda: DisseminationActivity.objects.all(),
            date_field="date", country_field="country", measure=SUM, field="people_reached",
            related=("owner_partner",),
        ),
    ]
