from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from netw import actions, dashboard, roles
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.workpackages import DESCRIPTIONS, WorkPackage
from providers.models import Partner

# The five countries where the project structures networks that are only beginning.
FOCUS_COUNTRIES = [
    ("HU", _("Hungary")),
    ("MK", _("North Macedonia")),
    ("PT", _("Portugal")),
    ("RS", _("Serbia")),
    ("SK", _("Slovakia")),
]


def _work_packages(partners: list[Partner]) -> list[dict]:
    leads = {p.leads_work_package: p for p in partners if p.leads_work_package}
    return [
        {"number": wp.value, "title": wp.label, "description": DESCRIPTIONS[wp],
         "lead": leads.get(wp.value)}
        for wp in WorkPackage
    ]


@cache_for_visitors
def home(request: HttpRequest) -> HttpResponse:
    partners = list(Partner.objects.all())
    return render(request, "netw/home.html", {
        "partners": partners,
        "work_packages": _work_packages(partners),
        "focus_countries": FOCUS_COUNTRIES,
    })


@cache_for_visitors
def about(request: HttpRequest) -> HttpResponse:
    partners = list(Partner.objects.all())
    return render(request, "netw/about.html", {
        "work_packages": _work_packages(partners),
        "leader": next((p for p in partners if p.is_project_leader), None),
    })


@login_required
@never_cache
def my_home(request: HttpRequest) -> HttpResponse:
    """The logged-in home: what waits for me, my next events and actions, the project at a
    glance (netw/dashboard.py gathers each app's part), and who I am here."""
    user = request.user
    return render(request, "netw/my_home.html", {
        "quick_actions": dashboard.quick_actions_for(user),
        "has_totp": roles.has_totp(user),
        "memberships": roles.memberships(user),
        "led_work_packages": [WorkPackage(n) for n in sorted(roles.led_work_packages(user))],
        "attention": dashboard.attention_for(user),
        "panels": dashboard.panels_for(user),
        "figures": dashboard.project_figures(user),
    })


def floor(request: HttpRequest) -> HttpResponse:
    """The base layout with no query: the benchmark's floor to compare real pages against."""
    return render(request, "netw/floor.html")


MY_ACTIONS_PAGE_SIZE = 25


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    """Everything I have to do, from every app (netw/actions.py): open actions by due date, then
    the done ones; my partner's actions that name no one are mine too, marked as such."""
    rows = actions.actions_of(request.user)
    return render(request, "netw/my_actions.html", {
        "page_obj": paginate(request, rows, per_page=MY_ACTIONS_PAGE_SIZE),
        "open_count": sum(1 for row in rows if not row.done),
        "overdue_count": sum(1 for row in rows if row.overdue),
    })


@cache_for_visitors
def robots_txt(request: HttpRequest) -> HttpResponse:
    """For crawlers: the sitemap's address on ``SITE_URL``, and the parts that are only ever
    personal (log-in, exports, notifications, the admin), which no crawler can use."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ("/admin/", "/accounts/", "/exports/",
                                           "/notifications/")),
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
