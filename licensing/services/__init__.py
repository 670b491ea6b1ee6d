"""Every write of licensing (LIC-1 … LIC-9, OFF-7), one module per subject:
`applications` (calls and applications), `requests` (licence requests and applying them),
`licences` (the licence's own transitions and the sweep), `council` (Council terms and fee
schedules); `common` holds what they share.

Each service takes keyword arguments and an `actor`, runs in one transaction, re-reads the row
it changes under a lock (`core.records.locked`, through the selector of what the actor may
see, so an object outside it answers 404) and takes transitions through
`core.transitions.apply_transition` (409 for a wrong state, 403 for an actor without the
transition's permission, one log row).

`from licensing import services; services.request_propose(...)`: every service is re-exported
here. The Association's services (ASC-1 … ASC-3) are in `licensing.association`.
"""

from licensing.services.applications import (
    application_accept,
    application_add_document,
    application_reject,
    application_submit,
    application_vet,
    application_withdraw,
    call_open,
)
from licensing.services.common import SYSTEM, incompatible_offices_refusal
from licensing.services.council import (
    council_appoint,
    council_end,
    fee_decide,
    fee_give_opinion,
    fee_propose,
)
from licensing.services.licences import (
    licence_apply,
    licence_issue,
    licence_renew,
    licence_revoke,
    licence_suspend,
    licence_withdraw,
    licences_settle,
)
from licensing.services.requests import (
    renewal_refusal,
    request_cancel,
    request_decide,
    request_give_opinion,
    request_propose,
    request_start_review,
    request_submit,
)

__all__ = [
    "SYSTEM",
    "application_accept",
    "application_add_document",
    "application_reject",
    "application_submit",
    "application_vet",
    "application_withdraw",
    "call_open",
    "council_appoint",
    "council_end",
    "fee_decide",
    "fee_give_opinion",
    "fee_propose",
    "incompatible_offices_refusal",
    "licence_apply",
    "licence_issue",
    "licence_renew",
    "licence_revoke",
    "licence_suspend",
    "licence_withdraw",
    "licences_settle",
    "renewal_refusal",
    "request_cancel",
    "request_decide",
    "request_give_opinion",
    "request_propose",
    "request_start_review",
    "request_submit",
]
