"""Topic pages: per topic, the sessions held, their learnings and materials (the MOOC's raw
material)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netw.access import get_visible_or_404, require
from netw.pagecache import cache_for_visitors
from peersessions import services
from peersessions.forms import TopicForm
from peersessions.models import KeyLearning, Material, Session, Topic


@cache_for_visitors
def topic_list(request: HttpRequest) -> HttpResponse:
    visible = Session.objects.visible_to(request.user).held()
    topics = Topic.objects.annotate(
        held_count=Count("sessions", filter=Q(sessions__in=visible), distinct=True))
    return render(request, "peersessions/topic_list.html", {
        "topics": topics,
        "can_add": request.user.has_perm("peersessions.add_topic"),
    })


@cache_for_visitors
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_visible_or_404(Topic, request.user, slug=slug)
    user = request.user
    sessions = Session.objects.visible_to(user).held().filter(topic=topic).for_lists()
    # Learnings and materials are for the partnership; visitors see the sessions held.
    details = user.is_authenticated and (user.has_perm("peersessions.add_session"))
    if details:
        sessions = sessions.prefetch_related(
            Prefetch("learnings", KeyLearning.objects.order_by("created_at")),
            Prefetch("materials", Material.objects.order_by("title")),
        )
    page = Paginator(sessions.order_by("-starts_at"), 10).get_page(request.GET.get("page"))
    upcoming = (Session.objects.visible_to(user).upcoming().filter(topic=topic).for_lists()
                .order_by("starts_at")[:5])
    return render(request, "peersessions/topic_detail.html", {
        "topic": topic, "page_obj": page, "show_details": details, "upcoming": upcoming,
    })


@login_required
def topic_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "peersessions.add_topic")
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        topic = services.topic_create(**form.cleaned_data)
        messages.success(request, _("The topic was added."))
        return redirect(topic)
    return render(request, "peersessions/topic_form.html", {"form": form})
