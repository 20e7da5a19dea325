from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from netw.notifications import services
from netw.notifications.models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "kind", "email_status", "attempts", "created_at",
                    "read_at"]
    list_filter = ["email_status", "kind"]
    search_fields = ["subject", "recipient__email", "email"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]
    readonly_fields = ["created_at", "emailed_at", "attempts", "last_error", "next_attempt_at"]
    actions = ["send_again"]

    @admin.action(description=_("Send again (failed e-mails only)"))
    def send_again(self, request, queryset):
        count = sum(services.notification_retry(notification_id=pk)
                    for pk in queryset.email_failed().values_list("pk", flat=True))
        self.message_user(request, ngettext("%(count)d notification queued again.",
                                            "%(count)d notifications queued again.", count)
                          % {"count": count}, messages.SUCCESS)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    raw_id_fields = ["user"]
