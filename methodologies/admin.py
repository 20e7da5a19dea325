from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attachment,
    DisseminationActivity,
    Methodology,
    Publication,
    PublicationFile,
    Roundtable,
)


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "language", "file", "size"]
    readonly_fields = ["size"]


@admin.register(Methodology)
class MethodologyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner_partner", "country", "status", "published_at", "updated_at"]
    list_filter = ["status", "owner_partner", "learning_setting", "language"]
    search_fields = ["title", "summary"]
    readonly_fields = ["slug", "status", "submitted_at", "submitted_by", "published_at",
                       "published_by", "created_by", "updated_by"]
    filter_horizontal = ["target_groups", "sectors", "related"]
    inlines = [AttachmentInline]
    list_select_related = ["owner_partner"]


class PublicationFileInline(admin.TabularInline):
    model = PublicationFile
    extra = 0
    fields = ["language", "file", "size"]
    readonly_fields = ["size"]


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "owner_partner", "status", "issued_on"]
    list_filter = ["status", "kind"]
    readonly_fields = ["slug", "status", "submitted_at", "submitted_by", "published_at",
                       "published_by"]
    inlines = [PublicationFileInline]


@admin.register(Roundtable)
class RoundtableAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_at", "timezone", "owner_partner", "is_public"]
    list_filter = ["is_public", "owner_partner"]
    filter_horizontal = ["methodologies", "outcomes", "participants"]


@admin.register(DisseminationActivity)
class DisseminationActivityAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "title", "audience", "people_reached", "owner_partner"]
    list_filter = ["kind", "audience", "owner_partner"]
    date_hierarchy = "date"
