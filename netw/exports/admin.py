from django.contrib import admin

from netw.exports.models import Export


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = ["pk", "list_name", "format", "status", "progress", "row_count",
                    "requested_by", "created_at", "attempts"]
    list_filter = ["status", "format", "list_name"]
    search_fields = ["requested_by__email", "list_name"]
    list_select_related = ["requested_by"]
    readonly_fields = [f.name for f in Export._meta.fields]

    def has_add_permission(self, request):
        return False
