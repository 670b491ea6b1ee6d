"""The interactive API documentation (Swagger UI) at /api/docs/.

drf-spectacular's split view serves the page's start-up script from the same URL
(`?script`), so no inline script is needed. The Swagger UI's own files come from
``settings.SWAGGER_UI_DIST`` (the jsDelivr CDN unless the operator serves a copy), and the page
has one inline ``<style>`` block: this page alone gets a policy that allows both.
"""

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.conf import settings
from drf_spectacular.views import SpectacularSwaggerSplitView


def asset_sources() -> list[str]:
    """'self', plus the origin of the Swagger UI's files when they are not served here."""
    parts = urlsplit(settings.SWAGGER_UI_DIST)
    if parts.scheme and parts.netloc:
        return [SELF, f"{parts.scheme}://{parts.netloc}"]
    return [SELF]


def swagger_ui_view():
    sources = asset_sources()
    policy = {
        "script-src": sources,
        "style-src": [*sources, UNSAFE_INLINE],
        "img-src": [*sources, "data:"],
    }
    return csp_replace(policy)(SpectacularSwaggerSplitView.as_view(url_name="schema"))
