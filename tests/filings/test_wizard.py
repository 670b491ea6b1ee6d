"""The wizard: kinds, steps, drafts, locked steps, preparation (FIL-1, FIL-3, FIL-4, FIL-10)."""

import pytest

from core.exceptions import Conflict, ValidationFailed
from filings import services
from filings.models import Filing, Kind, Party
from tests.factories import filings as ff
from tests.factories.accounts import legal_entity_id, national_code

pytestmark = pytest.mark.django_db


def states(client, pk):
    return {s["name"]: s["state"] for s in client.get(f"/api/v1/filings/{pk}/").json()["steps"]}


@pytest.mark.rule("FIL-1")
@pytest.mark.parametrize("kind", Kind.values)
def test_every_kind_can_be_opened(filer, client_for, kind):
    """FIL-1: petitions, complaints, defence briefs, requests, documents into a case and
    officials' reports are all filed the same way."""
    response = client_for(filer).post("/api/v1/filings/", {"kind": kind}, format="json")
    assert response.status_code == 201
    assert response.json()["kind"] == kind
    assert response.json()["status"] == "draft"


@pytest.mark.rule("FIL-4")
def test_steps_unlock_in_order(filer, court, client_for):
    """FIL-4: only the first step is open; a later step is locked (409) until the earlier
    ones are saved; signing, fees, payment and sending stay locked until preparing."""
    api = client_for(filer)
    pk = api.post("/api/v1/filings/", {"kind": "defence_brief"}, format="json").json()["id"]
    assert states(api, pk) == {
        "kind": "open",
        "case": "locked",
        "parties": "locked",
        "documents": "locked",
        "presenter": "locked",
        "text": "locked",
        "prepare": "locked",
        "sign": "locked",
        "fees": "locked",
        "payment": "locked",
        "send": "locked",
    }
    response = api.put(f"/api/v1/filings/{pk}/steps/parties/", {"parties": []}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "step_locked"
    response = api.post(
        f"/api/v1/filings/{pk}/documents/",
        {"file": ff.pdf_upload(), "doc_type": "evidence"},
        format="multipart",
    )
    assert response.status_code == 409
    assert api.post(f"/api/v1/filings/{pk}/sign/code/").status_code == 409
    response = api.put(
        f"/api/v1/filings/{pk}/steps/kind/",
        {"subject": "Defence", "court": court.code},
        format="json",
    )
    assert response.status_code == 200
    assert states(api, pk)["case"] == "open"
    assert states(api, pk)["parties"] == "locked"


@pytest.mark.rule("FIL-3")
def test_a_draft_saves_and_resumes_at_every_step(filer, court, client_for):
    """FIL-3: ?draft=true keeps what was typed without completing the step; coming back
    shows it, and the step is still open."""
    api = client_for(filer)
    pk = api.post("/api/v1/filings/", {"kind": "petition"}, format="json").json()["id"]
    response = api.put(
        f"/api/v1/filings/{pk}/steps/kind/?draft=true", {"subject": "Unpaid rent"}, format="json"
    )
    assert response.status_code == 200
    data = api.get(f"/api/v1/filings/{pk}/").json()
    assert data["subject"] == "Unpaid rent"
    assert states(api, pk)["kind"] == "open"
    response = api.put(f"/api/v1/filings/{pk}/steps/kind/", {}, format="json")
    assert response.status_code == 400
    assert "court" in response.json()["fields"]


@pytest.mark.rule("FIL-3")
def test_parties_natural_legal_myself_and_debtor_contracts(filer, court):
    """FIL-3: IDs are validated; "myself" is filled from the account; a debtor needs the
    contract's dates, subject and number."""
    filing = services.filing_create(actor=filer, kind=Kind.REQUEST)
    services.step_save(
        actor=filer, filing_id=filing.pk, step="kind", data={"subject": "x", "court": court.code}
    )
    services.step_save(actor=filer, filing_id=filing.pk, step="case", data={"case_mode": "new"})
    with pytest.raises(ValidationFailed) as error:
        services.step_save(
            actor=filer,
            filing_id=filing.pk,
            step="parties",
            data={
                "parties": [
                    {"role": "creditor", "person_kind": "myself"},
                    {
                        "role": "debtor",
                        "person_kind": "natural",
                        "national_id": "1234567890",
                        "first_name": "A",
                        "last_name": "B",
                    },
                ]
            },
        )
    fields = error.value.fields
    assert "parties.1.national_id" in fields
    assert {
        "parties.1.contract_signed_on",
        "parties.1.contract_subject",
        "parties.1.contract_number",
    } <= set(fields)
    services.step_save(
        actor=filer,
        filing_id=filing.pk,
        step="parties",
        data={
            "parties": [
                {"role": "creditor", "person_kind": "myself"},
                {
                    "role": "debtor",
                    "person_kind": "legal",
                    "legal_id": legal_entity_id(3),
                    "name": "Pars Co.",
                    "contract_signed_on": "2024-01-10",
                    "contract_ends_on": "2025-01-10",
                    "contract_subject": "Loan",
                    "contract_number": "L-77",
                },
                {
                    "role": "guarantor",
                    "person_kind": "natural",
                    "national_id": national_code(5),
                    "first_name": "Sara",
                    "last_name": "Nouri",
                    "contract_signed_on": "2024-01-10",
                    "contract_ends_on": "2025-01-10",
                    "contract_subject": "Loan",
                    "contract_number": "L-77",
                },
            ]
        },
    )
    myself = Party.objects.get(filing=filing, person_kind="myself")
    assert myself.national_id == filer.national_id
    assert myself.last_name == filer.last_name
    assert Party.objects.filter(filing=filing).count() == 3


@pytest.mark.rule("FIL-3")
def test_presenter_lawyer_is_looked_up_and_filled_in(filer, court, client_for):
    """FIL-3 (seed 000): the lawyer's national ID fills in name and bar licence."""
    lawyer = ff.lawyer(first_name="Ali", last_name="Rezaei")
    api = client_for(filer)
    lookup = api.get(f"/api/v1/filings/lawyers/{lawyer.national_id}/")
    assert lookup.json() == {
        "national_id": lawyer.national_id,
        "name": "Ali Rezaei",
        "bar_licence_number": "B-4471",
    }
    assert api.get(f"/api/v1/filings/lawyers/{filer.national_id}/").status_code == 404
    filing = ff.draft(filer, court=court, presenter=lawyer)
    assert filing.presenter_lawyer == lawyer
    assert filing.presenter_name == "Ali Rezaei"
    assert filing.presenter_bar_licence == "B-4471"


@pytest.mark.rule("FIL-3")
def test_text_is_sanitised_or_replaced_by_a_letterhead(filer, court):
    """FIL-3: rich text is cleaned of scripts, links and styles; a scanned letterhead can
    stand instead of the text."""
    filing = ff.draft(filer, court=court)
    services.step_save(
        actor=filer,
        filing_id=filing.pk,
        step="text",
        data={
            "html": '<p onclick="x()">Hi <b>there</b><script>alert(1)</script>'
            '<a href="javascript:x">link</a><img src=x></p>'
        },
    )
    filing.refresh_from_db()
    assert filing.text_html == "<p>Hi <b>there</b>link</p>"
    services.step_save(actor=filer, filing_id=filing.pk, step="text", data={"html": ""}, draft=True)
    with pytest.raises(ValidationFailed):
        services.step_save(actor=filer, filing_id=filing.pk, step="text", data={})
    services.document_add(
        actor=filer,
        filing_id=filing.pk,
        upload=ff.jpeg_upload("letterhead.jpg"),
        doc_type="letter",
        purpose="letterhead",
    )
    services.step_save(actor=filer, filing_id=filing.pk, step="text", data={})
    assert services.filing_prepare(actor=filer, filing_id=filing.pk).status == "confirmed"


@pytest.mark.rule("FIL-4")
def test_prepare_refuses_without_documents_and_names_the_fields(filer, court, client_for):
    """FIL-4: documents are required — a warning while editing, a refusal with the fields
    at fault when preparing."""
    filing = ff.draft(filer, court=court, with_documents=False)
    api = client_for(filer)
    detail = api.get(f"/api/v1/filings/{filing.pk}/").json()
    assert "documents" in detail["warnings"]
    response = api.post(f"/api/v1/filings/{filing.pk}/prepare/")
    assert response.status_code == 400
    assert response.json()["code"] == "incomplete"
    assert "documents" in response.json()["fields"]
    filing.refresh_from_db()
    assert filing.status == Filing.Status.DRAFT


@pytest.mark.rule("FIL-4")
def test_prepare_freezes_the_content_and_unlocks_the_rest(filer, court, client_for):
    """FIL-4: preparing computes the content hash, unlocks signing and fees, and every edit
    is refused until the filer reopens it."""
    filing = ff.prepared(filer, court=court)
    api = client_for(filer)
    assert len(filing.content_hash) == 64
    steps = states(api, filing.pk)
    assert steps["sign"] == "open" and steps["fees"] == "open"
    assert steps["payment"] == "locked" and steps["send"] == "locked"
    response = api.put(
        f"/api/v1/filings/{filing.pk}/steps/kind/", {"subject": "changed"}, format="json"
    )
    assert response.status_code == 409
    with pytest.raises(Conflict):
        services.document_add(
            actor=filer, filing_id=filing.pk, upload=ff.pdf_upload(), doc_type="evidence"
        )


@pytest.mark.rule("FIL-10")
def test_a_document_into_an_existing_case(filer, court, office, client_for):
    """FIL-10 (seed 002 §8): type, file, signature — into an existing case only."""
    filing = services.filing_create(actor=filer, kind=Kind.CASE_DOCUMENT)
    api = client_for(filer)
    assert [s["name"] for s in api.get(f"/api/v1/filings/{filing.pk}/").json()["steps"]][:3] == [
        "kind",
        "case",
        "documents",
    ]
    services.step_save(
        actor=filer,
        filing_id=filing.pk,
        step="kind",
        data={"subject": "Expert report", "court": court.code},
    )
    with pytest.raises(ValidationFailed) as error:
        services.step_save(actor=filer, filing_id=filing.pk, step="case", data={"case_mode": "new"})
    assert "case_mode" in error.value.fields
    filing = ff.sent(filer, court=court, office=office, kind=Kind.CASE_DOCUMENT)
    assert filing.status == Filing.Status.SENT
    assert filing.case_number == ff.EXISTING_CASE
    assert filing.signatures.get().signer == filer
