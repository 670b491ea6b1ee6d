"""The development and test gateway: an in-process ledger, no network (`make run`, tests).

It charges directly (no redirect). The first six digits of the card decide what happens
(seed 002 asks for them):

- 111111: the bank declines (failed);
- 222222: the call times out; the charge does go through, and a status check says so;
- 333333: the call times out and the charge never happened; a status check says failed;
- anything else: succeeded.

Production refuses it (core.checks): it accepts every payment.
"""

import secrets
import threading

from core.payments import Gateway, GatewayResult, GatewayTimeout


class TestGateway(Gateway):
    """An in-process ledger keyed by reference (one per process; enough for tests and
    `make run`)."""

    name = "test"
    _ledger: dict[str, GatewayResult] = {}
    _charges: dict[str, int] = {}
    _reversed: set[str] = set()
    _lock = threading.Lock()

    @classmethod
    def reset(cls):
        with cls._lock:
            cls._ledger.clear()
            cls._charges.clear()
            cls._reversed.clear()

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
                amount=amount_minor,
            )
            self._ledger[reference] = result
            self._charges[reference] = self._charges.get(reference, 0) + 1
            if card_prefix == "222222":
                raise GatewayTimeout()
            return result

    def status(self, *, reference):
        with self._lock:
            if reference in self._reversed:
                return GatewayResult("failed", message="Reversed.")
            return self._ledger.get(reference) or GatewayResult("failed", message="Unknown.")

    def reverse(self, *, reference, token=""):
        with self._lock:
            self._reversed.add(reference)
            return True
