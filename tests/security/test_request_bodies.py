"""Hostile request bodies get the API's one error shape: deeply nested JSON and a body over
the size limit answer a JSON 400/413, never a 500 or Django's HTML 400."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/auth/signin/",
    "/api/v1/auth/signin/verify/",
    "/api/v1/accounts/register/",
]


def nested(depth: int) -> bytes:
    """A JSON value nested `depth` levels deep: 30–100 KB of brackets."""
    return b'{"national_id":' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("depth", [15_000, 50_000])
def test_deeply_nested_json_is_a_json_400(path, depth):
    """30–100 KB of nesting used to end in a 500 (RecursionError), also on the anonymous
    sign-in; now it is the 400 `parse_error` of the one error shape."""
    body = nested(depth)
    assert 30_000 <= len(body) <= 100_016
    response = APIClient().generic("POST", path, body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "parse_error"
    assert set(response.json()) == {"code", "message", "fields"}


def test_nesting_deeper_than_the_limit_is_refused_before_the_view():
    """Nesting that the parser survives but no endpoint needs (65 levels) is refused too: a
    serializer or error renderer walking it must never be the first to fail."""
    api = APIClient()
    api.force_authenticate(UserFactory())
    body = b'{"first_name":' + b"[" * 65 + b"]" * 65 + b"}"
    response = api.generic("PATCH", "/api/v1/accounts/me/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
@pytest.mark.parametrize("path", ["/api/v1/auth/signin/", "/api/v1/accounts/me/"])
def test_a_json_body_over_the_size_limit_is_a_json_413(path):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE was Django's HTML 400; now the one shape."""
    api = APIClient()
    method = "POST"
    if path.endswith("/me/"):
        api.force_authenticate(UserFactory())
        method = "PATCH"
    body = b'{"national_id": "' + b"1" * 4096 + b'", "password": "x"}'
    response = api.generic(method, path, body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "request_too_large"


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_a_form_body_over_the_size_limit_is_a_json_413():
    """The same for a form-encoded body (Django parses it before the view sees it)."""
    body = "national_id=" + "1" * 4096
    response = APIClient().generic(
        "POST", "/api/v1/auth/signin/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
