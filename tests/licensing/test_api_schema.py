"""The licensing API answers as its OpenAPI schema says (found by tests/fuzz)."""

import pytest

from licensing import services
from licensing.models import LicenceRequest
from offices.models import StaffRole
from tests.factories.clients import client_for
from tests.factories.licensing import CallFactory, licence_request, licensing_staff
from tests.factories.offices import qualified_profile
from tests.fuzz.conformance import assert_conforms

pytestmark = pytest.mark.django_db


@pytest.mark.rule("LIC-2")
def test_application_without_a_city_conforms_to_the_schema():
    """LIC-2: an application need not name a city; the API then gives `city: null`."""
    profile = qualified_profile(StaffRole.MANAGER)
    services.application_submit(actor=profile.user, call_id=CallFactory().pk)
    response = client_for(licensing_staff()).get("/api/v1/licensing/applications/")
    assert response.json()["results"][0]["city"] is None
    assert_conforms(response, "GET", "/api/v1/licensing/applications/")


@pytest.mark.rule("LIC-3")
def test_request_without_a_resulting_licence_conforms_to_the_schema():
    """LIC-3: a request has no resulting licence until it is decided."""
    licence_request(LicenceRequest.Kind.SUSPENSION)
    response = client_for(licensing_staff()).get("/api/v1/licensing/requests/")
    assert response.json()["results"][0]["resulting_licence"] is None
    assert_conforms(response, "GET", "/api/v1/licensing/requests/")


@pytest.mark.rule("LIC-1")
def test_a_non_numeric_id_is_a_json_404_not_a_server_error():
    """LIC-1: `/calls/{id}/` and the actions under an id take digits only; anything else is
    the API's JSON 404 (it used to reach the view and fail with a 500)."""
    api = client_for(licensing_staff())
    for path in ("/api/v1/licensing/applications/A%C2%90/accept/", "/api/v1/licensing/calls/x/"):
        response = api.post(path, {"reasons": "x"}) if "accept" in path else api.get(path)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
