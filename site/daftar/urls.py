from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from cms_pages import seo
from cms_pages.api import api_router
from core import health, metrics
from core.api.docs import redoc_view, swagger_ui_view
from core.api.errors import json_not_found
from core.messaging import provider as sms_provider
from daftar import portal

handler404 = "core.views.not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    # Operations: liveness, readiness and metrics (core.health, core.metrics), outside the
    # languages' prefixes and the public cache.
    path("health/", health.liveness, name="health"),
    path("ready/", health.readiness, name="ready"),
    path("metrics", metrics.metrics_view, name="metrics"),
    # The SMS provider's delivery reports (core.messaging.provider), behind a secret path.
    path("sms/delivery/<str:secret>/", sms_provider.delivery_callback, name="sms-delivery"),
    # Staff sign in through the same two-step sign-in as everyone (ID-4).
    path("admin/login/", account_views.SignInView.as_view(), name="wagtailadmin_login_twostep"),
    path("django-admin/login/", account_views.SignInView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("daftar.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", swagger_ui_view(), name="api-docs"),
    path("api/redoc/", redoc_view(), name="api-redoc"),
    path("api/cms/v2/", api_router.urls),
    # Any other path under /api/ is a JSON 404 whatever the method: an unsafe request would
    # otherwise reach the pages' catch-all and get the CSRF check's HTML 403.
    re_path(r"^api/", csrf_exempt(json_not_found), name="api-not-found"),
    path("i18n/", include("django.conf.urls.i18n")),
    # For search engines: robots.txt and a sitemap per language (cms_pages.seo).
    path("robots.txt", seo.robots_txt, name="robots-txt"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", seo.sitemap, name=seo.SECTION_URL),
]

portal_patterns = ([path("", portal.HomePage.as_view(), name="home")], "portal")

urlpatterns += i18n_patterns(
    path("accounts/second-factor/", include("accounts.second_factor.urls")),
    path("portal/", include(portal_patterns)),
    path("accounts/", include("accounts.urls")),
    path("appointments/", include("offices.portal_urls")),
    path("office/", include("offices.staff_urls")),
    path("cases/", include("courts.urls")),
    path("filings/", include("filings.urls")),
    path("discipline/", include("discipline.urls")),
    path("notices/", include("notices.urls")),
    path("staff/licensing/", include("licensing.urls")),
    path("reports/", include("reports.urls")),
    path("search/", include("cms_pages.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
