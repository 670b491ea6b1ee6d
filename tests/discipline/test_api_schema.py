"""The discipline API answers as its OpenAPI schema says (found by tests/fuzz)."""

import pytest

from tests.factories import discipline as f
from tests.factories.clients import client_for
from tests.fuzz.conformance import assert_conforms

pytestmark = pytest.mark.django_db


@pytest.mark.rule("DIS-13")
def test_a_case_history_is_the_plain_list_the_schema_documents():
    """DIS-13: a case's history is the whole list of its steps, not a page of them, and the
    schema says so."""
    gd = f.gd()
    case = f.open_case(actor=gd)
    response = client_for(gd).get(f"/api/v1/discipline/cases/{case.pk}/history/")
    assert response.status_code == 200
    steps = response.json()
    assert isinstance(steps, list) and steps and steps[0]["actor"]
    assert_conforms(response, "GET", "/api/v1/discipline/cases/{id}/history/")


@pytest.mark.rule("DIS-4")
def test_each_action_documents_its_own_body_and_answer():
    """Every step is its own endpoint in the schema, with its own body (required where it has
    required fields, none where it takes none) and what it answers."""
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    api = "/api/v1/discipline"

    def operation(path):
        return paths[f"{api}{path}"]["post"]

    def body(path, media="application/json"):
        request = operation(path)["requestBody"]
        assert request["required"] is True
        return request["content"][media]["schema"]["$ref"].rsplit("/", 1)[1]

    def answer(path, code):
        content = operation(path)["responses"][code]["content"]["application/json"]
        return content["schema"]["$ref"].rsplit("/", 1)[1]

    assert body("/cases/{id}/sessions/") == "ScheduleInputRequest"
    assert answer("/cases/{id}/sessions/", "201") == "Session"
    assert body("/cases/{id}/appeal/") == "GroundsInputRequest"
    assert answer("/cases/{id}/appeal/", "201") == "Challenge"
    assert body("/cases/{id}/referrals/") == "ReferralInputRequest"
    assert answer("/cases/{id}/referrals/", "201") == "Case"
    assert body("/cases/{id}/documents/", "multipart/form-data") == "CaseDocumentInputRequest"
    assert body("/sessions/{id}/vote/") == "VoteInputRequest"
    assert answer("/sessions/{id}/ruling/", "201") == "Ruling"
    assert body("/boards/{id}/seats/") == "SeatInputRequest"
    assert "requestBody" not in operation("/rulings/{id}/issue/")
    assert answer("/rulings/{id}/issue/", "200") == "Ruling"
    assert "requestBody" not in operation("/boards/{id}/seats/{seat_id}/end/")
    assert operation("/sessions/{id}/vote/")["summary"].startswith("Cast one's vote")
