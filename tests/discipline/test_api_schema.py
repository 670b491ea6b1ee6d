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
