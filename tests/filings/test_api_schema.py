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
