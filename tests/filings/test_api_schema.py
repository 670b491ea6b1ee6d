"""The filings API answers as its OpenAPI schema says (found by tests/fuzz)."""

import pytest

from tests.fuzz.conformance import assert_conforms

pytestmark = pytest.mark.django_db


@pytest.mark.rule("FIL-3")
def test_a_new_draft_conforms_to_the_schema(filer, client_for):
    """FIL-3: a draft saved after the first step has no case mode or presenter yet: both are
    "" and the schema's enums allow it."""
    response = client_for(filer).post("/api/v1/filings/", {"kind": "request"}, format="json")
    assert response.status_code == 201
    assert response.json()["case_mode"] == "" and response.json()["presenter_kind"] == ""
    assert_conforms(response, "POST", "/api/v1/filings/")
