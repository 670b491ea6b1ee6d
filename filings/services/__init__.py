"""Every write of filings: `<entity>_<verb>(*, actor, ...)` under `transaction.atomic`."""

from filings.services.documents import document_add, document_remove, store_document
from filings.services.gateway import payer_url, payment_callback, payment_reconcile
from filings.services.payment import (
    fees_compute,
    filing_pay,
    pay_by_reuse,
    pay_exempt,
    pay_online,
    pay_with_receipt,
    payment_check,
)
from filings.services.sending import (
    court_accept,
    court_reject,
    court_return,
    filing_send,
    office_forward,
    office_return,
    office_verify,
    send_code_request,
)
from filings.services.signing import filing_sign, sign_code_request, void_signature
from filings.services.steps import completeness_errors, lawyer_lookup, sanitise_html
from filings.services.wizard import (
    filing_cancel,
    filing_copy,
    filing_create,
    filing_open_at_office,
    filing_prepare,
    filing_reopen,
    step_save,
)

__all__ = [
    "completeness_errors",
    "court_accept",
    "court_reject",
    "court_return",
    "document_add",
    "document_remove",
    "fees_compute",
    "filing_cancel",
    "filing_copy",
    "filing_create",
    "filing_open_at_office",
    "filing_pay",
    "filing_prepare",
    "filing_reopen",
    "filing_send",
    "filing_sign",
    "lawyer_lookup",
    "office_forward",
    "office_return",
    "office_verify",
    "pay_by_reuse",
    "pay_exempt",
    "pay_online",
    "pay_with_receipt",
    "payer_url",
    "payment_callback",
    "payment_check",
    "payment_reconcile",
    "sanitise_html",
    "send_code_request",
    "sign_code_request",
    "step_save",
    "store_document",
    "void_signature",
]
