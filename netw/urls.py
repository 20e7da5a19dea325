from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from netw import trust, views
from netw.accounts import views as account_views
from netw.accounts import your_data
from netw.pagecache import cache_for_visitors
from netw.sitemaps import collect as collect_sitemaps
from netw.sitemaps import index as sitemap_index

# The admin logs in through allauth, so its rate limits and second factor apply there too.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Net-Works administration"

netw_patterns = (
    [
        path("", views.home, name="home"),
        path("about/", views.about, name="about"),
        path("privacy/", trust.privacy, name="privacy"),
        path("contact/", trust.contact, name="contact"),
        path("accessibility/", trust.accessibility, name="accessibility"),
        path("home/", views.my_home, name="my_home"),
        path("my/actions/", views.my_actions, name="my_actions"),
        path("floor/", views.floor, name="floor"),
        path("profile/", account_views.profile, name="profile"),
        path("invitations/", account_views.invitation_list, name="invitation_list"),
        path("invitations/<int:pk>/revoke/", account_views.invitation_revoke,
             name="invitation_revoke"),
        path("invite/<str:token>/", account_views.invitation_accept, name="invitation_accept"),
        path("account/your-data/", your_data.your_data, name="your_data"),
        path("account/your-data/download.json", your_data.your_data_download,
             name="your_data_download"),
        path("account/your-data/print/", your_data.your_data_print, name="your_data_print"),
    ],
    "netw",
)

# Every app's sitemap sections, gathered once for the index and the sections alike.
SITEMAPS = collect_sitemaps()

urlpatterns = [
    path("", include(netw_patterns)),
    path("", include("providers.urls")),
    path("", include("methodologies.urls")),
    path("", include("sustainability.urls")),
    path("sitemap.xml", cache_for_visitors(sitemap_index), {"sitemaps": SITEMAPS},
         name="sitemap"),
    path("sitemap-<slug:section>.xml", cache_for_visitors(sitemap), {"sitemaps": SITEMAPS},
         name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("", include("peersessions.urls")),
    path("calendar/", include("netw.events.urls")),
    path("notifications/", include("netw.notifications.urls")),
    path("exports/", include("netw.exports.urls")),
    path("open-data/", include("netw.opendata.urls")),
    path("api/v1/hsds/", include("netw.opendata.hsds_urls")),
    path("monitoring/", include("netw.monitoring.urls")),
    path("deliverables/", include("netw.monitoring.urls_deliverables")),
    path("api/v1/", include("netw.api.urls")),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    # Before allauth's own: there is no public sign-up, only invitations.
    path("accounts/signup/", account_views.signup_closed, name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
