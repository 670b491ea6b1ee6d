"""Signing with acknowledgement and a one-time code; any change voids it (FIL-6)."""

import hashlib

import pytest
from django.core.files.base import ContentFile

from core.exceptions import Conflict, ValidationFailed
from filings import services, signing
from filings.models import Filing, Signature
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


@pytest.mark.rule("FIL-6")
def test_code_goes_to_the_signers_mobile_and_the_signature_records_what_was_signed(
    filer, court, client_for, sms_outbox, django_capture_on_commit_callbacks
):
    """FIL-6: acknowledgement + SMS code; signer, time, method and the SHA-256 of the
    canonical content and file hashes are recorded."""
    filing = ff.prepared(filer, court=court)
    api = client_for(filer)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/filings/{filing.pk}/sign/code/")
    assert response.status_code == 200
    assert [m.recipient for m in sms_outbox] == [str(filer.mobile)]
    code = ff.code(filer)
    assert code in sms_outbox[0].body
    response = api.post(
        f"/api/v1/filings/{filing.pk}/sign/",
        {"acknowledged": False, "code": code},
        format="json",
    )
    assert response.status_code == 400
    assert "acknowledged" in response.json()["fields"]
    response = api.post(
        f"/api/v1/filings/{filing.pk}/sign/", {"acknowledged": True, "code": "000000"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_code"
    response = api.post(f"/api/v1/filings/{filing.pk}/sign/", {"acknowledged": True, "code": code})
    assert response.status_code == 201
    signature = Signature.objects.get(filing=filing)
    expected = hashlib.sha256(signing.serialise(signing.canonical(filing))).hexdigest()
    assert signature.content_hash == expected == filing.content_hash
    assert signature.signer == filer
    assert signature.method == "sms_code"
    assert signature.signed_at is not None
    assert "rights and duties" in signature.acknowledgement
    # The code worked once.
    assert (
        services.signing.check_code(user=filer, filing=filing, purpose="sign", code=code) is False
    )


@pytest.mark.rule("FIL-6")
def test_the_presenting_lawyer_signs_and_sends(filer, court, office):
    """FIL-6: the signer is the lawyer when a lawyer presents the filing; the code goes to
    the lawyer, and the party cannot sign in their place."""
    lawyer = ff.lawyer()
    filing = ff.prepared(filer, court=court, presenter=lawyer)
    with pytest.raises(Exception) as error:
        services.sign_code_request(actor=filer, filing_id=filing.pk)
    assert error.value.__class__.__name__ == "Forbidden"
    code = ff.request_code(lawyer, filing)
    assert ff.code(lawyer) == code  # texted to the lawyer
    signature = services.filing_sign(
        actor=lawyer, filing_id=filing.pk, acknowledged=True, code=code
    )
    assert signature.signer == lawyer
    services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)
    services.pay_online(actor=filer, filing_id=filing.pk, card_prefix="603799")
    code = ff.request_code(lawyer, filing, "send")
    submission, _created = services.filing_send(actor=lawyer, filing_id=filing.pk, code=code)
    assert submission.sent_by == lawyer and submission.signed_by == lawyer


@pytest.mark.rule("FIL-6")
def test_a_changed_content_voids_the_signature(filer, court, office):
    """FIL-6: reopening to change anything voids the signature; the new content must be
    signed again before it can be sent."""
    filing = ff.signed(filer, court=court)
    services.filing_reopen(actor=filer, filing_id=filing.pk)
    services.step_save(
        actor=filer, filing_id=filing.pk, step="text", data={"html": "<p>New text</p>"}
    )
    signature = Signature.objects.get(filing=filing)
    assert signature.voided_at is not None
    services.filing_prepare(actor=filer, filing_id=filing.pk)
    services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)
    services.pay_online(actor=filer, filing_id=filing.pk, card_prefix="603799")
    code = ff.request_code(filer, filing, "send")
    with pytest.raises(Conflict) as error:
        services.filing_send(actor=filer, filing_id=filing.pk, code=code)
    assert error.value.code == "not_signed"


@pytest.mark.rule("FIL-6")
def test_a_file_changed_in_storage_voids_the_signature_at_sending(filer, court, office):
    """FIL-6: the files are hashed again when sending; a stored file that no longer matches
    voids the signature and nothing is sent."""
    filing = ff.paid(filer, court=court, office=office)
    document = filing.documents.get()
    storage = document.file.storage
    storage.delete(document.file.name)
    storage.save(document.file.name, ContentFile(b"%PDF-1.4 tampered"))
    code = ff.request_code(filer, filing, "send")
    with pytest.raises(Conflict) as error:
        services.filing_send(actor=filer, filing_id=filing.pk, code=code)
    assert error.value.code == "signature_void"
    filing.refresh_from_db()
    assert filing.status == Filing.Status.CONFIRMED
    assert Signature.objects.get(filing=filing).voided_at is not None


@pytest.mark.rule("FIL-6")
def test_an_expired_code_is_refused(filer, court):
    import time_machine
    from django.utils import timezone

    filing = ff.prepared(filer, court=court)
    code = ff.request_code(filer, filing)
    later = timezone.now() + timezone.timedelta(minutes=6)
    with time_machine.travel(later), pytest.raises(ValidationFailed):
        services.filing_sign(actor=filer, filing_id=filing.pk, acknowledged=True, code=code)
