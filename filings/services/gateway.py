"""Online payment through a redirect gateway (FIL-7): start, callback, verify, settle,
reverse, reconcile (core.payments.redirect describes the protocol).

Every step is idempotent and logged (`daftar.payments`):

- `redirect_start`: the payment row is already committed as pending; the gateway gives a
  token for its reference (the idempotency key) and the payer is sent to the gateway's page.
  No token, no money can be taken: the payment fails and the filing is payable again.
- `payment_callback`: the gateway sends the payer back. The callback names the payment and
  its token; nothing else in it is trusted. A callback whose token or amount is not the
  payment's changes nothing (404). Otherwise the payment is locked and, while pending,
  verified server to server; a second callback finds it settled and changes nothing.
- `payment_reconcile`: a payment left pending (a lost answer) is settled by asking the
  gateway how it ended — settled if the gateway took the money, failed otherwise.

Money verified that our side cannot settle (the gateway took another amount, or the row
refuses the receipt) is reversed, and the payment fails.
"""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.crypto import constant_time_compare

from core.exceptions import NotFound
from core.payments import GatewayError, GatewayResult, GatewayTimeout, log
from core.transitions import apply_transition
from filings import payments
from filings.models import Payment, receipt_number_validator

GATEWAY_LABEL = "system:gateway"
RECONCILE_LABEL = "system:reconcile"


def callback_url() -> str:
    base = settings.PAYMENT_REDIRECT["CALLBACK_BASE_URL"].rstrip("/")
    return base + reverse("filings:payment-callback")


def payer_url(payment: Payment) -> str:
    """The gateway's page where the payer of a pending redirect payment pays."""
    if payment.status != Payment.Status.PENDING or not payment.gateway_token:
        return ""
    gateway = payments.get_gateway()
    return gateway.page_url(payment.gateway_token) if gateway.redirects else ""


def redirect_start(payment: Payment, gateway) -> Payment:
    """Ask the gateway for the token of a committed pending payment."""
    reference = str(payment.reference)
    amount = payments.minor_units(payment.amount)
    log("start", reference, amount=amount, filing=payment.filing_id)
    try:
        redirect = gateway.start(
            reference=reference,
            amount_minor=amount,
            callback_url=callback_url(),
            description=f"Filing {payment.filing_id}",
        )
    except (GatewayError, GatewayTimeout) as exc:
        result = GatewayResult("failed", message=str(exc) or "gateway unavailable")
        with transaction.atomic():
            payment = Payment.objects.select_for_update().get(pk=payment.pk)
            if payment.status == Payment.Status.PENDING:
                payment = settle(payment, result, gateway=gateway)
        return payment
    Payment.objects.filter(pk=payment.pk).update(gateway_token=redirect.token[:64])
    payment.gateway_token = redirect.token[:64]
    log("redirect", reference, token=redirect.token)
    return payment


def _receipt(result: GatewayResult) -> str:
    try:
        receipt_number_validator(result.receipt_number)
    except Exception:
        return ""
    return result.receipt_number


def _reverse(payment: Payment, gateway, why: str, *, by: str) -> Payment:
    reference = str(payment.reference)
    try:
        given_back = gateway.reverse(reference=reference, token=payment.gateway_token)
    except (GatewayError, GatewayTimeout):
        given_back = False
    if not given_back:
        log("reverse.unanswered", reference, reason=why)
        return payment  # still pending: the next reconciliation asks again and reverses then
    log("reversed", reference, reason=why)
    apply_transition(
        payment,
        "fail",
        actor=None,
        actor_label=by,
        reason=f"gateway: reversed ({why})",
        message=f"Reversed: {why}",
        reversed_=True,
    )
    return payment


def settle(payment: Payment, result: GatewayResult, *, gateway, by: str = GATEWAY_LABEL) -> Payment:
    """Settle a locked pending payment by the gateway's answer: succeeded (with its receipt),
    failed, or — money our side cannot take — reversed. A pending answer changes nothing.
    Answers the payment as it now is."""
    reference = str(payment.reference)
    if result.status == "succeeded":
        amount = payments.minor_units(payment.amount)
        if result.amount is not None and result.amount != amount:
            why = f"the gateway took {result.amount}, not {amount}"
            return _reverse(payment, gateway, why, by=by)
        try:
            with transaction.atomic():
                apply_transition(
                    payment,
                    "succeed",
                    actor=None,
                    actor_label=by,
                    reason="gateway: succeeded",
                    receipt_number=_receipt(result),
                    transaction_id=result.transaction_id,
                )
        except IntegrityError:
            payment = Payment.objects.select_for_update().get(pk=payment.pk)
            return _reverse(payment, gateway, "the receipt could not be recorded", by=by)
        log("settled", reference, receipt=payment.receipt_number, by=by)
    elif result.status == "failed":
        apply_transition(
            payment,
            "fail",
            actor=None,
            actor_label=by,
            reason=f"gateway: failed {result.message}".strip(),
            message=result.message,
        )
        log("failed", reference, message=result.message, by=by)
    return payment


def _verify_locked(payment: Payment, gateway, *, by: str) -> Payment:
    reference = str(payment.reference)
    try:
        result = gateway.verify(
            reference=reference,
            token=payment.gateway_token,
            amount_minor=payments.minor_units(payment.amount),
        )
    except (GatewayError, GatewayTimeout) as exc:
        log("verify.unanswered", reference, error=type(exc).__name__)
        return payment  # pending: reconciliation asks the gateway later
    return settle(payment, result, gateway=gateway, by=by)


def _parse_reference(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value or ""))
    except ValueError:
        return None


def payment_callback(*, reference, token, amount=None) -> Payment:
    """The gateway's callback: verify the payment it names (once), never trusting it."""
    parsed = _parse_reference(reference)
    payment = (
        Payment.objects.filter(reference=parsed, method=Payment.Method.ONLINE).first()
        if parsed
        else None
    )
    if payment is None or not payment.gateway_token:
        log("callback.unknown", str(reference)[:64])
        raise NotFound()
    token = str(token or "")
    amount_given = str(amount or "").strip()
    amount_ok = not amount_given or amount_given == str(payments.minor_units(payment.amount))
    if not constant_time_compare(token, payment.gateway_token) or not amount_ok:
        log("callback.forged", str(payment.reference), token=token[:64], amount=amount_given)
        raise NotFound()
    gateway = payments.get_gateway()
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != Payment.Status.PENDING:
            log("callback.repeat", str(payment.reference), status=payment.status)
            return payment
        log("callback", str(payment.reference))
        return _verify_locked(payment, gateway, by=GATEWAY_LABEL)


def reconcile_locked(payment: Payment, gateway, *, by: str = GATEWAY_LABEL) -> Payment:
    """Ask the gateway how a locked pending payment ended and settle it: money held by a
    redirect gateway (paid, not verified) is verified now; a pending answer changes
    nothing, nor does a gateway that does not answer."""
    reference = str(payment.reference)
    try:
        result = gateway.status(reference=reference)
    except (GatewayError, GatewayTimeout) as exc:
        log("inquiry.unanswered", reference, error=type(exc).__name__)
        return payment
    log("inquiry", reference, gateway_status=result.status, by=by)
    if result.status == "authorised" and payment.gateway_token:
        return _verify_locked(payment, gateway, by=by)
    if result.status in ("succeeded", "failed"):
        return settle(payment, result, gateway=gateway, by=by)
    return payment


def payment_reconcile(payment_id, *, gateway) -> bool:
    """Settle one pending online payment by asking the gateway how it ended; true when it
    was settled. A payment being settled right now (locked) is left to that call."""
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update(skip_locked=True)
            .filter(pk=payment_id, status=Payment.Status.PENDING, method=Payment.Method.ONLINE)
            .first()
        )
        if payment is None:
            return False
        payment = reconcile_locked(payment, gateway, by=RECONCILE_LABEL)
        return payment.status != Payment.Status.PENDING


def pending_to_reconcile(now) -> list[int]:
    """Online payments pending longer than `PAYMENT_RECONCILE_AFTER`, oldest first."""
    cutoff = now - settings.FILINGS["PAYMENT_RECONCILE_AFTER"]
    return list(
        Payment.objects.filter(
            status=Payment.Status.PENDING, method=Payment.Method.ONLINE, created_at__lt=cutoff
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:500]
    )
