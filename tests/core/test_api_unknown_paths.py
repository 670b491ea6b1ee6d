"""Unknown API paths answer the API's JSON 404 whatever the method (found by tests/fuzz)."""

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_unsafe_request_to_an_unknown_api_path_is_a_json_404(signed_in):
    """A POST under /api/ that matches no route is the API's JSON 404, not the pages'
    CSRF failure page (an HTML 403)."""
    api = APIClient(enforce_csrf_checks=True)
    if signed_in:
        api.force_login(UserFactory())
    response = api.post("/api/v1/offices/T/check-in/", {"national_id": "x"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"
