"""The API answers in the caller's language (Persian by default, English on request)."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_follows_accept_language(api):
    english = api.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="en")
    persian = api.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="fa")
    default = api.get("/api/v1/no-such-thing/")
    assert english.json()["message"] == "Not found."
    assert english.headers["Content-Language"] == "en"
    assert persian.json()["message"] != "Not found."
    assert persian.headers["Content-Language"] == "fa"
    assert default.headers["Content-Language"] == "fa"
    assert "Accept-Language" in english.headers["Vary"]
