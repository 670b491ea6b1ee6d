"""Security defaults shared by every environment (tightened further in production)."""

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import env_list

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(timedelta(hours=8).total_seconds())
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the site uses (core.security.SecurityHeadersMiddleware).
DAFTAR_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
# Content security policy (django-csp 4). Strict for the public site, the portal and the API:
# scripts and styles from this site only, or inline with the request's nonce
# (`nonce="{{ request.csp_nonce }}"`); no plugins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": env_list("DAFTAR_CSP_REPORT_URI") or None,
    },
}
# Areas whose third-party front-ends need more; these directives replace the strict ones under
# the prefix. The Wagtail and Django admins render inline scripts and style attributes, preview
# pages in a same-origin frame and show uploaded images as data:/blob: URLs. The API browser
# (DRF) has two inline style attributes. The Swagger UI has its own policy on its view
# (core/api/docs.py).
_ADMIN_CSP = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}
DAFTAR_CSP_PATH_POLICIES = {
    "/admin/": _ADMIN_CSP,
    "/django-admin/": _ADMIN_CSP,
    "/api/v1/": {"style-src-attr": [UNSAFE_INLINE]},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# ID-13: staff second factor. The authenticator apps show this issuer; passkeys belong to
# RP_ID (the site's host name by default) and are accepted from ORIGINS (the request's own
# origin by default; set both behind a proxy that rewrites the host).
OTP_TOTP_ISSUER = "Daftar"
SECOND_FACTOR = {
    "RP_ID": os.environ.get("DAFTAR_WEBAUTHN_RP_ID", ""),
    "ORIGINS": env_list("DAFTAR_WEBAUTHN_ORIGINS"),
}
