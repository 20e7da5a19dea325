from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import FundingModel, GoodPractice, GoodPracticeAttachment


@admin.register(FundingModel)
class FundingModelAdmin(admin.ModelAdmin):
    """The coordinators keep the funding models' vocabulary here."""

    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["name", "code"]


class GoodPracticeAttachmentInline(admin.TabularInline):
    model = GoodPracticeAttachment
    extra = 0
    fields = ["title", "language", "file", "size", "uploaded_by"]
    readonly_fields = ["size", "uploaded_by"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner_partner", "funding_model", "country", "status",
                    "published_at", "updated_at"]
    list_filter = ["status", "owner_partner", "funding_model", "level", "language"]
    search_fields = ["title", "summary"]
    readonly_fields = ["slug", "status", "submitted_at", "submitted_by", "published_at",
                       "published_by", "created_by", "updated_by"]
    filter_horizontal = ["sectors", "target_groups"]
    list_select_related = ["owner_partner", "funding_model"]
    raw_id_fields = ["provider", "network", "presented_at"]
    inlines = [GoodPracticeAttachmentInline]
