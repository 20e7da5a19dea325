from netw.sitemaps import PortalSitemap

from .models import GoodPractice, Recommendation


class GoodPracticeSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return GoodPractice.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"good-practices": GoodPracticeSitemap}


class RepertoireSitemap(PortalSitemap):
    """The repertoire's public list."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["sustainability:goodpractice_list"]

    def location(self, item: str) -> str:
        from django.urls import reverse

        return reverse(item)


SITEMAPS["good-practice-list"] = RepertoireSitemap


# --- Expert meetings: the list and the public meetings ---


class ExpertMeetingSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        from .models import ExpertMeeting

        return (ExpertMeeting.objects.filter(is_public=True).only("pk", "updated_at")
                .order_by("pk"))

    def lastmod(self, item):
        return item.updated_at

# --- Policy recommendations and their uptake ------------------------------------------------------


class RecommendationSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Recommendation.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


# --- The roadmap and the commitments --------------------------------------------------------------


class RoadmapSitemap(PortalSitemap):
    """The roadmap's public pages: the roadmap and the list of commitments."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["sustainability:roadmap", "sustainability:commitment_list"]

    def location(self, item: str) -> str:
        from django.urls import reverse

        return reverse(item)


class CommitmentSitemap(PortalSitemap):
    """Confirmed commitments: the only ones visitors see."""

    changefreq = "monthly"

    def items(self):
        from .models import Commitment

        return Commitment.objects.confirmed().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ExpertMeetingListSitemap(RepertoireSitemap):
    def items(self) -> list[str]:
        return ["sustainability:meeting_list"]


SITEMAPS["expert-meetings"] = ExpertMeetingSitemap
SITEMAPS["expert-meeting-list"] = ExpertMeetingListSitemap
class RecommendationPagesSitemap(RepertoireSitemap):
    """The recommendations' public list and the uptake matrix."""

    def items(self) -> list[str]:
        return ["sustainability:recommendation_list", "sustainability:uptake_matrix"]


SITEMAPS["recommendations"] = RecommendationSitemap
SITEMAPS["recommendation-pages"] = RecommendationPagesSitemap

SITEMAPS["roadmap"] = RoadmapSitemap
SITEMAPS["commitments"] = CommitmentSitemap
