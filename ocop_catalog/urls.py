import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from ocop_catalog import views
from ocop_catalog.sitemaps import sitemap_index, sitemap_section

admin.site.site_header = _("OCOP catalog administration")
admin.site.site_title = _("OCOP administration")
admin.site.index_title = _("OCOP product catalog")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # An index of sections, each paginated: a sitemap file holds at most 50,000 links, and
    # small pages render fast (every link carries its hreflang alternates).
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("products.urls")),
    path("", include("inquiries.urls")),
    path("", include("producers.urls")),
    path("", include("promotion.urls")),
    path("", include("stats.urls")),
    path("admin/", admin.site.urls),
    path("staff/", include("staff.urls")),
    prefix_default_language=False,
)

handler404 = "ocop_catalog.views.page_not_found"
handler500 = "ocop_catalog.views.server_error"

if settings.DEBUG:
    # Development only: production serves /media/ from the web server (README, Deploying).
    urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", views.media)]
