"""Online payment through a card gateway's redirect-and-verify protocol, against the
simulator on loopback (FIL-7, FIL-8): the payer is sent to the gateway's page and back, the
payment is verified server to server and settled once; lost answers are reconciled by the
sweep; forged callbacks change nothing; money that cannot be settled is given back."""

import datetime as dt

import pytest
import requests
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from core.models import TransitionLog
from core.sweeping import run_all
from filings import services
from filings.models import Payment
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db

LATER = dt.timedelta(minutes=20)  # past FILINGS["PAYMENT_RECONCILE_AFTER"]


@pytest.fixture
def priced(filer, court, office):
    filing = ff.signed(filer, court=court)
    return services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)


def browser(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def start(api, filing) -> dict:
    response = api.post(
        f"/api/v1/filings/{filing.pk}/payments/", {"method": "online"}, format="json"
    )
    assert response.status_code == 202, response.content
    return response.json()


def back_from_gateway(redirect_url: str, outcome: str = "pay") -> str:
    """The payer on the gateway's page: pays (or cancels); where the gateway sends them."""
    answer = requests.get(f"{redirect_url}?outcome={outcome}", allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    return answer.headers["Location"].removeprefix("http://testserver")


def transitions(payment) -> list[str]:
    return list(
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Payment), object_id=str(payment.pk)
        ).values_list("transition", flat=True)
    )


def reconcile() -> int:
    now = timezone.now() + LATER
    return run_all(now, only=["filings.reconcile_payments"])["filings.reconcile_payments"]


@pytest.mark.rule("FIL-7")
def test_paid_through_the_gateway_by_the_api(filer, priced, client_for, gateway):
    """FIL-7: pending with the gateway's page to go to; back from the gateway, the payment is
    verified server to server and settled with the gateway's receipt; one charge."""
    api = client_for(filer)
    body = start(api, priced)
    assert body["status"] == "pending"
    assert body["redirect_url"].startswith(f"{gateway.base_url}/pay/")
    payment = Payment.objects.get(pk=body["id"])
    assert gateway.sale(str(payment.reference)).amount == int(priced.fee_total)  # rials

    callback = back_from_gateway(body["redirect_url"])
    # Back in the payer's language (the API client asks for English).
    assert callback.startswith("/en/filings/payments/callback/?")
    response = browser(filer).get(callback)
    assert response.status_code == 302
    assert response["Location"] == f"/en/filings/{priced.pk}/#step-payment"

    payment.refresh_from_db()
    sale = gateway.sale(str(payment.reference))
    assert payment.status == Payment.Status.SUCCEEDED
    assert payment.receipt_number == sale.receipt and len(sale.receipt) == 9
    assert payment.gateway_transaction == sale.trace
    assert gateway.charges(str(payment.reference)) == 1
    paid = api.get(f"/api/v1/filings/{priced.pk}/").json()
    assert {s["name"]: s["state"] for s in paid["steps"]}["payment"] == "done"
    assert paid["payments"][0]["status"] == "succeeded"
    assert paid["payments"][0]["redirect_url"] == ""


@pytest.mark.rule("FIL-7")
def test_the_pay_button_leads_through_the_gateway_and_shows_the_receipt_in_persian(
    filer, priced, gateway
):
    """FIL-7: on the page, paying online goes to the gateway's page; back from it, the
    filing's page says, in Persian, that the fee is paid, with the receipt number."""
    client = browser(filer)
    response = client.post(f"/filings/{priced.pk}/", {"action": "pay-online"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"{gateway.base_url}/pay/")
    payment = Payment.objects.get(filing=priced)
    assert payment.status == Payment.Status.PENDING
    waiting = client.get(f"/filings/{priced.pk}/").content.decode()
    assert f'href="{response["Location"]}"' in waiting and "ادامه در صفحهٔ بانک" in waiting

    page = client.get(back_from_gateway(response["Location"]), follow=True)
    assert page.status_code == 200
    payment.refresh_from_db()
    assert payment.status == Payment.Status.SUCCEEDED
    html = page.content.decode()
    persian = payment.receipt_number.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert "هزینه پرداخت شد" in html and persian in html
    assert 'name="action" value="pay-online"' not in html  # nothing left to pay


@pytest.mark.rule("FIL-7")
def test_a_double_callback_settles_once(filer, priced, client_for, gateway):
    """FIL-7: the gateway (or the payer's browser) calls back twice: one verify, one charge,
    one change of state, one transition logged. The second callback may come without the
    payer's session: it is sent to sign in, and changes nothing."""
    body = start(client_for(filer), priced)
    callback = back_from_gateway(body["redirect_url"])
    first = browser(filer).get(callback)
    second = browser().post(callback.split("?")[0], dict(_query(callback)))
    assert first.status_code == 302 and second.status_code == 302
    assert second["Location"].startswith("/en/accounts/signin/?next=")
    payment = Payment.objects.get(pk=body["id"])
    assert payment.status == Payment.Status.SUCCEEDED
    assert gateway.charges(str(payment.reference)) == 1
    assert gateway.calls["verify"] == 1
    assert transitions(payment) == ["succeed"]
    assert payment.history.filter(status=Payment.Status.SUCCEEDED).count() == 1


def _query(path: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl, urlsplit

    return parse_qsl(urlsplit(path).query)


@pytest.mark.rule("FIL-7")
@pytest.mark.parametrize(
    ("taken_before_timeout", "bank_gave_back", "ends"),
    [
        (True, False, Payment.Status.SUCCEEDED),  # verified; only the answer was lost
        (False, False, Payment.Status.SUCCEEDED),  # held: the job verifies it
        (False, True, Payment.Status.FAILED),  # held too long: the bank gave it back
    ],
)
def test_a_verify_that_times_out_is_reconciled_by_the_job_once(
    filer, priced, client_for, gateway, taken_before_timeout, bank_gave_back, ends
):
    """FIL-7: verify's answer is lost: the payment stays pending. The reconciliation sweep
    asks the gateway: settled if it took the money, failed otherwise; run twice, the second
    run changes nothing."""
    body = start(client_for(filer), priced)
    callback = back_from_gateway(body["redirect_url"])
    gateway.mode.verify_delay = 1.5
    gateway.mode.verify_before_delay = taken_before_timeout
    response = browser(filer).get(callback)
    assert response.status_code == 302
    payment = Payment.objects.get(pk=body["id"])
    assert payment.status == Payment.Status.PENDING
    gateway.mode.verify_delay = 0
    gateway.mode.auto_reverse = bank_gave_back

    too_soon = run_all(timezone.now(), only=["filings.reconcile_payments"])
    assert too_soon == {"filings.reconcile_payments": 0}  # not pending for long yet
    assert Payment.objects.get(pk=payment.pk).status == Payment.Status.PENDING
    assert reconcile() == 1
    payment.refresh_from_db()
    assert payment.status == ends
    reference = str(payment.reference)
    assert gateway.charges(reference) == (1 if ends == Payment.Status.SUCCEEDED else 0)
    assert reconcile() == 0
    payment.refresh_from_db()
    assert payment.status == ends
    assert transitions(payment) == ["succeed" if ends == Payment.Status.SUCCEEDED else "fail"]
    assert gateway.charges(reference) <= 1


@pytest.mark.rule("FIL-7")
@pytest.mark.rule("FIL-8")
def test_verify_refused_fails_the_payment_and_the_filing_is_payable_again(
    filer, priced, client_for, gateway
):
    """FIL-7, FIL-8: the gateway refuses to verify (the payer cancelled, or the bank
    declined): the payment fails, nothing is charged, and the filing can be paid again."""
    api = client_for(filer)
    body = start(api, priced)
    response = browser(filer).get(back_from_gateway(body["redirect_url"], outcome="cancel"))
    assert response.status_code == 302
    payment = Payment.objects.get(pk=body["id"])
    assert payment.status == Payment.Status.FAILED
    assert payment.failure_message == "not_paid"
    assert gateway.charges(str(payment.reference)) == 0
    steps = api.get(f"/api/v1/filings/{priced.pk}/").json()["steps"]
    assert {s["name"]: s["state"] for s in steps}["payment"] == "open"

    gateway.mode.verify_refuse = "declined"
    body = start(api, priced)
    browser(filer).get(back_from_gateway(body["redirect_url"]))
    assert Payment.objects.get(pk=body["id"]).failure_message == "declined"
    gateway.mode.verify_refuse = ""
    again = start(api, priced)
    browser(filer).get(back_from_gateway(again["redirect_url"]))
    assert Payment.objects.get(pk=again["id"]).status == Payment.Status.SUCCEEDED


@pytest.mark.rule("FIL-7")
@pytest.mark.parametrize(
    "forge",
    [
        {"token": "0" * 32},
        {"amount": "1"},
        {"reference": "5b0f6a44-8d0e-4c1c-9d8e-3f1b2a1c0d9e"},
        {"reference": "not-a-reference"},
        {"token": ""},
    ],
)
def test_a_forged_callback_changes_nothing(filer, priced, client_for, gateway, forge):
    """FIL-7: a callback naming another token, another amount or no payment of ours is
    refused (404) before the gateway is asked; the payment stays pending, nothing charged."""
    body = start(client_for(filer), priced)
    params = dict(_query(back_from_gateway(body["redirect_url"])))
    response = browser(filer).post("/filings/payments/callback/", {**params, **forge})
    assert response.status_code == 404
    payment = Payment.objects.get(pk=body["id"])
    assert payment.status == Payment.Status.PENDING
    assert gateway.calls["verify"] == 0 and transitions(payment) == []


@pytest.mark.rule("FIL-7")
def test_someone_else_following_the_callback_gets_404(filer, priced, client_for, gateway):
    """FIL-7: the callback settles by the gateway's word alone; a signed-in user who may not
    see the filing is shown nothing of it (404)."""
    from tests.factories import UserFactory

    body = start(client_for(filer), priced)
    stranger = UserFactory(mobile="+989141230000")
    response = browser(stranger).get(back_from_gateway(body["redirect_url"]))
    assert response.status_code == 404
    payment = Payment.objects.get(pk=body["id"])
    assert payment.status == Payment.Status.SUCCEEDED  # verified with the gateway itself
    assert gateway.charges(str(payment.reference)) == 1


@pytest.mark.rule("FIL-7")
def test_money_that_cannot_be_settled_is_given_back(filer, priced, client_for, gateway):
    """FIL-7: the gateway verified another amount than the fee: the money is reversed and
    the payment fails (the filing payable again)."""
    body = start(client_for(filer), priced)
    callback = back_from_gateway(body["redirect_url"])
    gateway.mode.verify_amount = 1
    browser(filer).get(callback)
    payment = Payment.objects.get(pk=body["id"])
    assert payment.status == Payment.Status.FAILED
    assert payment.reversed_at is not None and payment.failure_message.startswith("Reversed")
    reference = str(payment.reference)
    assert gateway.charges(reference) == 1 and gateway.reversals(reference) == 1
    assert transitions(payment) == ["fail"]


@pytest.mark.rule("FIL-7")
def test_no_token_from_the_gateway_fails_the_payment(filer, priced, client_for, settings):
    """FIL-7: the gateway cannot be reached for a token: nothing could be charged, so the
    payment fails at once and the filing stays payable."""
    settings.FILINGS = {
        **settings.FILINGS,
        "PAYMENT_GATEWAY": "core.payments.redirect.RedirectGateway",
    }
    settings.PAYMENT_REDIRECT = {
        **settings.PAYMENT_REDIRECT,
        "BASE_URL": "http://127.0.0.1:9",  # discard: nothing listens
        "MERCHANT_ID": "m",
        "CONNECT_TIMEOUT": 0.5,
    }
    response = client_for(filer).post(
        f"/api/v1/filings/{priced.pk}/payments/", {"method": "online"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["status"] == "failed" and response.json()["redirect_url"] == ""


@pytest.mark.rule("FIL-7")
def test_the_job_also_settles_a_direct_charge_whose_answer_was_lost(filer, priced, client_for):
    """FIL-7: with the development gateway, a charge that timed out (222222) is settled by
    the reconciliation sweep as the gateway says; the next run changes nothing."""
    response = client_for(filer).post(
        f"/api/v1/filings/{priced.pk}/payments/",
        {"method": "online", "card_prefix": "222222"},
        format="json",
    )
    assert response.status_code == 202 and response.json()["status"] == "pending"
    assert reconcile() == 1
    payment = Payment.objects.get(pk=response.json()["id"])
    assert payment.status == Payment.Status.SUCCEEDED and len(payment.receipt_number) == 9
    assert reconcile() == 0
    assert transitions(payment) == ["succeed"]


@pytest.mark.rule("FIL-7")
def test_a_token_the_gateway_does_not_know_fails_the_payment(filer, priced, client_for, gateway):
    """FIL-7: the gateway no longer knows the payment's token (verify: unknown token), or
    never heard of its reference (inquiry: unknown): the payment fails; nothing charged."""
    body = start(client_for(filer), priced)
    callback = back_from_gateway(body["redirect_url"])
    payment = Payment.objects.get(pk=body["id"])
    sale = gateway.sales.pop(payment.gateway_token)  # the gateway lost it
    response = browser(filer).get(callback)
    assert response.status_code == 302
    payment.refresh_from_db()
    assert payment.status == Payment.Status.FAILED
    assert payment.failure_message == "unknown_token"
    assert gateway.charges(sale.reference) == 0

    lost = start(client_for(filer), priced)
    gateway.sales.clear()  # the payer never reached the gateway's page; it forgot the sale
    assert reconcile() == 1
    assert Payment.objects.get(pk=lost["id"]).status == Payment.Status.FAILED


@pytest.mark.rule("FIL-7")
def test_every_step_of_a_payment_is_logged(filer, priced, client_for, gateway, caplog):
    """FIL-7: one `daftar.payments` line per step, each naming the payment's reference."""
    caplog.set_level("INFO", logger="daftar.payments")
    body = start(client_for(filer), priced)
    browser(filer).get(back_from_gateway(body["redirect_url"]))
    reference = str(Payment.objects.get(pk=body["id"]).reference)
    steps = [
        r.payment_step for r in caplog.records if getattr(r, "payment_reference", "") == reference
    ]
    assert steps == [
        "start",
        "request.answer",
        "redirect",
        "callback",
        "verify.answer",
        "settled",
    ]
