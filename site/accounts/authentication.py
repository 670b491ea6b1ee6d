"""Token authentication for API clients: `Authorization: Bearer <token>`."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import TokenAuthentication


class BearerTokenAuthentication(TokenAuthentication):
    keyword = "Bearer"

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if getattr(user, "status", "active") != "active":
            from rest_framework.exceptions import AuthenticationFailed

            raise AuthenticationFailed()
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
            "description": "A token from `POST /api/v1/auth/signin/verify/` with `issue_token`.",
        }


def client_address(request) -> str:
    """The source address for lockout keys (ID-7): REMOTE_ADDR, or the client's address from
    X-Forwarded-For when DAFTAR_NUM_PROXIES says how many trusted proxies add to it."""
    from rest_framework.settings import api_settings
    from rest_framework.throttling import BaseThrottle

    if api_settings.NUM_PROXIES is None:
        return request.META.get("REMOTE_ADDR", "") or ""
    return BaseThrottle().get_ident(request) or ""
