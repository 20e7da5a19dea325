"""The learners' sign-up: the portal's only open sign-up (partners are invited).

- The address must be confirmed (allauth's confirmation link, e-mailed through the outbox) before
  the learner may enrol; partners' invitations prove theirs and stay as they are.
- Rate-limited per address of the visitor (allauth's ``signup`` limit, ACCOUNT_RATE_LIMITS).
- A honeypot field catches the bots that fill every field; no CAPTCHA service.
- No account enumeration: an address that already has an account gets the same answer on the
  page, and its owner an e-mail saying someone tried to sign up with it.
"""

from __future__ import annotations

from allauth.core import ratelimit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from netw.access import safe_next_url

from . import learner_services as services
from .learner_forms import LearnerSignupForm


@require_http_methods(["GET", "POST"])
def course_join(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(safe_next_url(request, "peersessions:my_learning"))
    form = LearnerSignupForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not ratelimit.consume(request, action="signup"):
            return render(request, "peersessions/courses/join.html",
                          {"form": form, "limited": True}, status=429)
        if form.is_bot():
            # Answer as if it worked: a bot learns nothing from the page.
            return redirect("peersessions:course_join_sent")
        if form.is_valid():
            data = form.cleaned_data
            services.learner_signup(
                request=request, email=data["email"], password=data["password1"],
                display_name=data["display_name"], provider=data.get("provider"),
                network=data.get("network"), organisation=data["organisation"],
                country=data["country"], language=translation.get_language() or "en")
            return redirect("peersessions:course_join_sent")
    return render(request, "peersessions/courses/join.html", {"form": form})


def course_join_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "peersessions/courses/join_sent.html")
