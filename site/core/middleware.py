"""The API speaks the caller's language.

Site pages take their language from the URL prefix (Persian has none). The API has no
prefix, so Django's LocaleMiddleware would answer every API call in Persian; here the API
follows the language cookie or Accept-Language instead.
"""

from django.utils import translation
from django.utils.cache import patch_vary_headers


class ApiLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            patch_vary_headers(response, ("Accept-Language",))
        return response


# --- The database going away (503) -----------------------------------------------------------
DATABASE_RETRY_AFTER = 5  # seconds; a restarted or failed-over database is usually back by then


def database_unavailable(exc) -> bool:
    """A lost or refused database connection (not a bad query): the request may be retried."""
    from django.db import InterfaceError, OperationalError

    return isinstance(exc, (OperationalError, InterfaceError))


def service_unavailable(request):
    """503 with Retry-After: JSON `{"code": "service_unavailable", ...}` under /api/, else a
    readable page. Rendered without touching the database (no user, no site settings)."""
    import logging

    from django.http import HttpResponse, JsonResponse
    from django.template import loader
    from django.utils.translation import gettext as _

    from core.api.errors import error_body

    logging.getLogger("core.database").error(
        "Database unavailable during %s %s", request.method, request.path, exc_info=True
    )
    if request.path.startswith("/api/"):
        response = JsonResponse(
            error_body("service_unavailable", _("The service is briefly unavailable. Try again.")),
            status=503,
        )
    else:
        response = HttpResponse(
            loader.get_template("503.html").render({"retry_after": DATABASE_RETRY_AFTER}),
            status=503,
        )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that loses its database connection answers 503, not 500. The write it was making
    is rolled back with its transaction (every service runs in `transaction.atomic`), so a
    retry starts from a clean state. Failures before the view (a session or user lookup) reach
    `core.views.server_error`, which gives the same 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            return service_unavailable(request)
        return None
