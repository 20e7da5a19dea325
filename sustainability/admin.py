from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionPlan,
    AddresseeType,
    Commitment,
    ExpertGuest,
    ExpertMeeting,
    FundingModel,
    GoodPractice,
    GoodPracticeAttachment,
    MeetingMaterial,
    Milestone,
    PlanAction,
    Recommendation,
    RoadmapPhase,
    UptakeStep,
)


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


# --- The roadmap and the commitments --------------------------------------------------------------


@admin.register(RoadmapPhase)
class RoadmapPhaseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_on", "ends_on", "is_public", "owner_partner"]
    list_filter = ["is_public"]
    search_fields = ["title"]
    readonly_fields = ["created_by", "updated_by"]


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "phase", "owner_partner", "due_on", "status", "done_on",
                    "is_public"]
    list_filter = ["status", "is_public", "owner_partner", "phase"]
    search_fields = ["title", "description"]
    readonly_fields = ["created_by", "updated_by"]
    list_select_related = ["phase", "owner_partner"]
    filter_horizontal = ["recommendations"]


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "partner", "stakeholder", "due_on", "status", "confirmed_at",
                    "owner_partner"]
    list_filter = ["status", "partner", "owner_partner"]
    search_fields = ["description"]
    readonly_fields = ["confirmed_at", "confirmed_by", "late_reminder_sent_at", "created_by",
                       "updated_by"]
    list_select_related = ["partner", "stakeholder", "owner_partner"]
    raw_id_fields = ["stakeholder", "recommendation", "milestone"]
# --- Long-term action plans (wt-plans) -----------------------------------------------------------


class PlanActionInline(admin.TabularInline):
    model = PlanAction
    extra = 0
    fields = ["description", "owner", "owner_partner", "starts_on", "due_on", "status",
              "progress"]
    raw_id_fields = ["owner"]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network", "owner_partner", "updated_at"]
    list_filter = ["owner_partner"]
    search_fields = ["title"]
    readonly_fields = ["created_by", "updated_by"]
    raw_id_fields = ["network"]
    list_select_related = ["network", "owner_partner"]
    inlines = [PlanActionInline]


@admin.register(PlanAction)
class PlanActionAdmin(SimpleHistoryAdmin):
    """Every action, deleted ones too (``all_objects``): a deleted action is restored here or on
    its plan's page."""

    list_display = ["description", "plan", "owner", "owner_partner", "due_on", "status",
                    "progress", "deleted_at"]
    list_filter = ["status", "owner_partner"]
    search_fields = ["description"]
    raw_id_fields = ["plan", "owner", "milestone", "recommendation"]
    readonly_fields = ["deleted_at", "deleted_by", "overdue_reminder_sent_at"]
    list_select_related = ["plan", "owner", "owner_partner"]

    def get_queryset(self, request):
        return PlanAction.all_objects.all()
# --- Expert meetings ------------------------------------------------------------------------------



class ExpertGuestInline(admin.TabularInline):
    model = ExpertGuest
    extra = 0
    fields = ["stakeholder", "name", "organisation", "expertise", "email", "invited_at"]
    readonly_fields = ["invited_at"]
    raw_id_fields = ["stakeholder"]


class MeetingMaterialInline(admin.TabularInline):
    model = MeetingMaterial
    extra = 0
    fields = ["title", "file", "link", "uploaded_by"]
    raw_id_fields = ["uploaded_by"]


@admin.register(ExpertMeeting)
class ExpertMeetingAdmin(SimpleHistoryAdmin):
    """Changes of time or place made here tell nobody: the portal's edit page does (and bumps
    the calendar SEQUENCE)."""

    list_display = ["title", "starts_at", "owner_partner", "is_public", "is_cancelled"]
    list_filter = ["is_public", "is_cancelled", "owner_partner", "language"]
    search_fields = ["title", "description", "agenda"]
    date_hierarchy = "starts_at"
    readonly_fields = ["sequence", "reminded_at", "is_cancelled", "created_by", "updated_by"]
    filter_horizontal = ["participants"]
    list_select_related = ["owner_partner"]
    inlines = [ExpertGuestInline, MeetingMaterialInline]
# --- Policy recommendations and their uptake ------------------------------------------------------


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
