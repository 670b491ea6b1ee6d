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


@pytest.mark.rule("FIL-4")
def test_a_document_downloads_in_a_content_type_the_schema_documents(
    filer, court, client_for, client
):
    """FIL-4: a document is served in its own checked type (PDF here, JPEG or PNG for a
    scan), and the schema documents each of those types for the download."""
    from tests.factories import filings as ff

    filing = ff.draft(filer, court=court)
    document = filing.documents.first()
    response = client_for(filer).get(f"/api/v1/filings/{filing.pk}/documents/{document.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == document.content_type == "application/pdf"
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    download = schema["paths"]["/api/v1/filings/{id}/documents/{document_id}/file/"]["get"]
    assert {"application/pdf", "image/jpeg", "image/png"} <= set(
        download["responses"]["200"]["content"]
    )


STEP_BODIES = {
    "kind": "KindStepRequest",
    "case": "CaseStepRequest",
    "parties": "PartiesStepRequest",
    "presenter": "PresenterStepRequest",
    "text": "TextStepRequest",
}


@pytest.fixture
def schema(client):
    return client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


@pytest.mark.rule("FIL-3")
def test_each_wizard_step_documents_its_own_body(schema):
    """FIL-3: every step's PUT documents the fields of that step (they used to share the
    text step's), with `?draft` as a query parameter; the documents step takes no body."""
    for step, component in STEP_BODIES.items():
        put = schema["paths"][f"/api/v1/filings/{{id}}/steps/{step}/"]["put"]
        refs = {c["schema"]["$ref"] for c in put["requestBody"]["content"].values()}
        assert refs == {f"#/components/schemas/{component}"}, step
        assert "draft" in {p["name"] for p in put["parameters"]}, step
        assert "draft" not in schema["components"]["schemas"][component]["properties"], step
    documents = schema["paths"]["/api/v1/filings/{id}/steps/documents/"]["put"]
    assert "requestBody" not in documents
    assert set(schema["components"]["schemas"]["PartiesStepRequest"]["required"]) == {"parties"}


@pytest.mark.rule("FIL-8")
def test_actions_that_need_a_body_document_it_as_required(schema):
    """FIL-6 … FIL-9: the actions with required fields say their body is required; those
    with none take an optional body or none at all."""
    paths = schema["paths"]
    for action in ("return", "court-return", "reject", "sign", "send", "payments"):
        assert paths[f"/api/v1/filings/{{id}}/{action}/"]["post"]["requestBody"]["required"]
    for action in ("accept", "cancel", "fees", "verify"):
        body = paths[f"/api/v1/filings/{{id}}/{action}/"]["post"]["requestBody"]
        assert not body.get("required"), action
    for action in ("prepare", "reopen", "copy", "forward", "sign/code", "send/code"):
        assert "requestBody" not in paths[f"/api/v1/filings/{{id}}/{action}/"]["post"], action
    send = paths["/api/v1/filings/{id}/send/"]["post"]
    assert "Idempotency-Key" in {p["name"] for p in send["parameters"]}
    assert set(schema["components"]["schemas"]["FilingCodeRequest"]["properties"]) == {"code"}
