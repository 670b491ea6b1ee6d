"""API clients signed in as a user, for the tests (the `client_for` fixture hands this out)."""

from rest_framework.test import APIClient


def client_for(user, *, language: str | None = "en") -> APIClient:
    """An API client authenticated as `user` (anonymous for None) that asks for `language`
    (English by default: tests compare messages with their English wording); `client.user`
    is the user."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language) if language else APIClient()
    if user is not None:
        client.force_authenticate(user)
    client.user = user
    return client
