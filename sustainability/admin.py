from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import FundingModel, GoodPractice


@admin.register(FundingModel)
class FundingModelAdmin(admin.ModelAdmin):
    """The coordinators keep the funding models' vocabulary here."""

    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["name", "code"]


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
    raw_id_fields = ["provider", "network"]


# --- Policy recommendations and their uptake ------------------------------------------------------
from .models import AddresseeType, Recommendation, UptakeStep  # noqa: E402


@admin.register(AddresseeType)
class AddresseeTypeAdmin(admin.ModelAdmin):
    """The coordinators keep the addressee types' vocabulary here."""

    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["name", "code"]


class UptakeStepInline(admin.TabularInline):
    model = UptakeStep
    extra = 0
    fields = ["date", "country", "stage", "stakeholder", "evidence_link", "reason",
              "owner_partner"]
    raw_id_fields = ["stakeholder"]
    show_change_link = True


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner_partner", "level", "status", "published_at", "updated_at"]
    list_filter = ["status", "owner_partner", "level", "language", "addressees"]
    search_fields = ["title", "summary"]
    readonly_fields = ["slug", "status", "submitted_at", "submitted_by", "published_at",
                       "published_by", "created_by", "updated_by"]
    filter_horizontal = ["addressees", "good_practices", "methodologies"]
    list_select_related = ["owner_partner"]
    raw_id_fields = ["expert_meeting"]
    inlines = [UptakeStepInline]


@admin.register(UptakeStep)
class UptakeStepAdmin(SimpleHistoryAdmin):
    """Steps are recorded on the site; the admin is for a coordinator's corrections, which the
    history keeps."""

    list_display = ["recommendation", "country", "stage", "date", "owner_partner", "created_by"]
    list_filter = ["stage", "country", "owner_partner"]
    search_fields = ["recommendation__title", "note", "reason"]
    list_select_related = ["recommendation", "owner_partner", "created_by"]
    raw_id_fields = ["recommendation", "stakeholder"]
    readonly_fields = ["created_by", "updated_by"]
