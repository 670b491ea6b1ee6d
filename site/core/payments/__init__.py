"""Payment gateways, protocol-neutral (FIL-7, LIC-8).

Two shapes of gateway share one interface:

- a *direct* gateway (`charge`) takes the money in one call and answers succeeded, failed or
  pending — the development `TestGateway` (core.payments.dev) is one;
- a *redirect* gateway (`redirects = True`), the protocol of Iranian card gateways (Shaparak):
  `start` asks the gateway for a token for (reference, amount, callback URL) and answers the
  page the payer is sent to; the gateway sends the payer back to the callback URL; `verify`
  then asks the gateway, server to server, whether the money was taken (the receipt, or a
  refusal); `reverse` gives it back when our side cannot settle after a successful verify.
  `RedirectGateway` (core.payments.redirect) speaks it over HTTP.

Every gateway treats the payment's reference as its idempotency key, and answers
`status(reference)` — what became of a payment whose answer was lost (a timeout) — so a job
can settle every payment left pending. Amounts are whole rials (int). A call that gets no
answer in time raises `GatewayTimeout` (the outcome is unknown); a gateway that cannot be
reached, or answers nonsense, raises `GatewayError` (nothing was done).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.utils.module_loading import import_string

logger = logging.getLogger("daftar.payments")


class GatewayTimeout(Exception):
    """No answer in time: the charge may or may not have gone through."""


class GatewayError(Exception):
    """The gateway could not be reached at all, or refused the request: nothing was charged."""


@dataclass(frozen=True)
class GatewayResult:
    # "succeeded" | "failed" | "pending"; "authorised" (redirect gateways): the payer paid and
    # the money is held until `verify` takes it.
    status: str
    transaction_id: str = ""
    receipt_number: str = ""
    message: str = ""
    amount: int | None = None  # what the gateway says it took (redirect gateways)
    token: str = ""  # the redirect gateway's token of the payment


@dataclass(frozen=True)
class Redirect:
    """Where to send the payer: the gateway's page for the token it gave."""

    token: str
    url: str


class Gateway:
    name = "gateway"
    redirects = False

    def charge(
        self, *, reference: str, amount_minor: int, description: str, card_prefix: str = ""
    ) -> GatewayResult:
        raise NotImplementedError

    def status(self, *, reference: str) -> GatewayResult:
        raise NotImplementedError

    # The redirect protocol (only gateways with `redirects = True`).
    def start(
        self, *, reference: str, amount_minor: int, callback_url: str, description: str = ""
    ) -> Redirect:
        raise NotImplementedError

    def page_url(self, token: str) -> str:
        """The gateway's page where the payer pays for `token`."""
        raise NotImplementedError

    def verify(self, *, reference: str, token: str, amount_minor: int) -> GatewayResult:
        raise NotImplementedError

    def reverse(self, *, reference: str, token: str = "") -> bool:
        """Give back money taken for `reference` (true when it is, or already was, given back)."""
        raise NotImplementedError


def load_gateway(path: str) -> Gateway:
    return import_string(path)()


def minor_units(amount: Decimal) -> int:
    """Whole rials: the gateways' unit (amounts are kept in rials, without fractions)."""
    return int(amount)


def log(step: str, reference: str, **fields) -> None:
    """One line per step of a payment: the JSON line's fields are `payment_step`,
    `payment_reference` and each of `fields` prefixed `payment_` (never a card number)."""
    extra = {f"payment_{key}": value for key, value in fields.items()}
    logger.info(
        "payment %s %s",
        step,
        reference,
        extra={**extra, "payment_step": step, "payment_reference": reference},
    )


__all__ = [
    "Gateway",
    "GatewayError",
    "GatewayResult",
    "GatewayTimeout",
    "Redirect",
    "load_gateway",
    "log",
    "minor_units",
]
