from django.urls import path

from providers.views import partners, records

app_name = "providers"

urlpatterns = [
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/<slug:slug>/", partners.partner_detail, name="partner_detail"),
    # Providers
    path("providers/", records.provider_list, name="provider_list"),
    path("providers/<int:pk>/", records.provider_detail, name="provider_detail"),
    # Networks
    path("networks/", records.network_list, name="network_list"),
    path("networks/<int:pk>/", records.network_detail, name="network_detail"),
    # Stakeholders
    path("stakeholders/", records.stakeholder_list, name="stakeholder_list"),
    path("stakeholders/<int:pk>/", records.stakeholder_detail, name="stakeholder_detail"),
]
