from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from netw.geo.placing import place_by_hand, place_from_city
from providers.models import Membership, Network, Partner, PartnerPerson, Provider, Stakeholder


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class PartnerPersonInline(admin.TabularInline):
    model = PartnerPerson
    extra = 0


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "country", "leads_work_package", "is_project_leader"]
    search_fields = ["short_name", "name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline, PartnerPersonInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partner", "role", "created_at"]
    list_filter = ["partner", "role"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]


class RegistryAdmin(SimpleHistoryAdmin):
    """Deleted records too: the admin is where technical staff look at everything."""

    list_filter = ["country", "owner_partner"]
    search_fields = ["name"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by", "deleted_at",
                       "deleted_by"]
    autocomplete_fields: list[str] = []

    def get_queryset(self, request):
        return self.model.all_objects.select_related("owner_partner")


class LocatedAdmin(RegistryAdmin):
    """Providers and networks: placed from the city when saved, as on the site; coordinates or
    a region changed here are a place set by hand (netw.geo.placing)."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "placed_by"]

    def save_model(self, request, obj, form, change):
        if any(name in form.changed_data for name in ("latitude", "longitude", "subdivision")):
            place_by_hand(obj, latitude=obj.latitude, longitude=obj.longitude,
                          subdivision=obj.subdivision)
        else:
            place_from_city(obj)
        super().save_model(request, obj, form, change)


@admin.register(Network)
class NetworkAdmin(LocatedAdmin):
    list_display = ["name", "level", "country", "maturity", "owner_partner", "deleted_at"]
    list_filter = ["level", "maturity", "country", "owner_partner"]


@admin.register(Provider)
class ProviderAdmin(LocatedAdmin):
    list_display = ["name", "country", "city", "verification", "owner_partner", "deleted_at"]
    list_filter = ["verification", "country", "legal_form", "owner_partner"]
    filter_horizontal = ["sectors", "target_groups", "networks"]


@admin.register(Stakeholder)
class StakeholderAdmin(RegistryAdmin):
    list_display = ["name", "kind", "level", "country", "owner_partner", "deleted_at"]
    list_filter = ["kind", "level", "country", "owner_partner"]
