"""Fees as data with effective dates, and payment: online (success, failure, timeout),
already paid, exemption, and reuse of a rejected filing's receipt once (FIL-7, FIL-8)."""

import datetime as dt
from decimal import Decimal

import pytest

from core.exceptions import Conflict, ValidationFailed
from filings import fees, services
from filings.models import CourtFeeRule, Filing, Kind, Payment, ServiceTariff
from filings.payments import TestGateway
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


@pytest.fixture
def priced(filer, court, office):
    filing = ff.signed(filer, court=court)
    return services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)


@pytest.mark.rule("FIL-7")
def test_court_fee_by_kind_and_claim_value_plus_the_office_tariff(office):
    """FIL-7: Decimal amounts from data with effective dates; the office's own tariff wins
    over the default; a rule not yet in force is not used."""
    today = dt.date(2025, 6, 1)
    fee = fees.compute(
        kind=Kind.PETITION, claim_value=Decimal("150000000"), office=office, on=today
    )
    assert fee.court_fee == Decimal("3750000")  # 2.5 %
    assert fee.service_fee == Decimal("450000")
    assert isinstance(fee.total, Decimal) and fee.total == Decimal("4200000")
    assert fees.compute(
        kind=Kind.PETITION, claim_value=None, office=office, on=today
    ).court_fee == (Decimal("1500000"))
    ServiceTariff.objects.create(office=office, amount=Decimal("500000"), effective_from=today)
    CourtFeeRule.objects.create(
        kind=Kind.DEFENCE_BRIEF,
        fixed_amount=Decimal("99"),
        effective_from=dt.date(2030, 1, 1),
    )
    fee = fees.compute(kind=Kind.DEFENCE_BRIEF, claim_value=None, office=office, on=today)
    assert (fee.court_fee, fee.service_fee) == (Decimal("0"), Decimal("500000"))
    later = fees.compute(
        kind=Kind.DEFENCE_BRIEF, claim_value=None, office=office, on=dt.date(2030, 2, 1)
    )
    assert later.court_fee == Decimal("99")


@pytest.mark.rule("FIL-7")
def test_online_payment_success(filer, priced, client_for):
    response = client_for(filer).post(
        f"/api/v1/filings/{priced.pk}/payments/",
        {"method": "online", "card_prefix": "603799"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "succeeded"
    assert len(body["receipt_number"]) == 9
    assert Decimal(body["amount"]) == priced.fee_total
    payment = Payment.objects.get(pk=body["id"])
    assert TestGateway.charges(str(payment.reference)) == 1


@pytest.mark.rule("FIL-7")
def test_a_failed_payment_leaves_the_filing_unpaid_and_payable_again(filer, priced, client_for):
    """FIL-7: a declined card leaves the filing unpaid; paying again works."""
    api = client_for(filer)
    url = f"/api/v1/filings/{priced.pk}/payments/"
    response = api.post(url, {"method": "online", "card_prefix": "111111"}, format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "failed"
    steps = {
        s["name"]: s["state"] for s in api.get(f"/api/v1/filings/{priced.pk}/").json()["steps"]
    }
    assert steps["payment"] == "open" and steps["send"] == "locked"
    response = api.post(url, {"method": "online", "card_prefix": "603799"}, format="json")
    assert response.json()["status"] == "succeeded"
    assert Payment.objects.filter(filing=priced).count() == 2


@pytest.mark.rule("FIL-7")
def test_a_timeout_leaves_the_payment_pending_and_a_status_check_settles_it(
    filer, priced, client_for
):
    """FIL-7: no answer in time → pending (202); paying again is refused while pending, so
    nothing is charged twice; the status check settles it without charging."""
    api = client_for(filer)
    url = f"/api/v1/filings/{priced.pk}/payments/"
    response = api.post(url, {"method": "online", "card_prefix": "222222"}, format="json")
    assert response.status_code == 202
    pending = response.json()
    assert pending["status"] == "pending"
    again = api.post(url, {"method": "online", "card_prefix": "603799"}, format="json")
    assert again.status_code == 409
    assert again.json()["code"] == "payment_pending"
    checked = api.post(f"{url}{pending['id']}/check/")
    assert checked.json()["status"] == "succeeded"
    payment = Payment.objects.get(pk=pending["id"])
    assert TestGateway.charges(str(payment.reference)) == 1
    assert api.post(f"{url}{pending['id']}/check/").json()["status"] == "succeeded"
    assert TestGateway.charges(str(payment.reference)) == 1


@pytest.mark.rule("FIL-7")
def test_a_timeout_that_never_charged_settles_as_failed(filer, priced):
    payment = services.pay_online(actor=filer, filing_id=priced.pk, card_prefix="333333")
    assert payment.status == Payment.Status.PENDING
    payment = services.payment_check(actor=filer, filing_id=priced.pk, payment_id=payment.pk)
    assert payment.status == Payment.Status.FAILED


@pytest.mark.rule("FIL-7")
def test_already_paid_with_a_nine_digit_receipt_used_once(filer, court, office, priced):
    """FIL-7 (seed 002): "already paid" takes a 9-digit receipt number, which settles one
    filing only."""
    with pytest.raises(ValidationFailed):
        services.pay_with_receipt(actor=filer, filing_id=priced.pk, receipt_number="12345")
    payment = services.pay_with_receipt(
        actor=filer, filing_id=priced.pk, receipt_number="123456789"
    )
    assert payment.status == Payment.Status.SUCCEEDED
    other = ff.signed(filer, court=court)
    services.fees_compute(actor=filer, filing_id=other.pk, office_code=office.code)
    with pytest.raises(Conflict) as error:
        services.pay_with_receipt(actor=filer, filing_id=other.pk, receipt_number="123456789")
    assert error.value.code == "receipt_used"


@pytest.mark.rule("FIL-7")
def test_fee_exemption_with_reason_and_proof(filer, priced, client_for):
    """FIL-7 (seed 002): exemption needs its ground and a proof document; the court fee is
    waived, the office's tariff is not."""
    api = client_for(filer)
    url = f"/api/v1/filings/{priced.pk}/payments/"
    response = api.post(url, {"method": "exempt", "exemption_reason": "legal_aid"})
    assert response.status_code == 400
    assert "proof" in response.json()["fields"]
    response = api.post(
        url,
        {
            "method": "exempt",
            "exemption_reason": "legal_aid",
            "exemption_text": "Legal aid decision 12/1404",
            "proof": ff.pdf_upload("decision.pdf"),
        },
        format="multipart",
    )
    assert response.status_code == 201
    payment = Payment.objects.get(pk=response.json()["id"])
    assert payment.method == "exempt" and payment.proof.purpose == "exemption_proof"
    assert payment.amount == priced.service_fee


@pytest.mark.rule("FIL-8")
def test_a_rejected_filings_receipt_is_reusable_exactly_once(filer, court, office, staff, clerk):
    """FIL-8: after the court rejects a filing, its receipt pays for one new filing — not
    two — and an accepted filing's receipt cannot be reused."""
    rejected = ff.forwarded(filer, court=court, office=office, staff=staff)
    services.court_reject(
        actor=clerk,
        filing_id=rejected.pk,
        category="formal",
        text="Missing power of attorney",
    )
    receipt = Payment.objects.get(filing=rejected, status="succeeded").receipt_number
    first = ff.signed(filer, court=court)
    services.fees_compute(actor=filer, filing_id=first.pk, office_code=office.code)
    payment = services.pay_by_reuse(actor=filer, filing_id=first.pk, receipt_number=receipt)
    assert payment.method == "reused" and payment.status == "succeeded"
    second = ff.signed(filer, court=court)
    services.fees_compute(actor=filer, filing_id=second.pk, office_code=office.code)
    with pytest.raises(Conflict) as error:
        services.pay_by_reuse(actor=filer, filing_id=second.pk, receipt_number=receipt)
    assert error.value.code == "receipt_reused"
    assert Payment.objects.filter(reused_from__receipt_number=receipt).count() == 1


@pytest.mark.rule("FIL-8")
def test_a_live_filings_receipt_cannot_be_reused(filer, court, office):
    live = ff.sent(filer, court=court, office=office)
    receipt = Payment.objects.get(filing=live).receipt_number
    other = ff.signed(filer, court=court)
    services.fees_compute(actor=filer, filing_id=other.pk, office_code=office.code)
    with pytest.raises(Conflict) as error:
        services.pay_by_reuse(actor=filer, filing_id=other.pk, receipt_number=receipt)
    assert error.value.code == "receipt_not_reusable"
    assert Filing.objects.get(pk=other.pk).payments.count() == 0
