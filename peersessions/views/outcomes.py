"""What a session leaves behind: minutes, key learnings, follow-up actions, attendance and
materials."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, login_for_visitors, redirect_to_next, require
from netw.uploads import private_file_response
from peersessions import services
from peersessions.forms import (
    ActionEditForm,
    ActionForm,
    AttendanceForm,
    LearningForm,
    MaterialForm,
    MinutesForm,
)
from peersessions.models import FollowUpAction, Material, Session


@login_required
@login_for_visitors
def session_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.record_outcomes", session)
    form = MinutesForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        services.session_record_minutes(session=session, by=request.user,
                                        minutes=form.cleaned_data["minutes"])
        messages.success(request, _("The minutes were saved."))
        return redirect(session)
    return render(request, "peersessions/session_minutes.html",
                  {"session": session, "form": form})


@login_required
@login_for_visitors
def session_learnings(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.record_outcomes", session)
    form = LearningForm(request.POST or None, initial={"language": session.language})
    if request.method == "POST" and form.is_valid():
        services.learning_add(session=session, by=request.user, **form.cleaned_data)
        messages.success(request, _("The key learning was added."))
        return redirect("peersessions:session_learnings", pk=session.pk)
    return render(request, "peersessions/session_learnings.html", {
        "session": session, "form": form, "learnings": session.learnings.all(),
    })


@login_required
@login_for_visitors
def session_actions(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.record_outcomes", session)
    form = ActionForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        services.action_add(session=session, by=request.user, **form.cleaned_data)
        messages.success(request, _("The follow-up action was added."))
        return redirect("peersessions:session_actions", pk=session.pk)
    deleted = [action for action in FollowUpAction.all_objects.deleted().filter(session=session)
               .select_related("owner", "deleted_by").order_by("-deleted_at", "-pk")
               if request.user.has_perm("peersessions.restore_action", action)]
    return render(request, "peersessions/session_actions.html", {
        "session": session, "form": form,
        "actions": session.actions.select_related("owner"), "deleted_actions": deleted,
    })


def _get_action(request: HttpRequest, pk: int, perm: str, *, deleted: bool = False
                ) -> FollowUpAction:
    """An action of a session the person may see (else 404), which they may ``perm`` (else
    403). ``deleted``: among the deleted ones (restoring)."""
    actions = FollowUpAction.all_objects.deleted() if deleted else FollowUpAction.objects
    action = get_visible_or_404(actions.select_related("session", "owner"), request.user,
                                visitors_log_in=True, pk=pk)
    require(request.user, perm, action)
    return action


@login_required
@login_for_visitors
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get_action(request, pk, "peersessions.edit_action")
    # The heading names the action as saved: an invalid form has already changed ``action``.
    saved_description = action.description
    form = ActionEditForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        services.action_update(action=action, **form.cleaned_data)
        messages.success(request, _("The follow-up action was saved."))
        return redirect_to_next(request, fallback=action.session.get_absolute_url() + "#actions")
    return render(request, "peersessions/action_form.html", {
        "action": action, "session": action.session, "form": form,
        "saved_description": saved_description,
        "can_delete": request.user.has_perm("peersessions.delete_action", action),
    })


@login_required
@login_for_visitors
def action_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page; the action is deleted (recoverably) only by its POST."""
    action = _get_action(request, pk, "peersessions.delete_action")
    if request.method == "POST":
        services.action_delete(action=action, by=request.user)
        messages.success(request, _("The follow-up action was deleted. It can be restored from "
                                    "the session's follow-up actions."))
        if request.user.has_perm("peersessions.record_outcomes", action.session):
            return redirect("peersessions:session_actions", pk=action.session_id)
        return redirect(action.session.get_absolute_url() + "#actions")
    return render(request, "peersessions/action_confirm_delete.html",
                  {"action": action, "session": action.session})


@login_required
@require_POST
@login_for_visitors
def action_restore(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get_action(request, pk, "peersessions.restore_action", deleted=True)
    services.action_restore(action=action)
    messages.success(request, _("The follow-up action was restored."))
    return redirect("peersessions:session_actions", pk=action.session_id)


@login_required
@require_POST
@login_for_visitors
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_visible_or_404(FollowUpAction, request.user, pk=pk)
    require(request.user, "peersessions.change_action", action)
    done = request.POST.get("done") != "0"
    services.action_set_done(action=action, done=done)
    messages.success(request, _("The action is marked done.") if done
                     else _("The action is open again."))
    return redirect_to_next(request, fallback=action.session.get_absolute_url() + "#actions")


@login_required
@login_for_visitors
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.record_attendance", session)
    participants = list(session.participants.select_related("user", "via_partner"))
    form = AttendanceForm(request.POST or None, participants=participants)
    if request.method == "POST" and form.is_valid():
        services.session_record_attendance(
            session=session,
            present_user_ids=[int(pk) for pk in form.cleaned_data["present"]],
            extra_people=form.cleaned_data["extra_people"],
        )
        messages.success(request, _("The attendance was recorded."))
        return redirect(session)
    return render(request, "peersessions/session_attendance.html", {
        "session": session, "form": form, "participants": participants,
    })


@login_required
@login_for_visitors
def session_materials(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(Session.objects.for_lists(), request.user,
                                 visitors_log_in=True, pk=pk)
    require(request.user, "peersessions.record_outcomes", session)
    form = MaterialForm(request.POST or None, request.FILES or None,
                        initial={"language": session.language})
    if request.method == "POST" and form.is_valid():
        services.material_add(session=session, by=request.user,
                              title=form.cleaned_data["title"], upload=form.cleaned_data["file"],
                              content_type=form.content_type,
                              language=form.cleaned_data["language"])
        messages.success(request, _("The file was added."))
        return redirect("peersessions:session_materials", pk=session.pk)
    return render(request, "peersessions/session_materials.html", {
        "session": session, "form": form, "materials": session.materials.all(),
    })


def _get_material(request: HttpRequest, pk: int, perm: str) -> Material:
    # Found among the materials of the sessions the person may see: another partner's draft's
    # file is a 404 whether it exists or not; a visitor is asked to log in (invitations link
    # materials by e-mail) only for a file that exists.
    material = get_visible_or_404(Material.objects.select_related("session__topic",
                                                                  "session__owner_partner"),
                                  request.user, visitors_log_in=True, pk=pk)
    require(request.user, perm, material.session)
    return material


@login_for_visitors
def material_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Materials are private: served only to people who may see the session's details."""
    material = _get_material(request, pk, "peersessions.view_session_details")
    if not material.file.storage.exists(material.file.name):
        raise Http404
    return private_file_response(material.file, download_name=material.original_name)


@login_required
@require_POST
@login_for_visitors
def material_delete(request: HttpRequest, pk: int) -> HttpResponse:
    material = _get_material(request, pk, "peersessions.record_outcomes")
    services.material_delete(material=material)
    messages.success(request, _("The file was removed."))
    return redirect("peersessions:session_materials", pk=material.session_id)
