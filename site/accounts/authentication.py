"""Token authentication for API clients: `Authorization: Bearer <token>`."""

from rest_framework.authentication import TokenAuthentication


class BearerTokenAuthentication(TokenAuthentication):
    keyword = "Bearer"

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if getattr(user, "status", "active") != "active":
            from rest_framework.exceptions import AuthenticationFailed

            raise AuthenticationFailed()
        return user, token
