from django.contrib import admin

from netw.events.models import CalendarFeed


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "updated_at"]
    raw_id_fields = ["user"]
    readonly_fields = ["token"]
