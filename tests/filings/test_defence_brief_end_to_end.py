"""A lawyer files a defence brief the way seed 000 describes, from draft to the court's
acceptance and the stamped receipt (FIL-2, FIL-3, FIL-4, FIL-6, FIL-7, FIL-9, FIL-12)."""

import pytest

from courts import seal
from filings.models import Filing
from notices.models import Notice
from tests.factories import filings as ff
from tests.factories.accounts import national_code

pytestmark = pytest.mark.django_db


@pytest.mark.rule("CAS-5")
@pytest.mark.rule("FIL-2")
@pytest.mark.rule("FIL-3")
@pytest.mark.rule("FIL-4")
@pytest.mark.rule("FIL-6")
@pytest.mark.rule("FIL-9")
@pytest.mark.rule("FIL-12")
def test_defence_brief_from_draft_to_stamped_receipt(
    court, office, staff, clerk, client_for, sms_outbox, django_capture_on_commit_callbacks
):
    ff.ensure_fee_schedule()
    lawyer = ff.lawyer(first_name="Saeed", last_name="Zarkhord", mobile="+989141110000")
    api = client_for(lawyer)

    def steps(pk):
        return {s["name"]: s["state"] for s in api.get(f"/api/v1/filings/{pk}/").json()["steps"]}

    # 2-4. Subject: defence brief; add; next.
    pk = api.post("/api/v1/filings/", {"kind": "defence_brief"}, format="json").json()["id"]
    assert (
        api.put(
            f"/api/v1/filings/{pk}/steps/kind/",
            {"subject": "Defence brief in the claim for the price of goods", "court": court.code},
            format="json",
        ).status_code
        == 200
    )
    # 5. Case information (required): the existing case.
    assert (
        api.put(
            f"/api/v1/filings/{pk}/steps/case/",
            {"case_mode": "existing", "case_number": ff.EXISTING_CASE},
            format="json",
        ).status_code
        == 200
    )
    assert (
        api.put(
            f"/api/v1/filings/{pk}/steps/parties/",
            {
                "parties": [
                    {"role": "lawyer", "person_kind": "myself"},
                    {
                        "role": "defendant",
                        "person_kind": "natural",
                        "national_id": national_code(11),
                        "first_name": "Maryam",
                        "last_name": "Ahmadi",
                    },
                ]
            },
            format="json",
        ).status_code
        == 200
    )
    # 6. Documents: a warning when moving on without any.
    response = api.put(f"/api/v1/filings/{pk}/steps/documents/", {}, format="json")
    assert "documents" in response.json()["warnings"]
    # 7. Presenter: tick "lawyer", enter the national ID, everything is filled in.
    body = api.put(
        f"/api/v1/filings/{pk}/steps/presenter/",
        {"presenter_kind": "lawyer", "lawyer_national_id": lawyer.national_id},
        format="json",
    ).json()
    assert body["presenter_name"] == "Saeed Zarkhord"
    assert body["presenter_bar_licence"] == lawyer.bar_licence_number
    # Text, then a temporary save.
    api.put(
        f"/api/v1/filings/{pk}/steps/text/?draft=true",
        {"title": "Defence", "html": "<p>The claim is unfounded.</p>"},
        format="json",
    )
    api.put(f"/api/v1/filings/{pk}/steps/text/", {}, format="json")
    # 9. Back to the list: the first options are open, the rest locked.
    state = steps(pk)
    assert state["sign"] == state["fees"] == state["payment"] == state["send"] == "locked"
    # 10. Attachments scanned as JPEG.
    response = api.post(
        f"/api/v1/filings/{pk}/documents/",
        {"file": ff.jpeg_upload("annex-1.jpg"), "doc_type": "evidence", "title": "Invoice"},
        format="multipart",
    )
    assert response.status_code == 201
    # 11. Prepare for fee calculation and sending: everything unlocks.
    assert api.post(f"/api/v1/filings/{pk}/prepare/").json()["status"] == "confirmed"
    state = steps(pk)
    assert state["sign"] == "open" and state["fees"] == "open"
    # 12. Electronic signature with the temporary code sent to the lawyer's mobile.
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/filings/{pk}/sign/code/")
    assert sms_outbox[-1].recipient == "+989141110000"
    code = ff.code(lawyer)
    signed = api.post(f"/api/v1/filings/{pk}/sign/", {"acknowledged": True, "code": code})
    assert signed.status_code == 201
    # 13-14. Choose the office, compute court fee and tariff, pay online.
    fee = api.post(f"/api/v1/filings/{pk}/fees/", {"office": office.code}).json()
    assert fee["fee_total"] == "450000"
    payment = api.post(
        f"/api/v1/filings/{pk}/payments/", {"method": "online", "card_prefix": "603799"}
    ).json()
    assert payment["status"] == "succeeded"
    # 15. Send to the office with a new temporary code.
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/filings/{pk}/send/code/")
    code = ff.code(lawyer, "send")
    sent = api.post(f"/api/v1/filings/{pk}/send/", {"code": code}, HTTP_IDEMPOTENCY_KEY="e2e")
    assert sent.status_code == 201
    tracking = sent.json()["tracking_code"]
    # The office verifies the originals and forwards; the court accepts.
    office_api = client_for(staff)
    assert office_api.post(f"/api/v1/filings/{pk}/verify/").status_code == 200
    assert office_api.post(f"/api/v1/filings/{pk}/forward/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(clerk).post(f"/api/v1/filings/{pk}/accept/").status_code == 200
    assert Filing.objects.get(pk=pk).status == "accepted"
    receipt = api.get(f"/api/v1/filings/{pk}/receipt/")
    pdf = b"".join(receipt.streaming_content)
    # CAS-5: the stamped receipt carries the court's seal, and a changed byte breaks it.
    assert pdf.startswith(b"%PDF") and seal.verify_pdf(pdf)
    tampered = bytearray(pdf)
    tampered[len(pdf) // 3] ^= 0x01
    assert not seal.verify_pdf(bytes(tampered))
    assert Notice.objects.filter(recipient_user=lawyer, subject__contains=tracking).exists()
    assert any(tracking in m.body for m in sms_outbox if m.purpose == "filings.accepted")
