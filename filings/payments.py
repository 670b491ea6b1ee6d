"""Payment gateways of filings (FIL-7): the protocol-neutral interface lives in
`core.payments` (shared with licensing); this module names the configured gateway and keeps
the names filings have always used.

`FILINGS["PAYMENT_GATEWAY"]` is a dotted path: `core.payments.dev.TestGateway` (development;
the old name `filings.payments.TestGateway` still works) or
`core.payments.redirect.RedirectGateway` (the card gateways' redirect-and-verify protocol,
configured by `PAYMENT_REDIRECT`).
"""

from django.conf import settings

from core.payments import (
    Gateway,
    GatewayError,
    GatewayResult,
    GatewayTimeout,
    Redirect,
    load_gateway,
    minor_units,
)
from core.payments.dev import TestGateway


def get_gateway() -> Gateway:
    return load_gateway(settings.FILINGS["PAYMENT_GATEWAY"])


__all__ = [
    "Gateway",
    "GatewayError",
    "GatewayResult",
    "GatewayTimeout",
    "Redirect",
    "TestGateway",
    "get_gateway",
    "minor_units",
]
