"""Fees and payment (FIL-7, FIL-8).

Online payment never charges twice: the payment row (pending) is committed before the
gateway is called, the gateway gets the payment's reference as its idempotency key, at most
one payment per filing is pending or succeeded (a database constraint), and a pending
payment is settled only by asking the gateway (`payment_check`), never by charging again.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.records import save_as
from core.transitions import apply_transition
from filings import attachments, fees, payments, selectors
from filings.models import (
    Channel,
    DocumentPurpose,
    DocumentType,
    ExemptionReason,
    Filing,
    Payment,
    receipt_number_validator,
)
from filings.services import gateway as redirect_flow
from filings.services.common import locked_filing, require_confirmed, require_filer_side
from filings.services.documents import store_document
from offices.models import Office
from offices.selectors import operational_status


def _office_operational(office) -> bool:
    return operational_status(office).operational


def fees_compute(*, actor, filing_id, office_code: str | None = None) -> Filing:
    """Choose the office (portal) and compute the court fee and the office's tariff."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        require_confirmed(filing)
        if selectors.live_payment(filing):
            raise Conflict(
                _("A payment is under way or made: the fee can no longer change."),
                code="payment_made",
            )
        office = filing.office
        if filing.channel == Channel.PORTAL:
            office = Office.objects.filter(code=str(office_code or "").strip()).first()
            if office is None:
                raise ValidationFailed(fields={"office": [_("Choose an office.")]})
        if not _office_operational(office):
            raise ValidationFailed(
                fields={"office": [_("This office is not operational and takes no filings.")]}
            )
        fee = fees.compute(
            kind=filing.kind,
            claim_value=filing.claim_value,
            office=office,
            on=timezone.localdate(),
        )
        filing.office = office
        filing.court_fee = fee.court_fee
        filing.service_fee = fee.service_fee
        filing.fees_computed_at = timezone.now()
        save_as(
            filing,
            actor=actor,
            reason=f"fees computed: court {fee.court_fee} + office {fee.service_fee}",
        )
    return filing


def _open_payment_checks(filing: Filing) -> None:
    require_confirmed(filing)
    if filing.fees_computed_at is None:
        raise Conflict(_("Compute the fee first."), code="step_locked")
    live = selectors.live_payment(filing)
    if live is not None and live.status == Payment.Status.SUCCEEDED:
        raise Conflict(_("The fee is already paid."), code="already_paid")
    if live is not None:
        raise Conflict(
            _("A payment is pending: check its status before paying again."),
            code="payment_pending",
        )


def pay_online(*, actor, filing_id, card_prefix: str = "") -> Payment:
    """Charge the fee through the gateway. Success settles it; failure leaves the filing
    unpaid and payable again; a timeout leaves the payment pending until a status check.
    With a redirect gateway the payment stays pending with the gateway's token: the payer
    pays on the gateway's page (`gateway.payer_url`) and the callback settles it."""
    card_prefix = "".join(ch for ch in str(card_prefix or "") if ch.isdigit())[:6]
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        _open_payment_checks(filing)
        gateway = payments.get_gateway()
        try:
            with transaction.atomic():
                payment = Payment.objects.create(
                    filing=filing,
                    method=Payment.Method.ONLINE,
                    amount=filing.fee_total,
                    gateway=gateway.name,
                    card_prefix=card_prefix,
                    created_by=actor,
                )
        except IntegrityError:
            raise Conflict(_("A payment is already under way."), code="payment_pending") from None
    # Committed as pending: whatever happens next, the charge can be found and settled.
    if gateway.redirects:
        return redirect_flow.redirect_start(payment, gateway)
    try:
        result = gateway.charge(
            reference=str(payment.reference),
            amount_minor=payments.minor_units(payment.amount),
            description=f"Filing {filing.pk}",
            card_prefix=card_prefix,
        )
    except payments.GatewayTimeout:
        return payment
    except payments.GatewayError as exc:
        result = payments.GatewayResult("failed", message=str(exc) or "gateway unavailable")
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status == Payment.Status.PENDING:
            payment = redirect_flow.settle(payment, result, gateway=gateway)
    return payment


def payment_check(*, actor, filing_id, payment_id) -> Payment:
    """Ask the gateway how a pending payment ended, and settle it (never charges)."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        payment = Payment.objects.select_for_update().filter(filing=filing, pk=payment_id).first()
        if payment is None:
            raise NotFound()
        if payment.status != Payment.Status.PENDING or payment.method != Payment.Method.ONLINE:
            return payment
        return redirect_flow.reconcile_locked(payment, payments.get_gateway())


def _create_settled(filing, *, actor, reason, **fields) -> Payment:
    try:
        with transaction.atomic():
            payment = Payment(filing=filing, created_by=actor, **fields)
            save_as(payment, actor=actor)
            apply_transition(payment, "succeed", actor=actor, reason=reason)
    except IntegrityError:
        raise Conflict(
            _("This receipt number has already been used."), code="receipt_used"
        ) from None
    return payment


def pay_with_receipt(*, actor, filing_id, receipt_number: str) -> Payment:
    """ "Already paid" (seed 002): the 9-digit number of a receipt paid elsewhere. The office
    checks the receipt with the originals; a receipt settles one filing."""
    receipt_number = str(receipt_number or "").strip()
    try:
        receipt_number_validator(receipt_number)
    except Exception:
        raise ValidationFailed(
            fields={"receipt_number": [_("A receipt number has exactly 9 digits.")]}
        ) from None
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        _open_payment_checks(filing)
        if Payment.objects.filter(
            receipt_number=receipt_number, status=Payment.Status.SUCCEEDED
        ).exists():
            raise Conflict(_("This receipt number has already been used."), code="receipt_used")
        return _create_settled(
            filing,
            actor=actor,
            reason="already paid",
            method=Payment.Method.ALREADY_PAID,
            amount=filing.fee_total,
            receipt_number=receipt_number,
        )


def pay_exempt(*, actor, filing_id, reason: str, text: str = "", proof) -> Payment:
    """Exemption from the fee with its ground and a proof document (seed 002)."""
    errors = {}
    if reason not in ExemptionReason.values:
        errors["exemption_reason"] = [_("Choose the ground of the exemption.")]
    if proof is None:
        errors["proof"] = [_("Attach the document that proves the exemption.")]
    if errors:
        raise ValidationFailed(fields=errors)
    stored = []
    try:
        with transaction.atomic():
            filing = locked_filing(actor=actor, filing_id=filing_id)
            require_filer_side(filing, actor)
            _open_payment_checks(filing)
            checked = attachments.check_upload(proof, field="proof")
            document = store_document(
                filing=filing,
                checked=checked,
                doc_type=DocumentType.CERTIFICATE,
                title="",
                purpose=DocumentPurpose.EXEMPTION_PROOF,
                actor=actor,
            )
            stored.append(document)
            # The court fee is waived; the office's service tariff is not.
            return _create_settled(
                filing,
                actor=actor,
                reason=f"exempt: {reason}",
                method=Payment.Method.EXEMPT,
                amount=filing.service_fee,
                exemption_reason=reason,
                exemption_text=str(text or "")[:2000],
                proof=document,
            )
    except Exception:
        for document in stored:
            document.file.storage.delete(document.file.name)
        raise


def pay_by_reuse(*, actor, filing_id, receipt_number: str) -> Payment:
    """Reuse the receipt of one's own rejected or returned filing, exactly once (FIL-8)."""
    receipt_number = str(receipt_number or "").strip()
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        _open_payment_checks(filing)
        source = (
            Payment.objects.select_for_update(of=("self",))
            .select_related("filing")
            .filter(
                receipt_number=receipt_number,
                status=Payment.Status.SUCCEEDED,
                method__in=[Payment.Method.ONLINE, Payment.Method.ALREADY_PAID],
            )
            .first()
        )
        if source is None or source.filing.filer_id != filing.filer_id:
            raise ValidationFailed(
                fields={"receipt_number": [_("No receipt of yours has this number.")]}
            )
        if source.filing.status not in (Filing.Status.REJECTED, Filing.Status.RETURNED):
            raise Conflict(
                _("Only the receipt of a rejected or returned filing can be reused."),
                code="receipt_not_reusable",
            )
        if Payment.objects.filter(reused_from=source).exists():
            raise Conflict(_("This receipt has already been reused."), code="receipt_reused")
        if source.amount < filing.fee_total:
            raise Conflict(
                _("The receipt's amount does not cover this filing's fee."),
                code="receipt_insufficient",
            )
        try:
            return _create_settled(
                filing,
                actor=actor,
                reason=f"receipt {receipt_number} reused from filing {source.filing_id}",
                method=Payment.Method.REUSED,
                amount=source.amount,
                receipt_number=receipt_number,
                reused_from=source,
            )
        except Conflict:
            raise Conflict(
                _("This receipt has already been reused."), code="receipt_reused"
            ) from None


def ensure_payer(filing: Filing, actor) -> None:
    if filing.filer_id != actor.pk and filing.channel != Channel.OFFICE:
        raise Forbidden()


def filing_pay(
    *,
    actor,
    filing_id,
    method: str,
    card_prefix: str = "",
    receipt_number: str = "",
    exemption_reason: str = "",
    exemption_text: str = "",
    proof=None,
) -> Payment:
    """Pay the fee by the chosen method (FIL-7, FIL-8): online, a receipt paid elsewhere, an
    exemption with its proof, or the reused receipt of one's own rejected filing."""
    if method == Payment.Method.ONLINE:
        return pay_online(actor=actor, filing_id=filing_id, card_prefix=card_prefix)
    if method == Payment.Method.ALREADY_PAID:
        return pay_with_receipt(actor=actor, filing_id=filing_id, receipt_number=receipt_number)
    if method == Payment.Method.EXEMPT:
        return pay_exempt(
            actor=actor,
            filing_id=filing_id,
            reason=exemption_reason,
            text=exemption_text,
            proof=proof,
        )
    return pay_by_reuse(actor=actor, filing_id=filing_id, receipt_number=receipt_number)
