"""Expert meetings: the list and page (public meetings for visitors), scheduling and changing,
the experts, the materials, the minutes and conclusions, cancelling, the .ics.

Privacy: visitors see a public meeting's date, place, description, agenda and conclusions, and of
its experts the organisation and expertise only — guests' names, the registry's stakeholders, the
e-mail addresses, the minutes, the participants and the materials are for the partners' staff.
The online link follows ``sustainability.rules.can_see_meeting_link``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, require
from netw.events.ics import download_ics, ics_response
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.uploads import private_file_response

from . import services
from .calendar import MEETINGS
from .forms import ExpertGuestForm, ExpertMeetingForm, MeetingMaterialForm, MeetingMinutesForm
from .models import ExpertGuest, ExpertMeeting, MeetingMaterial

FORM = "sustainability/expertmeeting_form.html"


def _meeting(request: HttpRequest, pk: int, queryset=None) -> ExpertMeeting:
    return get_visible_or_404(queryset if queryset is not None
                              else ExpertMeeting.objects.select_related("owner_partner"),
                              request.user, pk=pk)


@cache_for_visitors
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Coming up (soonest first) or past (latest first), a page at a time."""
    past = request.GET.get("when") == "past"
    visible = ExpertMeeting.objects.visible_to(request.user).for_list()
    page = paginate(request, visible.past() if past else visible.upcoming())
    return render(request, "sustainability/expertmeeting_list.html", {
        "page_obj": page, "past": past,
        "can_add": request.user.has_perm("sustainability.add_expertmeeting"),
    })


def _experts_shown(meeting: ExpertMeeting, user) -> list[dict]:
    """What this person may read of each expert: names for the partners' staff, registry
    stakeholders for those who see the registry, organisation and expertise for everyone."""
    show_names = user.has_perm("sustainability.view_expertguest_name")
    show_stakeholders = user.has_perm("providers.view_stakeholder")
    shown = []
    for expert in meeting.experts.select_related("stakeholder"):
        stakeholder = expert.stakeholder
        organisation = expert.organisation
        if stakeholder is not None and not show_stakeholders and not organisation:
            organisation = stakeholder.get_kind_display()  # the kind of body, not its name
        shown.append({
            "name": expert.name if show_names else "",
            "stakeholder": stakeholder if show_stakeholders else None,
            "organisation": organisation,
            "expertise": expert.expertise,
        })
    return shown


@cache_for_visitors
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    user = request.user
    partners_staff = user.has_perm("sustainability.view_meetingmaterial")
    can_change = user.has_perm("sustainability.change_expertmeeting", meeting)
    return render(request, "sustainability/expertmeeting_detail.html", {
        "meeting": meeting,
        "experts": _experts_shown(meeting, user),
        "materials": list(meeting.materials.all()) if partners_staff else [],
        "participants": list(meeting.participants.order_by("last_name", "first_name", "pk"))
        if partners_staff else [],
        "partners_staff": partners_staff,
        "can_change": can_change,
        "can_cancel": user.has_perm("sustainability.cancel_expertmeeting", meeting),
        "can_record": user.has_perm("sustainability.record_expertmeeting_minutes", meeting),
        "can_add_material": user.has_perm("sustainability.add_meetingmaterial", meeting),
        "can_see_link": user.has_perm("sustainability.view_expertmeeting_link", meeting),
        # Its conclusions can begin a draft policy recommendation (views_recommendations).
        "can_draft_recommendation": bool(meeting.conclusions) and user.has_perm(
            "sustainability.add_recommendation"),
    })


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    event = MEETINGS.event(meeting, show_link=request.user.has_perm(
        "sustainability.view_expertmeeting_link", meeting))
    return ics_response(download_ics(event), f"expert-meeting-{meeting.pk}.ics")


def _save(request: HttpRequest, form: ExpertMeetingForm) -> ExpertMeeting:
    return services.meeting_save(meeting=form.save(commit=False), by=request.user,
                                 participants=form.cleaned_data["participants"])


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "sustainability.add_expertmeeting")
    form = ExpertMeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        meeting = _save(request, form)
        messages.success(request, _("Meeting scheduled; the participants have been invited. "
                                    "Add the experts next."))
        return redirect("sustainability:meeting_experts", meeting.pk)
    return render(request, FORM, {"form": form})


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    require(request.user, "sustainability.change_expertmeeting", meeting)
    form = ExpertMeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        meeting = _save(request, form)
        messages.success(request, _("Meeting saved."))
        return redirect(meeting)
    return render(request, FORM, {"form": form, "meeting": meeting})


@login_required
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET), cancels on the confirmation (POST)."""
    meeting = _meeting(request, pk)
    require(request.user, "sustainability.cancel_expertmeeting", meeting)
    if request.method == "POST":
        services.meeting_cancel(meeting=meeting, by=request.user)
        messages.success(request, _("The meeting was cancelled; the participants and the "
                                    "invited experts have been told."))
        return redirect(meeting)
    return render(request, "sustainability/expertmeeting_cancel.html", {
        "meeting": meeting, "people": meeting.participants.count(),
        "guests": meeting.experts.filter(invited_at__isnull=False).exclude(email="").count()})


@login_required
def meeting_experts(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting's experts, and the form that adds one."""
    meeting = _meeting(request, pk)
    require(request.user, "sustainability.change_expertmeeting", meeting)
    form = ExpertGuestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        guest = services.expert_add(meeting=meeting, **form.cleaned_data)
        if guest.invited_at:
            messages.success(request, _("Expert added; an invitation is on its way to their "
                                        "e-mail address."))
        else:
            messages.success(request, _("Expert added (no invitation sent)."))
        return redirect("sustainability:meeting_experts", meeting.pk)
    return render(request, "sustainability/expertmeeting_experts.html", {
        "meeting": meeting, "form": form,
        "experts": list(meeting.experts.select_related("stakeholder")),
    })


@login_required
@require_POST
def meeting_expert_remove(request: HttpRequest, pk: int, expert_pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    require(request.user, "sustainability.change_expertmeeting", meeting)
    guest = get_visible_or_404(ExpertGuest.objects.filter(meeting=meeting), request.user,
                               pk=expert_pk)
    services.expert_remove(guest=guest)
    messages.success(request, _("Expert removed from the meeting."))
    return redirect("sustainability:meeting_experts", meeting.pk)


@login_required
def meeting_material_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    require(request.user, "sustainability.add_meetingmaterial", meeting)
    form = MeetingMaterialForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.material_add(meeting=meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("Material added."))
        return redirect(meeting)
    return render(request, "sustainability/meetingmaterial_form.html",
                  {"form": form, "meeting": meeting})


def meeting_material_download(request: HttpRequest, pk: int, material_pk: int) -> HttpResponse:
    """A material's file, for the partners' staff only (the files are private)."""
    material = get_visible_or_404(
        MeetingMaterial.objects.filter(meeting_id=pk).exclude(file=""), request.user,
        pk=material_pk)
    return private_file_response(material.file, download_name=material.download_name)


@login_required
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Minutes and conclusions, once the meeting has started; before, the page says from when."""
    meeting = _meeting(request, pk)
    require(request.user, "sustainability.record_expertmeeting_minutes", meeting)
    form = MeetingMinutesForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record_minutes(meeting=meeting, by=request.user,
                                            minutes=form.cleaned_data["minutes"],
                                            conclusions=form.cleaned_data["conclusions"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Minutes and conclusions saved."))
            return redirect(meeting)
    return render(request, "sustainability/expertmeeting_minutes.html",
                  {"form": form, "meeting": meeting})
