"""Security headers every response carries: the content security policy and the permissions
policy (the others — HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy — come from
Django's SecurityMiddleware and the settings).

The policy is django-csp's (``CONTENT_SECURITY_POLICY`` in the settings): strict for the public
site, the portal and the API — scripts and styles only from this site or with the request's
nonce. A few areas run third-party front-ends that still need more (the Wagtail and Django
admins' inline scripts, the API browser's inline style attributes): for them
``DAFTAR_CSP_PATH_POLICIES`` maps a path prefix to the directives that replace the strict ones
there. A view may still set its own policy with django-csp's decorators (``csp``,
``csp_update``, ``csp_replace``); a view's own policy wins over the path's.

When uploaded files live in object storage, the pages show images (Wagtail renditions) from
the storage's host: that origin is added to ``img-src`` everywhere.
"""

from __future__ import annotations

import logging
from functools import cached_property
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import storages

logger = logging.getLogger(__name__)


def storage_origin(alias: str = "default") -> str | None:
    """The scheme and host the storage's URLs point to, when they point off this site."""
    try:
        url = storages[alias].url("csp-origin-probe")
    except Exception:  # a storage that cannot make URLs offline must not break every page
        logger.warning("The %s storage gave no URL; its origin is not in img-src.", alias)
        return None
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


class SecurityHeadersMiddleware(CSPMiddleware):
    @cached_property
    def path_policies(self) -> list[tuple[str, dict]]:
        policies = getattr(settings, "DAFTAR_CSP_PATH_POLICIES", {}) or {}
        # The longest prefix first, so that a more specific entry wins.
        return sorted(policies.items(), key=lambda item: len(item[0]), reverse=True)

    @cached_property
    def media_origin(self) -> str | None:
        return storage_origin()

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and parts.replace is None:
            for prefix, directives in self.path_policies:
                if request.path_info.startswith(prefix):
                    parts.replace = directives
                    break
        if self.media_origin:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", []), self.media_origin]
            parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        permissions_policy = getattr(settings, "DAFTAR_PERMISSIONS_POLICY", "")
        if permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy
        return response
