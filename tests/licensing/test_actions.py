"""The licensing steps declared once (`licensing.actions`): the API's step endpoints are
generated from the tables, each documented with its own body (LIC-2, LIC-3); the request page's
forms use the same table (tests/licensing/test_pages.py)."""

import pytest

from licensing import services
from licensing.actions import APPLICATION_ACTIONS, REQUEST_ACTIONS
from licensing.models import Application
from offices.models import StaffRole
from tests.factories.clients import client_for
from tests.factories.licensing import CallFactory, licensing_staff
from tests.factories.offices import qualified_profile
from tests.fuzz.conformance import served_schema

pytestmark = pytest.mark.django_db


def _required(serializer_class) -> bool:
    return any(field.required for field in serializer_class().fields.values())


@pytest.mark.rule("LIC-3")
def test_each_step_documents_its_own_body_required_when_it_has_required_fields():
    """LIC-3: each step's endpoint documents its own input and summary: the proposal, the
    opinion and the decision require a body (decision and reasons); taking a request up and
    cancelling it take an optional reason; running the vetting again takes none."""
    paths = served_schema().raw_schema["paths"]
    for table, prefix in ((REQUEST_ACTIONS, "requests"), (APPLICATION_ACTIONS, "applications")):
        for act in table:
            operation = paths[f"/api/v1/licensing/{prefix}/{{id}}/{act.path}/"]["post"]
            assert operation["summary"] == act.summary
            if act.input is None:
                assert "requestBody" not in operation, act.name
                continue
            body = operation["requestBody"]
            media = "multipart/form-data" if act.multipart else "application/json"
            assert body["content"][media]["schema"]["$ref"].endswith(
                f"/{act.input.__name__}Request"
            ), act.name
            assert body.get("required", False) is _required(act.input), act.name
    propose = paths["/api/v1/licensing/requests/{id}/propose/"]["post"]["requestBody"]
    assert propose["required"] is True


@pytest.mark.rule("LIC-2")
def test_a_step_still_takes_a_form_or_multipart_body():
    """LIC-2: the generated endpoints keep the API's parsers: a step without files accepts a
    JSON, form or multipart body alike."""
    profile = qualified_profile(StaffRole.MANAGER)
    application = services.application_submit(actor=profile.user, call_id=CallFactory().pk)
    response = client_for(licensing_staff()).post(
        f"/api/v1/licensing/applications/{application.pk}/accept/",
        {"reasons": "Meets every condition."},
        format="multipart",
    )
    assert response.status_code == 200
    assert response.json()["status"] == Application.Status.ACCEPTED
