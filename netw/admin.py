from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from netw.accounts import services
from netw.accounts.forms import InvitationForm
from netw.models import Invitation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "language")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups",
                                       "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",),
                             "fields": ("email", "password1", "password2")}),)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "partner", "role", "status", "invited_by", "created_at",
                    "expires_at"]
    list_filter = ["partner", "role"]
    search_fields = ["email"]
    fields = ["email", "partner", "role", "language"]
    form = InvitationForm
    actions = ["revoke"]

    def has_change_permission(self, request, obj=None):
        # An invitation is never edited: revoke it and send a new one.
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        # The form has checked the address; the service creates and sends after commit.
        created = services.invitation_create(
            email=obj.email, partner=obj.partner, role=obj.role, language=obj.language,
            invited_by=request.user,
        )
        obj.pk = created.pk

    @admin.action(description=_("Revoke the selected invitations"))
    def revoke(self, request, queryset):
        for invitation in queryset:
            services.invitation_revoke(invitation=invitation)


# Admin pages of netw's subpackages.
import netw.events.admin  # noqa: E402, F401
import netw.exports.admin  # noqa: E402, F401
import netw.notifications.admin  # noqa: E402, F401
