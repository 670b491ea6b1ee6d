"""Token authentication for API clients: `Authorization: Bearer <token>` (ID-12).

The tokens are django-rest-knox's: one per device, only a SHA-512 digest stored, an expiry
(`REST_KNOX["TOKEN_TTL"]`); the owner lists and revokes them (`/api/v1/accounts/me/tokens/`).
"""

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from knox.auth import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

# How often the "last used" time of a token is written (not on every request).
LAST_USED_EVERY = 300


class BearerTokenAuthentication(TokenAuthentication):
    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        if getattr(user, "status", "active") != "active":
            raise AuthenticationFailed()
        from accounts.second_factor.gate import check_token

        check_token(user, token)  # a staff token needs the sign-in's second factor (ID-13)
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > (
            LAST_USED_EVERY
        ):
            type(token).objects.filter(pk=token.pk).update(last_used_at=now)
        return user, token


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Documents the token as an HTTP bearer scheme in /api/schema/."""

    target_class = "accounts.authentication.BearerTokenAuthentication"
    name = "bearerAuth"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A device token from `POST /api/v1/auth/signin/verify/` with `issue_token` "
                "(and optionally `device_name`). It expires; `GET /api/v1/accounts/me/tokens/` "
                "lists the account's tokens and `DELETE` on one revokes it. A password change "
                "or recovery revokes every token."
            ),
        }


def client_address(request) -> str:
    """The source address for lockout keys (ID-7): REMOTE_ADDR, or the client's address from
    X-Forwarded-For when DAFTAR_NUM_PROXIES says how many trusted proxies add to it."""
    from rest_framework.settings import api_settings
    from rest_framework.throttling import BaseThrottle

    if api_settings.NUM_PROXIES is None:
        return request.META.get("REMOTE_ADDR", "") or ""
    return BaseThrottle().get_ident(request) or ""
