from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peersessions.models import (
    Feedback,
    FollowUpAction,
    KeyLearning,
    Material,
    Participant,
    Session,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "via_partner", "rsvp", "attended", "invited_at"]


class LearningInline(admin.TabularInline):
    model = KeyLearning
    extra = 0
    fields = ["text", "language"]


class ActionInline(admin.TabularInline):
    model = FollowUpAction
    extra = 0
    raw_id_fields = ["owner"]
    fields = ["description", "owner", "due_on", "done_at"]


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "topic", "owner_partner", "starts_at", "format", "status",
                    "is_public"]
    list_filter = ["status", "format", "topic", "owner_partner", "is_public"]
    search_fields = ["title", "agenda"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["facilitators", "created_by", "updated_by"]
    readonly_fields = ["uid", "sequence", "reminder_sent_at", "feedback_requested_at"]
    inlines = [ParticipantInline, LearningInline, ActionInline]
    list_select_related = ["topic", "owner_partner"]


@admin.register(Material)
class MaterialAdmin(SimpleHistoryAdmin):
    list_display = ["title", "session", "content_type", "size", "created_at"]
    raw_id_fields = ["session", "uploaded_by"]


@admin.register(Feedback)
class FeedbackAdmin(SimpleHistoryAdmin):
    list_display = ["session", "user", "usefulness", "created_at"]
    raw_id_fields = ["session", "user"]


@admin.register(FollowUpAction)
class FollowUpActionAdmin(SimpleHistoryAdmin):
    list_display = ["description", "session", "owner", "due_on", "done_at"]
    raw_id_fields = ["session", "owner"]
    list_filter = ["deleted_at"]

    def get_queryset(self, request):
        # Deleted actions too (netw.recoverable): the admin is where staff look for them.
        return self.model.all_objects.select_related("session", "owner")
