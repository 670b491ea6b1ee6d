"""The domain API under /api/v1/: each app contributes its own url patterns."""

from django.urls import include, path

app_name = "api"

urlpatterns = [
    path("", include("accounts.api_urls")),
    path("", include("accounts.second_factor.api_urls")),
    path("audit/", include("core.api.urls")),
    path("licensing/", include("licensing.api_urls")),
    path("courts/", include("courts.api_urls")),
    path("filings/", include("filings.api_urls")),
    path("discipline/", include("discipline.api_urls")),
    path("notices/", include("notices.api_urls")),
    path("offices/", include("offices.api_urls")),
]
