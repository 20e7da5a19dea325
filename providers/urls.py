from django.urls import path, re_path

from providers.feeds import NewNetworksFeed, NewProvidersFeed
from providers.views import coverage, downloads, imports, maps, overview, partners, records

app_name = "providers"

urlpatterns = [
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/<slug:slug>/", partners.partner_detail, name="partner_detail"),
    path("partners/<slug:slug>/edit/", partners.partner_edit, name="partner_edit"),
    path("partners/<slug:slug>/logo/", partners.partner_logo, name="partner_logo"),
    # Providers
    path("providers/", records.provider_list, name="provider_list"),
    path("providers/feed.atom", NewProvidersFeed(), name="provider_feed"),
    path("providers/new/", records.provider_create, name="provider_create"),
    path("providers/map/", maps.provider_map, name="provider_map"),
    path("providers/map/points.geojson", maps.provider_map_points, name="provider_map_points"),
    path("providers/<int:pk>/", records.provider_detail, name="provider_detail"),
    path("providers/<int:pk>/edit/", records.provider_update, name="provider_update"),
    path("providers/<int:pk>/delete/", records.provider_delete, name="provider_delete"),
    path("providers/<int:pk>/history/", records.provider_history, name="provider_history"),
    path("providers/<int:pk>/verify/", records.provider_verify_view, name="provider_verify"),
    path("providers/import/", imports.provider_import, name="provider_import"),
    re_path(r"^providers/import/template\.(?P<extension>csv|xlsx)$",
            imports.provider_import_template, name="provider_import_template"),
    path("providers/import/<int:pk>/", imports.provider_import_preview,
         name="provider_import_preview"),
    # Networks
    path("networks/", records.network_list, name="network_list"),
    path("networks/feed.atom", NewNetworksFeed(), name="network_feed"),
    path("networks/new/", records.network_create, name="network_create"),
    path("networks/map/", maps.network_map, name="network_map"),
    path("networks/map/points.geojson", maps.network_map_points, name="network_map_points"),
    path("networks/<int:pk>/", records.network_detail, name="network_detail"),
    path("networks/<int:pk>/edit/", records.network_update, name="network_update"),
    path("networks/<int:pk>/delete/", records.network_delete, name="network_delete"),
    path("networks/<int:pk>/history/", records.network_history, name="network_history"),
    # Stakeholders
    path("stakeholders/", records.stakeholder_list, name="stakeholder_list"),
    path("stakeholders/new/", records.stakeholder_create, name="stakeholder_create"),
    path("stakeholders/<int:pk>/", records.stakeholder_detail, name="stakeholder_detail"),
    path("stakeholders/<int:pk>/edit/", records.stakeholder_update, name="stakeholder_update"),
    path("stakeholders/<int:pk>/delete/", records.stakeholder_delete,
         name="stakeholder_delete"),
    path("stakeholders/<int:pk>/history/", records.stakeholder_history,
         name="stakeholder_history"),
    # The public lists as files (visitors; partners use the background exporter)
    re_path(r"^(?P<kind>providers|networks)/download\.(?P<extension>csv|xlsx)$",
            downloads.public_download, name="public_download"),
    # The mapping by country
    path("countries/", overview.country_overview_page, name="country_overview"),
    # Coverage by region of the focus countries (netw.geo), and what is not on the map yet
    path("countries/regions/", coverage.coverage_index, name="coverage_index"),
    path("countries/<str:code>/regions/", coverage.country_regions, name="country_regions"),
    path("countries/<str:code>/regions.geojson", coverage.country_regions_geojson,
         name="country_regions_geojson"),
    path("registry/not-on-the-map/", coverage.unplaced_list, name="unplaced_list"),
    # Deleted records
    path("registry/deleted/", records.deleted_list, name="deleted_list"),
    path("registry/deleted/<str:kind>/<int:pk>/restore/", records.record_restore_view,
         name="record_restore"),
]
