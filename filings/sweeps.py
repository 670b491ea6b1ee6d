"""Filings' sweeps (core.sweeping runs them under an advisory lock each)."""

from datetime import datetime

from core.sweeping import sweep
from filings import payments
from filings.services import gateway as redirect_flow


@sweep("filings.reconcile_payments")
def reconcile_payments(now: datetime) -> int:
    """FIL-7: every online payment left pending (its answer or its callback lost) is settled
    by asking the gateway: settled if the gateway took the money, failed (reversed when it
    was taken but cannot be settled) otherwise. A run changes only what is still pending, so
    running it twice changes nothing more."""
    pending = redirect_flow.pending_to_reconcile(now)
    if not pending:
        return 0
    gateway = payments.get_gateway()
    return sum(redirect_flow.payment_reconcile(pk, gateway=gateway) for pk in pending)
