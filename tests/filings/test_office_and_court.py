"""The office queue (FIL-9), the court's answer and returns (FIL-8), the office channel
(FIL-2)."""

import pytest

from core.exceptions import Conflict, NotFound
from filings import services
from filings.models import Filing, StampedReceipt
from notices.models import Notice
from tests.factories import filings as ff
from tests.factories.messages import delivered

pytestmark = pytest.mark.django_db


@pytest.mark.rule("FIL-9")
def test_an_office_sees_only_its_own_queue(
    filer, court, office, staff, other_office, other_staff, client_for
):
    """FIL-9: incoming filings of that office only; office B's staff get 404 on office A's
    filing, and cannot act on it."""
    mine = ff.sent(filer, court=court, office=office)
    theirs = ff.sent(filer, court=court, office=other_office)
    ff.prepared(filer, court=court)  # not sent: in no queue
    api = client_for(staff)
    ids = [row["id"] for row in api.get("/api/v1/filings/office/").json()["results"]]
    assert ids == [mine.pk]
    other = client_for(other_staff)
    assert other.get(f"/api/v1/filings/{mine.pk}/").status_code == 404
    assert other.post(f"/api/v1/filings/{mine.pk}/verify/").status_code == 404
    assert other.get(f"/api/v1/filings/{theirs.pk}/").status_code == 200
    assert Filing.objects.get(pk=mine.pk).status == "sent"
    assert client_for(filer).get("/api/v1/filings/office/").status_code == 403


@pytest.mark.rule("FIL-9")
def test_verify_and_forward_tell_the_filer_the_tracking_code(
    filer, court, office, staff, client_for, sms_outbox, django_capture_on_commit_callbacks
):
    """FIL-9 (art. 5, 7): the office verifies the originals, forwards to the court, and the
    tracking code and the office's confirmation go to the filer."""
    filing = ff.sent(filer, court=court, office=office)
    api = client_for(staff)
    assert api.post(f"/api/v1/filings/{filing.pk}/verify/").json()["status"] == "verified"
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/filings/{filing.pk}/forward/")
    assert response.json()["status"] == "forwarded"
    message = [m for m in sms_outbox if m.purpose == "filings.forwarded"][0]
    assert message.recipient == str(filer.mobile)
    assert filing.tracking_code in message.body and office.name_fa in message.body


@pytest.mark.rule("FIL-8")
def test_return_for_correction_with_a_reason_and_copy_into_a_new_draft(
    filer, court, office, staff, client_for
):
    """FIL-8: a return carries a category and a text; the filer copies the filing into a new
    draft with the same content and files."""
    filing = ff.sent(filer, court=court, office=office)
    api = client_for(staff)
    response = api.post(
        f"/api/v1/filings/{filing.pk}/return/", {"reason_category": "bogus", "reason": "x"}
    )
    assert response.status_code == 400
    response = api.post(
        f"/api/v1/filings/{filing.pk}/return/",
        {"reason_category": "originals_mismatch", "reason": "Page 2 differs"},
    )
    body = response.json()
    assert body["status"] == "returned"
    assert (body["reason_category"], body["reason_text"]) == (
        "originals_mismatch",
        "Page 2 differs",
    )
    response = client_for(filer).post(f"/api/v1/filings/{filing.pk}/copy/")
    assert response.status_code == 201
    copy = Filing.objects.get(pk=response.json()["id"])
    assert copy.status == "draft" and copy.copied_from_id == filing.pk
    assert copy.text_html == filing.text_html
    assert [d.sha256 for d in copy.documents.all()] == [d.sha256 for d in filing.documents.all()]
    assert copy.documents.get().file.name != filing.documents.get().file.name
    assert services.filing_prepare(actor=filer, filing_id=copy.pk).status == "confirmed"


@pytest.mark.rule("FIL-8")
def test_court_accept_makes_a_stamped_pdf_and_a_notice(
    filer, court, office, staff, clerk, client_for, sms_outbox, django_capture_on_commit_callbacks
):
    """FIL-8: the court clerk accepts; a stamped PDF receipt with the tracking code is made,
    a notice is issued to the filer and SMS/email tell them."""
    filing = ff.forwarded(filer, court=court, office=office, staff=staff)
    api = client_for(clerk)
    assert [r["id"] for r in api.get("/api/v1/filings/court/").json()["results"]] == [filing.pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/filings/{filing.pk}/accept/")
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    pdf = client_for(filer).get(f"/api/v1/filings/{filing.pk}/receipt/")
    content = b"".join(pdf.streaming_content)
    assert pdf["Content-Type"] == "application/pdf"
    assert content.startswith(b"%PDF")
    import io

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert filing.tracking_code in text
    assert StampedReceipt.objects.filter(filing=filing).exists()
    notice = Notice.objects.get(recipient_user=filer)
    assert notice.branch == court and notice.case_number == ff.EXISTING_CASE
    assert filing.tracking_code in notice.subject
    assert any(m.purpose == "filings.accepted" for m in sms_outbox)


@pytest.mark.rule("FIL-8")
def test_court_reject_needs_a_reason_and_tells_the_filer(
    filer, court, office, staff, clerk, client_for
):
    """FIL-8: a rejection carries a category and text; a new case needs the court's case
    number; the filer gets a notice."""
    filing = ff.forwarded(filer, court=court, office=office, staff=staff, kind="petition")
    api = client_for(clerk)
    url = f"/api/v1/filings/{filing.pk}/reject/"
    response = api.post(url, {"reason_category": "jurisdiction", "reason": "Tehran court"})
    assert response.status_code == 400
    assert "case_number" in response.json()["fields"]
    response = api.post(
        url,
        {
            "reason_category": "jurisdiction",
            "reason": "Belongs to the Tehran court",
            "case_number": "1404000011112222",
        },
    )
    assert response.json()["status"] == "rejected"
    notice = Notice.objects.get(recipient_user=filer)
    assert "Belongs to the Tehran court" in notice.body
    assert notice.case_number == "1404000011112222"


@pytest.mark.rule("FIL-8")
def test_the_court_can_return_for_correction(filer, court, office, staff, clerk):
    filing = ff.forwarded(filer, court=court, office=office, staff=staff)
    filing = services.court_return(
        actor=clerk, filing_id=filing.pk, category="parties", text="Defendant's address missing"
    )
    assert filing.status == "returned"


@pytest.mark.rule("FIL-8")
def test_cancel_only_before_the_review_starts(filer, court, office, staff):
    """FIL-8: the filer cancels a draft, a prepared or a sent filing; once the office has
    verified it, no more."""
    assert (
        services.filing_cancel(actor=filer, filing_id=ff.draft(filer, court=court).pk).status
        == "cancelled"
    )
    sent = ff.sent(filer, court=court, office=office)
    assert services.filing_cancel(actor=filer, filing_id=sent.pk).status == "cancelled"
    verified = ff.verified(filer, court=court, office=office, staff=staff)
    with pytest.raises(Conflict):
        services.filing_cancel(actor=filer, filing_id=verified.pk)


@pytest.mark.rule("FIL-2")
def test_the_office_channel(filer, court, office, staff, other_office, client_for):
    """FIL-2 (art. 6): the office opens the filing for the person present, computes the fee,
    takes payment; the person signs with the code sent to their own mobile; sent to that
    office directly."""
    api = client_for(staff)
    response = api.post(
        "/api/v1/filings/office/",
        {"kind": "request", "office": office.code, "filer_national_id": filer.national_id},
        format="json",
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    assert response.json()["channel"] == "office"
    refused = api.post(
        "/api/v1/filings/office/",
        {"kind": "request", "office": other_office.code, "filer_national_id": filer.national_id},
        format="json",
    )
    assert refused.status_code == 403
    filing = Filing.objects.get(pk=pk)
    ff.fill(filing, staff, court=court)
    services.filing_prepare(actor=staff, filing_id=pk)
    with delivered():
        sent = services.sign_code_request(actor=staff, filing_id=pk)
    assert sent["sent_to"].endswith(str(filer.mobile)[-3:])
    code = ff.code(filer)
    signature = services.filing_sign(actor=staff, filing_id=pk, acknowledged=True, code=code)
    assert signature.signer == filer and signature.entered_by == staff
    services.fees_compute(actor=staff, filing_id=pk)
    services.pay_with_receipt(actor=staff, filing_id=pk, receipt_number="555444333")
    code = ff.request_code(staff, Filing.objects.get(pk=pk), "send")
    submission, _created = services.filing_send(actor=staff, filing_id=pk, code=code)
    assert submission.office == office and submission.sent_by == staff
    assert client_for(filer).get(f"/api/v1/filings/{pk}/").status_code == 200
    with pytest.raises(NotFound):
        services.office_verify(actor=client_for(other_office.people["clerk"][0]).user, filing_id=pk)
