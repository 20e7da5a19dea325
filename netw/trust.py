"""The pages a public EU-funded portal must have: the privacy notice (GDPR), the contact page
with its form, and the accessibility statement (Directive (EU) 2016/2102, the model statement of
Implementing Decision (EU) 2018/1523).

Their texts live in the templates (templates/netw/privacy.html, contact.html,
accessibility.html); the data controller's details and the date of the last accessibility
evaluation in settings (``NETW_CONTACT``, ``NETW_ACCESSIBILITY_EVALUATED``).
"""

from __future__ import annotations

from datetime import date

from allauth.core import ratelimit
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from netw.forms import HoneypotForm
from netw.notifications.services import notify_address
from netw.pagecache import cache_for_visitors
from providers.models import Partner

# Change with the text of templates/netw/privacy.html.
PRIVACY_UPDATED = date(2026, 12, 1)


class Topic(models.TextChoices):
    GENERAL = "general", _("General question")
    DATA_PROTECTION = "data_protection", _("Data protection")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    REMOVAL = "removal", _("Removal of a listing")


class ContactForm(HoneypotForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    message = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)


# Questions about personal data (a listing to remove included) go to the data-protection
# contact; everything else to the coordinator.
PRIVACY_TOPICS = {Topic.DATA_PROTECTION, Topic.REMOVAL}


def contact_message_send(*, name: str, email: str, topic: str, message: str) -> None:
    """E-mail a message of the contact form to the coordinator (or, about personal data, to the
    data-protection contact) through the outbox (after the commit, retried when the mail server
    refuses)."""
    address = settings.NETW_CONTACT["privacy_email" if topic in PRIVACY_TOPICS else "email"]
    with transaction.atomic():
        notify_address(
            email=address, kind="contact_message",
            template="netw/emails/contact_message",
            context={"name": name, "email": email, "topic": Topic(topic).label,
                     "message": message},
            language=settings.LANGUAGE_CODE)


@cache_for_visitors
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "netw/privacy.html", {
        "contact": settings.NETW_CONTACT, "updated": PRIVACY_UPDATED})


@cache_for_visitors
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "netw/accessibility.html", {
        "contact": settings.NETW_CONTACT, "evaluated": settings.NETW_ACCESSIBILITY_EVALUATED})


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    initial = {"topic": request.GET.get("topic")} if request.GET.get("topic") in Topic.values \
        else {}
    form = ContactForm(request.POST or None, user=request.user, initial=initial)
    status = 200
    if request.method == "POST":
        if not ratelimit.consume(request, action="contact"):
            return render(request, "netw/contact.html", _contact_context(request, form, True),
                          status=429)
        if form.is_bot():
            # Answer as if it worked: a bot learns nothing from the page.
            messages.success(request, _("Thank you: your message has been sent."))
            return redirect("netw:contact")
        if form.is_valid():
            data = form.cleaned_data
            contact_message_send(name=data["name"], email=data["email"], topic=data["topic"],
                                 message=data["message"])
            messages.success(request, _("Thank you: your message has been sent."))
            return redirect("netw:contact")
        status = 400
    return render(request, "netw/contact.html", _contact_context(request, form), status=status)


def _contact_context(request: HttpRequest, form: ContactForm, limited: bool = False) -> dict:
    return {"form": form, "limited": limited, "contact": settings.NETW_CONTACT,
            "partners": Partner.objects.visible_to(request.user)}
