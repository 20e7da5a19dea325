"""Work package 2's exportable lists (CSV, XLSX), filtered like their pages (see
netw/exports/registry.py; found through ``netw.discovery.app_modules("exports")``).

Each list is what its page shows the person for the same query string: the page's own FilterSet
(methodologies/filters.py) over what the person may see (``visible_to``), so the file holds the
page's rows. Counts are annotations (one query for the whole file, not one per row). Exports are
for the partners' staff (``member_or_coordinator``, as for the registry's public lists); the
dissemination log for those who could download its CSV before (coordinators, WP2 leads).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw.exports.registry import (
    Column,
    ExportList,
    choice_label,
    choice_labels,
    country_name,
    labels,
    query_dict,
    register,
    yes_no,
)
from netw.licences import licence_column
from providers.vocabulary import SectorCode, TargetGroupCode


def _request(user):
    from types import SimpleNamespace

    return SimpleNamespace(user=user)


def page_rows(filterset, *order):
    """The rows a list page shows for its bound FilterSet: all without filters, none for an
    invalid filter, in the page's order (its FilterSet's, else ``order``)."""
    base = filterset.queryset
    if not filterset.is_bound:
        qs = base
    elif not filterset.is_valid():
        return base.none()
    else:
        qs = filterset.qs
    return qs if qs.query.order_by else qs.order_by(*order)


def _count(queryset, link: str):
    """A correlated count: ``queryset`` rows whose ``link`` is the outer row."""
    counted = (queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
               .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


@labels
def _language_name(code) -> str:
    from netw.languages import language_name

    return str(language_name(code)) if code else ""


def _absolute(view_name: str):
    return lambda slug: settings.SITE_URL + reverse(view_name, args=[slug])


def _held():
    return ExpressionWrapper(Q(ends_at__lt=timezone.now()), output_field=BooleanField())


# --- The methodology inventory ----------------------------------------------------------------


def methodology_filterset(user, filters):
    from .filters import MethodologyFilter
    from .models import Methodology

    # The inventory page: published originals (drafts stay on "My partner's methodologies").
    base = Methodology.objects.visible_to(user).published().originals()
    return MethodologyFilter(query_dict(filters) or None, queryset=base)


def methodologies(user, filters):
    from providers.models import Provider

    from .models import Adoption

    rows = page_rows(methodology_filterset(user, filters), "-published_at", "title", "pk")
    # As the methodology's page counts them: adoptions by providers the person may see.
    adoptions = Adoption.objects.filter(provider__in=Provider.objects.visible_to(user))
    return rows.annotate(adoption_count=_count(adoptions, "methodology"))


def _methodology_list() -> ExportList:
    from netw.workflow import Status

    return ExportList(
        name="methodologies", label=_("Methodology inventory"),
        queryset=methodologies, filterset=methodology_filterset, columns=[
            Column(_("Title"), "title"),
            Column(_("Status"), "status", choice_label(Status.choices)),
            Column(_("Written in"), "language", _language_name),
            Column(_("Country of origin"), "country", country_name),
            Column(_("Sectors"), "sectors__code", choice_labels(SectorCode.choices), many=True),
            Column(_("Target groups"), "target_groups__code",
                   choice_labels(TargetGroupCode.choices), many=True),
            Column(_("Shared by"), "owner_partner__short_name"),
            Column(_("Published at"), "published_at"),
            licence_column(),
            Column(_("Adoptions"), "adoption_count"),
            Column(_("Page"), "slug", _absolute("methodologies:methodology_detail")),
        ])


# --- Adoptions (the "Who uses it" of a methodology's page) ------------------------------------


def adoption_filterset(user, filters):
    from providers.models import Provider

    from .filters import AdoptionFilter
    from .models import Adoption, Methodology

    base = Adoption.objects.filter(methodology__in=Methodology.objects.visible_to(user),
                                   provider__in=Provider.objects.visible_to(user))
    return AdoptionFilter(query_dict(filters) or None, queryset=base, request=_request(user))


def adoptions(user, filters):
    return page_rows(adoption_filterset(user, filters),
                     "methodology__title", "provider__country", "provider__name", "pk")


_ADOPTIONS = ExportList(
    name="adoptions", label=_("Adoptions of methodologies"),
    queryset=adoptions, filterset=adoption_filterset, columns=[
        Column(_("Methodology"), "methodology__title"),
        Column(_("Provider"), "provider__name"),
        Column(_("Country"), "provider__country", country_name),
        Column(_("Where"), "place"),
        Column(_("Since"), "since"),
        Column(_("Result"), "result"),
        Column(_("Recorded by"), "owner_partner__short_name"),
    ])


# --- Roundtables and study visits (their pages: coming up, then past) ------------------------


def roundtables(user, filters):
    """Every roundtable the page lists for this person (no filters on the page)."""
    from .models import Roundtable

    participants = Roundtable.participants.through.objects.all()
    return (Roundtable.objects.visible_to(user)
            .annotate(held=_held(), participant_count=_count(participants, "roundtable"))
            .order_by("-starts_at", "pk"))


_ROUNDTABLES = ExportList(
    name="roundtables", label=_("Roundtables"), queryset=roundtables, columns=[
        Column(_("Title"), "title"),
        Column(_("Theme"), "theme"),
        Column(_("Starts at (UTC)"), "starts_at"),
        Column(_("Ends at (UTC)"), "ends_at"),
        Column(_("Time zone"), "timezone"),
        Column(_("Place"), "location"),
        Column(_("Organised by"), "owner_partner__short_name"),
        Column(_("Public"), "is_public", yes_no),
        Column(_("Cancelled"), "is_cancelled", yes_no),
        Column(_("Held"), "held", yes_no),
        Column(_("Participants with an account"), "participant_count"),
        Column(_("Conclusions"), "conclusions"),
    ])


def studyvisits(user, filters):
    from .models import StudyVisit

    report = ExpressionWrapper(~Q(report=""), output_field=BooleanField())
    return (StudyVisit.objects.visible_to(user)
            .annotate(held=_held(), has_report=report).order_by("-starts_at", "pk"))


def _topic_names(slugs) -> list[str]:
    from netw.topics import TOPICS

    names = {slug: name for slug, name, _description in TOPICS}
    return [str(names[s]) for s in (slugs or []) if s in names]


_STUDY_VISITS = ExportList(
    name="studyvisits", label=_("Study visits"), queryset=studyvisits, columns=[
        Column(_("Title"), "title"),
        Column(_("Visiting network"), "visiting_network__name"),
        Column(_("Host network"), "host_network__name"),
        Column(_("Starts at (UTC)"), "starts_at"),
        Column(_("Ends at (UTC)"), "ends_at"),
        Column(_("Place"), "location"),
        Column(_("Organised by"), "owner_partner__short_name"),
        Column(_("Topics"), "topics", _topic_names),
        Column(_("Cancelled"), "is_cancelled", yes_no),
        Column(_("Held"), "held", yes_no),
        Column(_("Report written"), "has_report", yes_no),
    ])


# --- Publications -----------------------------------------------------------------------------


def publications(user, filters):
    """The publications page's rows: published originals, newest first."""
    from .models import Publication, PublicationFile

    return (Publication.objects.visible_to(user).published().originals()
            .annotate(file_count=_count(PublicationFile.objects.all(), "publication"))
            .order_by("-issued_on", "title", "pk"))


def _publication_list() -> ExportList:
    from .vocabulary import PublicationKind

    return ExportList(
        name="publications", label=_("Publications"), queryset=publications, columns=[
            Column(_("Title"), "title"),
            Column(_("Kind"), "kind", choice_label(PublicationKind.choices)),
            Column(_("Written in"), "language", _language_name),
            Column(_("Issued on"), "issued_on"),
            Column(_("Shared by"), "owner_partner__short_name"),
            Column(_("Published at"), "published_at"),
            licence_column(),
            Column(_("Languages of the files"), "files__language",
                   choice_labels(settings.LANGUAGES), many=True),
            Column(_("Number of files"), "file_count"),
            Column(_("Page"), "slug", _absolute("methodologies:publication_detail")),
        ])


# --- The dissemination log ---------------------------------------------------------------------


def dissemination_filterset(user, filters):
    from .filters import DisseminationFilter
    from .models import DisseminationActivity

    return DisseminationFilter(query_dict(filters) or None,
                               queryset=DisseminationActivity.objects.visible_to(user))


def dissemination(user, filters):
    evidence = ExpressionWrapper(~Q(evidence=""), output_field=BooleanField())
    return page_rows(dissemination_filterset(user, filters), "-date", "-pk").annotate(
        has_evidence=evidence)


def may_export_dissemination(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)
                and user.has_perm("methodologies.export_disseminationactivity"))


def _dissemination_list() -> ExportList:
    from .vocabulary import ActivityKind, Audience

    return ExportList(
        name="dissemination", label=_("Dissemination log"),
        queryset=dissemination, filterset=dissemination_filterset,
        can_export=may_export_dissemination, columns=[
            Column(_("Date"), "date"),
            Column(_("Type"), "kind", choice_label(ActivityKind.choices)),
            Column(_("Title"), "title"),
            Column(_("Channel"), "channel"),
            Column(_("Audience"), "audience", choice_label(Audience.choices)),
            Column(_("People reached"), "people_reached"),
            Column(_("Country"), "country", country_name),
            Column(_("Link"), "link"),
            Column(_("Partner"), "owner_partner__short_name"),
            Column(_("Language"), "language", choice_label(settings.LANGUAGES)),
            Column(_("Evidence on file"), "has_evidence", yes_no),
            Column(_("Notes"), "notes"),
        ])


for _entry in (_methodology_list(), _ADOPTIONS, _ROUNDTABLES, _STUDY_VISITS, _publication_list(),
               _dissemination_list()):
    register(_entry)
