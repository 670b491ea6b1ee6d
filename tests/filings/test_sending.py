"""Sending needs a fresh code, freezes an immutable snapshot and happens once (FIL-9,
FIL-12)."""

import threading

import pytest
from django.db import close_old_connections

from core.exceptions import Conflict, ValidationFailed
from core.models import TransitionLog
from filings import services
from filings.models import Filing, Submission
from tests.factories import filings as ff
from tests.factories.messages import delivered

pytestmark = pytest.mark.django_db


@pytest.mark.rule("FIL-9")
def test_sending_needs_a_fresh_code(filer, court, office, client_for):
    """FIL-9 (seed 000): the signing code does not send; a code made before signing does
    not send; a new sending code does, once."""
    filing = ff.prepared(filer, court=court)
    stale = ff.request_code(filer, filing, "send")  # before signing
    code = ff.request_code(filer, filing)
    services.filing_sign(actor=filer, filing_id=filing.pk, acknowledged=True, code=code)
    services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)
    services.pay_online(actor=filer, filing_id=filing.pk, card_prefix="603799")
    api = client_for(filer)
    response = api.post(f"/api/v1/filings/{filing.pk}/send/", {"code": stale})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_code"
    assert Filing.objects.get(pk=filing.pk).status == "confirmed"
    with delivered():
        assert api.post(f"/api/v1/filings/{filing.pk}/send/code/").status_code == 200
    response = api.post(f"/api/v1/filings/{filing.pk}/send/", {"code": ff.code(filer, "send")})
    assert response.status_code == 201


@pytest.mark.rule("FIL-12")
def test_sending_freezes_an_immutable_snapshot(
    filer, court, office, client_for, sms_outbox, django_capture_on_commit_callbacks
):
    """FIL-12: content hash, signer, sender, how they signed in and the payment status are
    frozen; the snapshot cannot be changed; the filer gets the tracking code (FIL-2)."""
    filing = ff.paid(filer, court=court, office=office)
    api = client_for(filer)
    with delivered():
        api.post(f"/api/v1/filings/{filing.pk}/send/code/")
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/filings/{filing.pk}/send/", {"code": ff.code(filer, "send")})
    assert response.status_code == 201
    body = response.json()
    submission = Submission.objects.get(filing=filing)
    filing.refresh_from_db()
    assert body["tracking_code"] == filing.tracking_code == submission.tracking_code
    assert submission.content_hash == filing.content_hash
    assert submission.canonical["documents"][0]["sha256"] == filing.documents.get().sha256
    assert submission.signed_by == filer and submission.sent_by == filer
    assert submission.signed_in_with == "session"
    assert (submission.payment_method, submission.payment_status) == ("online", "succeeded")
    assert submission.amount == filing.fee_total
    assert any(filing.tracking_code in m.body for m in sms_outbox)
    with pytest.raises(TypeError):
        submission.save()
    with pytest.raises(TypeError):
        submission.delete()


@pytest.mark.rule("FIL-12")
def test_the_same_send_is_idempotent(filer, court, office, client_for):
    """FIL-12: the same Idempotency-Key gets the same submission back; another send of a
    sent filing is refused; one log row."""
    filing = ff.paid(filer, court=court, office=office)
    api = client_for(filer)
    with delivered():
        api.post(f"/api/v1/filings/{filing.pk}/send/code/")
    code = ff.code(filer, "send")
    url = f"/api/v1/filings/{filing.pk}/send/"
    first = api.post(url, {"code": code}, HTTP_IDEMPOTENCY_KEY="k-1")
    again = api.post(url, {"code": "whatever"}, HTTP_IDEMPOTENCY_KEY="k-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    other = api.post(url, {"code": code}, HTTP_IDEMPOTENCY_KEY="k-2")
    assert other.status_code == 409
    assert Submission.objects.filter(filing=filing).count() == 1
    assert TransitionLog.objects.filter(object_id=str(filing.pk), transition="send").count() == 1


@pytest.mark.rule("FIL-9")
def test_a_non_operational_office_takes_no_filings(filer, court, office):
    filing = ff.paid(filer, court=court, office=office)
    office.licence_active = False
    office.save()
    code = ff.request_code(filer, filing, "send")
    with pytest.raises(Conflict) as error:
        services.filing_send(actor=filer, filing_id=filing.pk, code=code)
    assert error.value.code == "office_not_operational"
    other = ff.signed(filer, court=court)
    with pytest.raises(ValidationFailed):
        services.fees_compute(actor=filer, filing_id=other.pk, office_code=office.code)


@pytest.mark.rule("FIL-12")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sends_give_one_send():
    """FIL-12: two sends of the same filing at the same moment, in real threads on
    PostgreSQL: one submission, one transition, one tracking code."""
    from tests.factories import UserFactory
    from tests.factories.notices import BranchFactory
    from tests.factories.offices import operational_office

    ff.ensure_fee_schedule()
    filer = UserFactory()
    court = BranchFactory()
    office = operational_office()
    filing = ff.paid(filer, court=court, office=office)
    code = ff.request_code(filer, filing, "send")
    barrier = threading.Barrier(2)
    results = []

    def send(key):
        try:
            barrier.wait()
            submission, created = services.filing_send(
                actor=filer, filing_id=filing.pk, code=code, idempotency_key=key
            )
            results.append(("ok", submission.pk, created))
        except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
            results.append(("error", type(exc).__name__, getattr(exc, "code", "")))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=send, args=(key,)) for key in ("same", "same")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Submission.objects.filter(filing=filing).count() == 1
    assert TransitionLog.objects.filter(object_id=str(filing.pk), transition="send").count() == 1
    oks = [r for r in results if r[0] == "ok"]
    assert len(oks) == 2 and {r[1] for r in oks} == {Submission.objects.get().pk}
    assert sorted(r[2] for r in oks) == [False, True]
    assert Filing.objects.get(pk=filing.pk).status == "sent"
