"""Payment gateways (FIL-7).

A gateway takes a charge for a payment reference and answers succeeded, failed or pending;
a call that times out raises `GatewayTimeout`, after which the outcome is learnt by asking
`status(reference)`. A gateway must treat the reference as an idempotency key: charging the
same reference twice charges once and answers the first outcome. The payment's amount is
sent in the smallest unit (whole rials).

`TestGateway` is the development and test gateway. The first six digits of the card decide
what happens (seed 002 asks for them):

- 111111: the bank declines (failed);
- 222222: the call times out; the charge does go through, and a status check says so;
- 333333: the call times out and the charge never happened; a status check says failed;
- anything else: succeeded.
"""

import secrets
import threading
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string


class GatewayTimeout(Exception):
    """No answer in time: the charge may or may not have gone through."""


class GatewayError(Exception):
    """The gateway could not be reached at all: nothing was charged."""


@dataclass(frozen=True)
class GatewayResult:
    status: str  # "succeeded" | "failed" | "pending"
    transaction_id: str = ""
    receipt_number: str = ""
    message: str = ""


class Gateway:
    name = "gateway"

    def charge(
        self, *, reference: str, amount_minor: int, description: str, card_prefix: str = ""
    ) -> GatewayResult:
        raise NotImplementedError

    def status(self, *, reference: str) -> GatewayResult:
        raise NotImplementedError


class TestGateway(Gateway):
    """An in-process ledger keyed by reference (one per process; enough for tests and
    `make run`)."""

    name = "test"
    _ledger: dict[str, GatewayResult] = {}
    _charges: dict[str, int] = {}
    _lock = threading.Lock()

    @classmethod
    def reset(cls):
        with cls._lock:
            cls._ledger.clear()
            cls._charges.clear()

    @classmethod
    def charges(cls, reference: str) -> int:
        """How many times money was taken for this reference (tests prove it is at most 1)."""
        return cls._charges.get(reference, 0)

    def _receipt(self) -> str:
        return f"{secrets.randbelow(900_000_000) + 100_000_000}"

    def charge(self, *, reference, amount_minor, description, card_prefix=""):
        with self._lock:
            known = self._ledger.get(reference)
            if known is not None and known.status != "pending":
                return known
            if card_prefix == "111111":
                result = GatewayResult("failed", message="Declined by the bank.")
                self._ledger[reference] = result
                return result
            if card_prefix == "333333":
                self._ledger[reference] = GatewayResult("failed", message="Never charged.")
                raise GatewayTimeout()
            result = GatewayResult(
                "succeeded",
                transaction_id=f"T{secrets.token_hex(8)}",
                receipt_number=self._receipt(),
            )
            self._ledger[reference] = result
            self._charges[reference] = self._charges.get(reference, 0) + 1
            if card_prefix == "222222":
                raise GatewayTimeout()
            return result

    def status(self, *, reference):
        with self._lock:
            return self._ledger.get(reference) or GatewayResult("failed", message="Unknown.")


def get_gateway() -> Gateway:
    return import_string(settings.FILINGS["PAYMENT_GATEWAY"])()


def minor_units(amount: Decimal) -> int:
    return int(amount)
