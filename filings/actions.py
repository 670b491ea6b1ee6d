"""What a user can do to a filing, declared once (FIL-3 … FIL-12).

Each row names the service it calls and the serializer that validates its input. The API
(`filings.api.actions`) and the filing page (`filings.views.FilingPage`) are both built
from this table, so a form and a JSON body are checked by the same rules and the services
receive typed values.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from core.actions import Action, ActionTable
from core.dates import local_digits
from core.exceptions import NotFound
from core.numbers import format_rials
from filings import selectors, services
from filings.serializers import (
    STEP_SERIALIZERS,
    AcceptSerializer,
    DocumentRefSerializer,
    DocumentUploadSerializer,
    FeesSerializer,
    FilingCancelSerializer,
    FilingCodeSerializer,
    FilingReasonSerializer,
    NoteSerializer,
    PaymentRefSerializer,
    PaySerializer,
    RejectSerializer,
    SignSerializer,
)

STEP_TITLES = {
    "kind": _("Kind and subject"),
    "case": _("Case information"),
    "parties": _("Parties"),
    "documents": _("Documents"),
    "presenter": _("Presenter"),
    "text": _("Text"),
    "prepare": _("Prepare for fees and sending"),
    "sign": _("Electronic signature"),
    "fees": _("Fees and office"),
    "payment": _("Payment"),
    "send": _("Send to the office"),
}


def visible_filing(user, pk):
    """The filing if `user` may see it, else None (it looks missing)."""
    try:
        return selectors.get_filing(actor=user, filing_id=pk)
    except NotFound:
        return None


def step_saver(step: str):
    """The service of one wizard step: what the step's serializer validated, saved as a
    draft or as the completed step."""

    def save(*, actor, filing_id, draft: bool = False, **data) -> dict:
        return services.step_save(
            actor=actor, filing_id=filing_id, step=step, data=data, draft=draft
        )

    save.__name__ = f"step_{step}_save"
    return save


def step_done(step: str):
    def done(result) -> str:
        return _("“%(step)s” saved.") % {"step": STEP_TITLES[step]}

    return done


def code_sent(result) -> str:
    return _("A code was sent to %(mobile)s.") % {"mobile": local_digits(result["sent_to"])}


def fees_done(filing) -> str:
    return _("Fees computed: %(total)s in all, at %(office)s.") % {
        "total": format_rials(filing.fee_total),
        "office": filing.office.name if filing.office_id else "",
    }


def paid_done(payment) -> str:
    if services.payer_url(payment):
        return _("Pay on the bank's page; the bank then sends you back here.")
    return _("The payment was recorded.")


def sent_done(result) -> str:
    submission = result[0] if isinstance(result, tuple) else result
    return _("Sent to the office. Tracking code: %(code)s") % {
        "code": local_digits(submission.tracking_code)
    }


def step_action(step: str) -> Action:
    return Action(
        f"step_{step}",
        step_saver(step),
        STEP_SERIALIZERS[step],
        done=step_done(step),
        summary=f"Save the “{step}” step (FIL-3); ?draft=true saves without completing it",
        label=STEP_TITLES[step],
    )


FILING_ACTIONS = ActionTable(
    tags=["filings"],
    lookup="filing_id",
    visible=visible_filing,
    actions=[
        *[step_action(step) for step in STEP_SERIALIZERS],
        Action(
            "document_add",
            services.document_add,
            DocumentUploadSerializer,
            done=_("The file was attached."),
            summary="Attach a file, checked by its content (FIL-5)",
            status_code=status.HTTP_201_CREATED,
            multipart=True,
        ),
        Action(
            "document_remove",
            services.document_remove,
            DocumentRefSerializer,
            done=_("The file was removed."),
            summary="Remove a document from a draft",
            status_code=status.HTTP_204_NO_CONTENT,
        ),
        Action(
            "prepare",
            services.filing_prepare,
            done=_("The filing is prepared: sign it, then choose the office and pay."),
            summary="Prepare: validate completeness and freeze the content (FIL-4)",
            transition="prepare",
        ),
        Action(
            "reopen",
            services.filing_reopen,
            done=_("The filing is open for changes again; its signature was voided."),
            summary="Back to a draft to change it; voids the signature (FIL-6)",
            transition="reopen",
        ),
        Action(
            "cancel",
            services.filing_cancel,
            FilingCancelSerializer,
            done=_("The filing was cancelled."),
            summary="Cancel, before the office's review starts (FIL-8)",
            transition="cancel",
        ),
        Action(
            "copy",
            services.filing_copy,
            done=_("A new draft was made from this filing."),
            summary="Copy a returned or rejected filing into a new draft (FIL-8)",
            status_code=status.HTTP_201_CREATED,
        ),
        Action(
            "sign_code",
            services.sign_code_request,
            done=code_sent,
            summary="Text a one-time signing code to the signer's mobile (FIL-6)",
        ),
        Action(
            "sign",
            services.filing_sign,
            SignSerializer,
            done=_("The filing is signed."),
            summary="Sign: acknowledgement + the one-time code (FIL-6)",
            status_code=status.HTTP_201_CREATED,
        ),
        Action(
            "fees",
            services.fees_compute,
            FeesSerializer,
            done=fees_done,
            summary="Choose the office and compute the court fee and tariff (FIL-7)",
        ),
        Action(
            "pay",
            services.filing_pay,
            PaySerializer,
            done=paid_done,
            summary="Pay the fee: online, already paid, exempt, or reuse a receipt (FIL-7, FIL-8)",
            status_code=status.HTTP_201_CREATED,
            multipart=True,
        ),
        Action(
            "payment_check",
            services.payment_check,
            PaymentRefSerializer,
            done=_("The payment was checked with the bank."),
            summary="Ask the gateway how a pending payment ended (never charges again)",
        ),
        Action(
            "send_code",
            services.send_code_request,
            done=code_sent,
            summary="Text a fresh one-time sending code (FIL-9)",
        ),
        Action(
            "send",
            services.filing_send,
            FilingCodeSerializer,
            done=sent_done,
            summary="Send to the office with a fresh code; idempotent (FIL-9, FIL-12)",
            status_code=status.HTTP_201_CREATED,
        ),
        Action(
            "verify",
            services.office_verify,
            NoteSerializer,
            done=_("The originals were verified."),
            summary="Office: the originals match the electronic copies (FIL-9)",
            transition="verify",
        ),
        Action(
            "forward",
            services.office_forward,
            done=_("The filing was forwarded to the court; the filer was told."),
            summary="Office: forward to the court; the filer gets the tracking code (FIL-9)",
            transition="forward",
        ),
        Action(
            "office_return",
            services.office_return,
            FilingReasonSerializer,
            done=_("The filing was returned to the filer for correction."),
            summary="Office: return for correction with a reason (FIL-8)",
            transition="office_return",
            url_path="return",
        ),
        Action(
            "accept",
            services.court_accept,
            AcceptSerializer,
            done=_("The filing was accepted; the filer was told."),
            summary="Court: accept; stamped receipt, notice and message to the filer (FIL-8)",
            transition="accept",
        ),
        Action(
            "reject",
            services.court_reject,
            RejectSerializer,
            done=_("The filing was rejected; the filer was told."),
            summary="Court: reject with a reason; notice and message to the filer (FIL-8)",
            transition="reject",
        ),
        Action(
            "court_return",
            services.court_return,
            FilingReasonSerializer,
            done=_("The filing was returned to the filer for correction."),
            summary="Court: return for correction with a reason (FIL-8)",
            transition="court_return",
        ),
    ],
)
