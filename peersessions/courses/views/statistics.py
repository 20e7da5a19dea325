"""The leads' figures about learners: one course's, and every course's (aggregates only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netw.access import get_visible_or_404, require
from netw.pagination import paginate
from peersessions.models import Course

from .. import statistics


@login_required
def course_statistics(request: HttpRequest, slug: str) -> HttpResponse:
    course = get_visible_or_404(Course.objects.select_related("owner_partner"), request.user,
                                slug=slug)
    require(request.user, "peersessions.view_course_statistics", course)
    return render(request, "peersessions/courses/course_statistics.html", {
        "course": course, "stats": statistics.course_statistics(course),
        "can_export": request.user.has_perm("peersessions.view_course_overview"),
    })


@login_required
def course_overview(request: HttpRequest) -> HttpResponse:
    """Every course, its state, enrolments and completions: for the WP1 leads and coordinators."""
    require(request.user, "peersessions.view_course_overview")
    courses = statistics.courses_overview(
        Course.objects.visible_to(request.user).order_by("-status", "title", "pk"))
    return render(request, "peersessions/courses/course_overview.html", {
        "page_obj": paginate(request, courses), "totals": statistics.mooc_totals(),
    })
