"""Sending (FIL-9, FIL-12), the office's queue (FIL-9) and the court's answer (FIL-8)."""

import hashlib
import secrets

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.records import save_as
from core.transitions import apply_transition
from filings import access, selectors, signing
from filings.cases import open_or_join_case
from filings.models import (
    CaseMode,
    Filing,
    FilingCode,
    Payment,
    RejectReason,
    ReturnReason,
    StampedReceipt,
    Submission,
    case_number_validator,
)
from filings.receipts import render_receipt
from filings.services.common import locked_filing, notify_filer, require_confirmed
from filings.services.signing import (
    _mask,
    check_code,
    code_recipient,
    issue_code,
    signature_is_valid,
    void_signature,
)
from notices.services import issue_notice
from offices.selectors import operational_status

Purpose = FilingCode.Purpose


def _office_operational(office) -> bool:
    return office is not None and operational_status(office).operational


def _new_tracking_code() -> str:
    for _attempt in range(10):
        code = f"{secrets.randbelow(9 * 10**11) + 10**11}"
        if not Filing.objects.filter(tracking_code=code).exists():
            return code
    raise RuntimeError("could not find a free tracking code")


def _may_send(filing: Filing, actor) -> bool:
    return access.may_send(filing, actor)


def send_code_request(*, actor, filing_id) -> dict:
    """A fresh code for sending, to the sender's mobile (FIL-9, seed 000)."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if not _may_send(filing, actor):
            raise Forbidden()
        require_confirmed(filing)
        recipient = code_recipient(filing, actor, Purpose.SEND)
        device = issue_code(user=recipient, filing=filing, purpose=Purpose.SEND)
    return {"sent_to": _mask(recipient.mobile), "expires_at": device.valid_until}


def _replay(filing: Filing, idempotency_key: str) -> Submission:
    submission = Submission.objects.filter(filing=filing).first()
    if submission is not None and idempotency_key and submission.idempotency_key == idempotency_key:
        return submission
    raise Conflict(_("This filing has already been sent."), code="already_sent")


def filing_send(
    *, actor, filing_id, code: str, idempotency_key: str = "", signed_in_with: str = ""
) -> tuple[Submission, bool]:
    """Send the signed and paid filing to its office (FIL-9, FIL-12).

    Needs a code made after the signature (a fresh one). Freezes the snapshot: the hash of
    the exact content and files, signer, sender, how they signed in, the payment. The same
    filing is never sent twice: the row lock serialises concurrent sends, the second finds
    the first's submission (returned again for the same Idempotency-Key, else 409), and the
    database allows one submission per filing. Returns (submission, created).
    """
    idempotency_key = str(idempotency_key or "")[:128]
    bad_code = False
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if not _may_send(filing, actor):
            raise Forbidden()
        if filing.sent_at is not None:
            return _replay(filing, idempotency_key), False
        require_confirmed(filing)
        signature = selectors.live_signature(filing)
        voided = signature is not None and not signature_is_valid(filing, signature)
        if voided:
            # Kept (committed) before refusing: the signature stays void.
            void_signature(filing, reason="content no longer matches the signature")
    if voided:
        raise Conflict(
            _("The content changed since it was signed: the signature is void."),
            code="signature_void",
        )
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if filing.sent_at is not None:
            return _replay(filing, idempotency_key), False
        require_confirmed(filing)
        signature = selectors.live_signature(filing)
        if signature is None:
            raise Conflict(_("Sign the filing first."), code="not_signed")
        payment = selectors.paid(filing)
        if (
            payment is None
            or filing.fee_total is None
            or payment.amount
            < (filing.service_fee if payment.method == Payment.Method.EXEMPT else filing.fee_total)
        ):
            raise Conflict(_("Pay the fee first."), code="not_paid")
        if not _office_operational(filing.office):
            raise Conflict(
                _("The office is not operational and takes no filings."),
                code="office_not_operational",
            )
        recipient = code_recipient(filing, actor, Purpose.SEND)
        if check_code(
            user=recipient,
            filing=filing,
            purpose=Purpose.SEND,
            code=code,
            not_before=signature.signed_at,
        ):
            now = timezone.now()
            tracking_code = _new_tracking_code()
            canonical = signing.canonical(filing)
            try:
                with transaction.atomic():
                    submission = Submission.objects.create(
                        filing=filing,
                        idempotency_key=idempotency_key,
                        tracking_code=tracking_code,
                        content_hash=signature.content_hash,
                        canonical=canonical,
                        signature=signature,
                        signed_by=signature.signer,
                        sent_by=actor,
                        signed_in_with=signed_in_with[:64] or "unknown",
                        office=filing.office,
                        payment=payment,
                        payment_method=payment.method,
                        payment_status=payment.status,
                        amount=payment.amount,
                        receipt_number=payment.receipt_number,
                        sent_at=now,
                    )
            except IntegrityError:
                raise Conflict(
                    _("This filing has already been sent."), code="already_sent"
                ) from None
            apply_transition(
                filing,
                "send",
                actor=actor,
                reason=f"sent to office {filing.office.code}",
                tracking_code=tracking_code,
                at=now,
            )
            office = filing.office
            notify_filer(
                filing,
                purpose="filings.sent",
                subject_fn=lambda: (
                    _("Filing sent: tracking code %(code)s") % {"code": tracking_code}
                ),
                body_fn=lambda: (
                    _(
                        "Your filing was sent to %(office)s. Tracking code: %(code)s. Bring the "
                        "originals of the documents to the office. Judiciary"
                    )
                    % {"office": office.name, "code": tracking_code}
                ),
            )
        else:
            bad_code = True
    if bad_code:
        raise ValidationFailed(
            _("The code is wrong, has expired or was made before signing: ask for a new one."),
            code="invalid_code",
            fields={"code": [_("Ask for a new code and enter it.")]},
        )
    return submission, True


# --- The office (FIL-9) ----------------------------------------------------------------------
def _reason(category: str, text: str, choices) -> tuple[str, str]:
    errors = {}
    if category not in choices.values:
        errors["reason_category"] = [_("Choose a reason from the list.")]
    text = str(text or "").strip()
    if not text:
        errors["reason"] = [_("Explain the reason.")]
    if errors:
        raise ValidationFailed(fields=errors)
    return category, text


def office_verify(*, actor, filing_id, note: str = "") -> Filing:
    """The originals match the electronic copies (art. 5)."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        apply_transition(filing, "verify", actor=actor, reason=note or "originals verified")
    return filing


def office_forward(*, actor, filing_id) -> Filing:
    """Forward to the court; the tracking code and the office's confirmation go to the
    filer (art. 7)."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        apply_transition(filing, "forward", actor=actor, reason="forwarded to the court")
        office, court, code = filing.office, filing.court, filing.tracking_code
        notify_filer(
            filing,
            purpose="filings.forwarded",
            subject_fn=lambda: _("Filing %(code)s forwarded to the court") % {"code": code},
            body_fn=lambda: (
                _(
                    "%(office)s verified your filing against the originals and forwarded it to "
                    "%(court)s. Tracking code: %(code)s. Judiciary"
                )
                % {"office": office.name, "court": court.name, "code": code}
            ),
        )
    return filing


def _returned_message(filing, category_label, text):
    code = filing.tracking_code or filing.pk
    notify_filer(
        filing,
        purpose="filings.returned",
        subject_fn=lambda: _("Filing %(code)s returned for correction") % {"code": code},
        body_fn=lambda: (
            _(
                "Your filing %(code)s was returned for correction: %(category)s — %(text)s. "
                "You can copy it into a new draft. Judiciary"
            )
            % {"code": code, "category": category_label, "text": text}
        ),
    )


def office_return(*, actor, filing_id, category: str, text: str) -> Filing:
    category, text = _reason(category, text, ReturnReason)
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        apply_transition(
            filing,
            "office_return",
            actor=actor,
            reason=f"{category}: {text}",
            category=category,
            text=text,
        )
        _returned_message(filing, ReturnReason(category).label, text)
    return filing


# --- The court (FIL-8) ------------------------------------------------------------------------
def _case_number_for(filing: Filing, case_number: str) -> str:
    """The case the court files it under: the existing case, or the number it registers a new
    case with (required then, 16 digits)."""
    case_number = str(case_number or "").strip()
    if filing.case_mode == CaseMode.EXISTING:
        if case_number and case_number != filing.case_number:
            raise ValidationFailed(
                fields={
                    "case_number": [
                        _("The filing goes into case %(n)s.") % {"n": filing.case_number}
                    ]
                }
            )
        return filing.case_number
    try:
        case_number_validator(case_number)
    except Exception:
        raise ValidationFailed(
            fields={"case_number": [_("Give the 16-digit number of the registered case.")]}
        ) from None
    return case_number


def _notice(filing: Filing, actor, *, subject: str, body: str) -> None:
    issue_notice(
        actor=actor,
        branch=filing.court,
        recipient=filing.filer,
        case_number=filing.case_number,
        subject=subject,
        body=body,
    )


def court_accept(*, actor, filing_id, case_number: str = "") -> Filing:
    """Accept: the stamped PDF receipt is made, a notice and SMS/email tell the filer."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if filing.status == Filing.Status.FORWARDED and access.is_court_clerk(filing, actor):
            case_number = _case_number_for(filing, case_number)
        apply_transition(filing, "accept", actor=actor, reason="accepted", case_number=case_number)
        case = open_or_join_case(filing, actor=actor)
        if case is not None:
            filing.case = case
            save_as(filing, actor=actor, reason="filed in its case", update_fields=["case"])
        pdf = render_receipt(filing)
        receipt = StampedReceipt(filing=filing, sha256=hashlib.sha256(pdf).hexdigest())
        receipt.file.save("receipt", ContentFile(pdf), save=False)
        receipt.save()
        code, court = filing.tracking_code, filing.court.name
        _notice(
            filing,
            actor,
            subject=_("Filing %(code)s accepted") % {"code": code},
            body=_(
                "%(court)s accepted your filing %(code)s in case %(case)s. The stamped receipt "
                "is on the filing's page."
            )
            % {"court": court, "code": code, "case": filing.case_number},
        )
        notify_filer(
            filing,
            purpose="filings.accepted",
            subject_fn=lambda: _("Filing %(code)s accepted") % {"code": code},
            body_fn=lambda: (
                _(
                    "%(court)s accepted your filing %(code)s. A notice has been issued to you. "
                    "Judiciary"
                )
                % {"court": court, "code": code}
            ),
        )
    return filing


def court_reject(*, actor, filing_id, category: str, text: str, case_number: str = "") -> Filing:
    category, text = _reason(category, text, RejectReason)
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if filing.status == Filing.Status.FORWARDED and access.is_court_clerk(filing, actor):
            case_number = _case_number_for(filing, case_number)
        apply_transition(
            filing,
            "reject",
            actor=actor,
            reason=f"{category}: {text}",
            case_number=case_number,
            category=category,
            text=text,
        )
        code, court, label = filing.tracking_code, filing.court.name, RejectReason(category).label
        _notice(
            filing,
            actor,
            subject=_("Filing %(code)s rejected") % {"code": code},
            body=_("%(court)s rejected your filing %(code)s: %(category)s — %(text)s.")
            % {"court": court, "code": code, "category": label, "text": text},
        )
        notify_filer(
            filing,
            purpose="filings.rejected",
            subject_fn=lambda: _("Filing %(code)s rejected") % {"code": code},
            body_fn=lambda: (
                _(
                    "%(court)s rejected your filing %(code)s. A notice has been issued to you; its "
                    "receipt can be reused once for a new filing. Judiciary"
                )
                % {"court": court, "code": code}
            ),
        )
    return filing


def court_return(*, actor, filing_id, category: str, text: str) -> Filing:
    category, text = _reason(category, text, ReturnReason)
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        apply_transition(
            filing,
            "court_return",
            actor=actor,
            reason=f"{category}: {text}",
            category=category,
            text=text,
        )
        _returned_message(filing, ReturnReason(category).label, text)
    return filing
