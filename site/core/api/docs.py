"""The interactive API documentation: Swagger UI at /api/docs/ and ReDoc at /api/redoc/.

Both front-ends' files are the site's own static files (drf-spectacular-sidecar), so neither
page loads anything from another origin. drf-spectacular's split view serves the Swagger UI's
start-up script from the same URL (`?script`), and ReDoc starts from its `<redoc>` element,
so no inline script is needed. Both pages have inline styles (ReDoc writes its own at run
time, and starts its search index in a worker from a blob: URL): these pages alone get a
policy that allows them, with no origin but the site's.
"""

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.conf import settings
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView


def asset_sources() -> list[str]:
    """'self', plus the origin of the static files when the operator serves them from a host
    of their own (an absolute STATIC_URL)."""
    parts = urlsplit(settings.STATIC_URL)
    if parts.scheme and parts.netloc:
        return [SELF, f"{parts.scheme}://{parts.netloc}"]
    return [SELF]


def _policy() -> dict:
    sources = asset_sources()
    return {
        "script-src": sources,
        "style-src": [*sources, UNSAFE_INLINE],
        "img-src": [*sources, "data:"],
        "font-src": sources,
        "worker-src": [SELF, "blob:"],
    }


class RedocView(SpectacularRedocView):
    # drf-spectacular's page with its web fonts left out (they come from a third party).
    template_name = "api/redoc.html"


def swagger_ui_view():
    return csp_replace(_policy())(SpectacularSwaggerSplitView.as_view(url_name="schema"))


def redoc_view():
    return csp_replace(_policy())(RedocView.as_view(url_name="schema"))
