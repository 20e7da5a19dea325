from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from providers.models import Membership, Partner


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "country", "leads_work_package", "is_project_leader"]
    search_fields = ["short_name", "name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partner", "role", "created_at"]
    list_filter = ["partner", "role"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
