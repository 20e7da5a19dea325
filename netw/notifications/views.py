from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netw.access import redirect_to_next, require
from netw.notifications import services
from netw.notifications.forms import PreferencesForm
from netw.notifications.models import Notification


def _back(request: HttpRequest) -> HttpResponse:
    return redirect_to_next(request, fallback="notifications:list")


@login_required
@never_cache
def notification_list(request: HttpRequest) -> HttpResponse:
    """Everything the portal told me, newest first; unread ones stand out."""
    notifications = Notification.objects.for_user(request.user).only(
        "pk", "kind", "subject", "url", "created_at", "read_at")
    page = Paginator(notifications, 25).get_page(request.GET.get("page"))
    return render(request, "netw/notifications/notification_list.html", {
        "page_obj": page,
        "unread": services.unread_count(request.user),
    })


@login_required
@require_POST
def notification_mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the recipient's own rows are touched: someone else's id changes nothing.
    services.notification_mark_read(user=request.user, notification_id=pk)
    return _back(request)


@login_required
@require_POST
def notifications_mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return _back(request)


@login_required
def notification_preferences(request: HttpRequest) -> HttpResponse:
    current = services.preferences_for(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    return render(request, "netw/notifications/notification_preferences.html", {"form": form})


@login_required
@never_cache
def notification_failed_list(request: HttpRequest) -> HttpResponse:
    """Coordinators see the e-mails the mail server kept refusing (and retry them in the admin)."""
    require(request.user, "netw.view_failed_notifications")
    failed = Notification.objects.email_failed().select_related("recipient").only(
        "pk", "kind", "subject", "created_at", "attempts", "last_error", "email",
        "recipient__email", "recipient__first_name", "recipient__last_name")
    page = Paginator(failed, 25).get_page(request.GET.get("page"))
    return render(request, "netw/notifications/notification_failed_list.html",
                  {"page_obj": page})
