from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from netw.access import get_visible_or_404, require
from netw.accounts import services
from netw.accounts.forms import InvitationAcceptForm, InvitationForm, ProfileForm
from netw.models import Invitation
from netw.roles import forget_memberships

# allauth's log-in by e-mail, with the model permissions read from the cache.
ALLAUTH_BACKEND = "netw.accounts.backends.AuthenticationBackend"


@login_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    """Coordinators invite people and follow what became of their invitations."""
    require(request.user, "netw.invite_user")
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation = services.invitation_create(
                    email=form.cleaned_data["email"],
                    partner=form.cleaned_data["partner"],
                    role=form.cleaned_data["role"],
                    language=form.cleaned_data["language"],
                    invited_by=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s.") % {"email": invitation.email},
                )
                return redirect("netw:invitation_list")
    else:
        form = InvitationForm(initial={"language": translation.get_language()})
    invitations = Invitation.objects.select_related("partner", "invited_by", "accepted_user")
    page = Paginator(invitations, 25).get_page(request.GET.get("page"))
    return render(request, "netw/invitation_list.html", {"form": form, "page_obj": page})


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "netw.revoke_invitation")
    invitation = get_visible_or_404(Invitation, request.user, pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s was revoked.")
                     % {"email": invitation.email})
    return redirect("netw:invitation_list")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee follows the one-time link, sets a password and lands on their home page."""
    invitation = Invitation.objects.select_related("partner").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        if invitation is None:
            reason = _("This invitation link is not valid. Check that you copied it whole.")
        elif invitation.accepted_at:
            reason = _("This invitation has already been used. Log in with your e-mail "
                       "address and password, or reset your password.")
        elif invitation.revoked_at:
            reason = _("This invitation was withdrawn. Ask the project coordinator for a new "
                       "one.")
        else:
            reason = _("This invitation has expired. Ask the project coordinator for a new one.")
        return render(request, "netw/invitation_invalid.html", {"reason": reason}, status=404)
    if request.user.is_authenticated:
        return render(request, "netw/invitation_invalid.html", {
            "reason": _("You are logged in already. Log out first to accept an invitation for "
                        "%(email)s.") % {"email": invitation.email},
        }, status=409)

    if request.method == "POST":
        form = InvitationAcceptForm(request.POST, email=invitation.email)
        if form.is_valid():
            try:
                user = services.invitation_accept(
                    token=token,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    password=form.cleaned_data["password1"],
                    language=form.cleaned_data["language"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                login(request, user, backend=ALLAUTH_BACKEND)
                forget_memberships(user)
                messages.success(request, _("Welcome to Net-Works, %(name)s.")
                                 % {"name": user.first_name})
                return redirect("netw:my_home")
    else:
        form = InvitationAcceptForm(email=invitation.email,
                                    initial={"language": invitation.language})
    return render(request, "netw/invitation_accept.html",
                  {"form": form, "invitation": invitation})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            user = form.save()
            messages.success(request, _("Your profile was saved."))
            response = redirect("netw:profile")
            if user.language:
                response.set_cookie("django_language", user.language, samesite="Lax",
                                    httponly=True, secure=request.is_secure())
            return response
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "netw/profile.html", {"form": form})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice on a logged-in user's profile."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and translation.check_for_language(language):
        form = ProfileForm({"first_name": request.user.first_name,
                            "last_name": request.user.last_name, "language": language,
                            "timezone": request.user.timezone},
                           instance=request.user)
        if form.is_valid():
            form.save()
    return response


def signup_closed(request: HttpRequest) -> HttpResponse:
    """There is no public sign-up: the address answers 404 and says how to get an account."""
    return render(request, "netw/signup_closed.html", status=404)
