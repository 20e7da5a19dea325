"""Planning sessions: the list, the page of one session, planning, scheduling, invitations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, login_for_visitors, require
from netw.events.ics import download_ics, ics_response
from netw.pagecache import cache_for_visitors
from peersessions import services
from peersessions.calendar import SESSIONS
from peersessions.filters import SessionFilter
from peersessions.forms import FeedbackForm, RsvpForm, SessionForm
from peersessions.models import Feedback, FollowUpAction, Participant, Session


def _participant_count(**conditions):
    """Participants of each listed session, as a subquery per row: the database counts for the
    page's sessions only, not for every session joined and grouped before the page is cut."""
    counted = (Participant.objects.filter(session=OuterRef("pk"), **conditions).order_by()
               .values("session").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted), 0)


@cache_for_visitors
def session_list(request: HttpRequest) -> HttpResponse:
    sessions = (Session.objects.visible_to(request.user).for_lists()
                .annotate(invitee_count=_participant_count(),
                          attending_count=_participant_count(rsvp=Participant.Rsvp.ATTENDING))
                .order_by("-starts_at", "-pk"))
    filterset = SessionFilter(request.GET or None, queryset=sessions, request=request)
    page = Paginator(filterset.qs, 20).get_page(request.GET.get("page"))
    return render(request, "peersessions/session_list.html", {
        "filter": filterset,
        "filter_form": filterset.form,
        "page_obj": page,
        "can_add": request.user.has_perm("peersessions.add_session"),
    })


def _load_for_page(session: Session, user) -> Session:
    """Everything the session page shows, in a fixed number of queries. For a logged-in person
    the participants come in one query, each with their own rating (``rating``): the person's
    own row (the permissions ask for it) and rating are found among them, and the list is
    shown to those who may see it."""
    prefetch_related_objects([session], "facilitators", "invited_partners", "materials",
                             "learnings",
                             Prefetch("actions", FollowUpAction.objects.select_related("owner")))
    session._participants = None
    me = None
    if user.is_authenticated:
        rating = (Feedback.objects.filter(session=OuterRef("session"), user=OuterRef("user"))
                  .values("usefulness")[:1])
        session._participants = list(session.participants.select_related("user", "via_partner")
                                     .annotate(rating=Subquery(rating)))
        me = next((p for p in session._participants if p.user_id == user.pk), None)
    session._my_participant = (getattr(user, "pk", None), me)
    return session


@login_for_visitors
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _load_for_page(get_visible_or_404(Session.objects.for_lists(), request.user,
                                                visitors_log_in=True, pk=pk), request.user)
    user = request.user
    participants = None
    if user.has_perm("peersessions.view_participants", session):
        participants = session._participants
    summary = None
    feedback = None
    if user.has_perm("peersessions.view_feedback_summary", session):
        summary = services.feedback_summary(session=session)
        feedback = list(session.feedback.select_related("user")[:50])
    me = session._my_participant[1]
    return render(request, "peersessions/session_detail.html", {
        "session": session,
        "participants": participants,
        "answers": _answer_counts(participants) if participants is not None else None,
        "summary": summary,
        "feedback_list": feedback,
        "me": me,
        "my_rating": me and me.rating,
        "can": _permissions(user, session),
    })


def _answer_counts(participants: list[Participant]) -> dict:
    counts = dict.fromkeys(Participant.Rsvp.values, 0)
    for p in participants:
        counts[p.rsvp] += 1
    counts["attended"] = sum(1 for p in participants if p.attended)
    return counts


def _permissions(user, session: Session) -> dict:
    names = ["view_session_details", "view_meeting_link", "change_session", "schedule_session",
             "cancel_session", "record_outcomes", "record_minutes", "record_attendance",
             "view_participants", "view_feedback_summary", "answer_invitation", "give_feedback"]
    return {name: user.has_perm(f"peersessions.{name}", session) for name in names}


def _save_session(request: HttpRequest, form: SessionForm) -> Session | None:
    schedule = "schedule" in request.POST
    if not form.check_schedule(schedule=schedule):
        return None
    try:
        return services.session_save(
            session=form.instance, by=request.user,
            facilitators=form.cleaned_data["facilitators"],
            invited_partners=form.cleaned_data["invited_partners"],
            invited_people=form.cleaned_data["invited_people"],
            schedule=schedule,
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "peersessions.add_session")
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        session = _save_session(request, form)
        if session is not None:
            messages.success(request, _("The session was scheduled and the invitations sent.")
                             if session.status == Session.Status.SCHEDULED
                             else _("The session was saved as a draft."))
            return redirect(session)
    return render(request, "peersessions/session_form.html", {"form": form, "session": None})


@login_required
@login_for_visitors
def session_update(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.change_session", session)
    form = SessionForm(request.POST or None, instance=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save_session(request, form)
        if saved is not None:
            messages.success(request, _("The session was saved."))
            return redirect(saved)
    return render(request, "peersessions/session_form.html", {"form": form, "session": session})


@login_required
@require_POST
@login_for_visitors
def session_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.schedule_session", session)
    try:
        services.session_schedule(session=session, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The session was scheduled and the invitations sent."))
    return redirect(session)


@login_required
@require_POST
@login_for_visitors
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.cancel_session", session)
    services.session_cancel(session=session, by=request.user)
    messages.success(request, _("The session was cancelled and the invitees told."))
    return redirect(session)


@login_required
@require_POST
@login_for_visitors
def session_rsvp(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.answer_invitation", session)
    form = RsvpForm(request.POST)
    if form.is_valid():
        services.session_answer(session=session, user=request.user,
                                rsvp=form.cleaned_data["rsvp"])
        messages.success(request, _("Thank you: your answer was recorded."))
    else:
        messages.error(request, _("Choose attending or not attending."))
    return redirect(session)


@login_for_visitors
def session_calendar_file(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    event = SESSIONS.event(
        session, show_link=request.user.has_perm("peersessions.view_meeting_link", session))
    return ics_response(download_ics(event), f"session-{session.pk}.ics")


@login_required
@login_for_visitors
def session_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.give_feedback", session)
    existing = session.feedback.filter(user=request.user).first()
    form = FeedbackForm(request.POST or None)
    if existing is None and request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(session=session, user=request.user,
                                   usefulness=form.cleaned_data["usefulness"],
                                   comment=form.cleaned_data["comment"],
                                   language=form.cleaned_data["language"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect(session)
    return render(request, "peersessions/session_feedback.html",
                  {"session": session, "form": form, "existing": existing})
