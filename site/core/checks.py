"""System checks of a production configuration (`manage.py check --deploy` reports them, and
the web application refuses to start on an error: daftar/wsgi.py).

Production must not run on the development SMS backends — the console backend prints every
temporary password and one-time code to the log — nor on the test payment gateway, which
accepts every payment (`DAFTAR_SMS_BACKEND`, `DAFTAR_PAYMENT_GATEWAY`).
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SMS_BACKENDS = {
    "core.messaging.backends.ConsoleSMSBackend",
    "core.messaging.backends.ConsoleAndFileSMSBackend",
    "core.messaging.backends.FileSMSBackend",
    "core.messaging.backends.LocmemSMSBackend",
}
TEST_PAYMENT_GATEWAYS = {"filings.payments.TestGateway", "core.payments.dev.TestGateway"}
REDIRECT_GATEWAY = "core.payments.redirect.RedirectGateway"
# The HTTP provider's backend needs its account's key (and a sender line) to send anything.
PROVIDER_SMS_BACKENDS = {"core.messaging.provider.KavenegarSMSBackend"}
TAG = "daftar_production"


@checks.register(TAG, checks.Tags.security)
def development_gateways(app_configs=None, **kwargs):
    """Errors for a development SMS backend or the test payment gateway in production
    (warnings when DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS allows them for a loopback run)."""
    if not getattr(settings, "DAFTAR_PRODUCTION", False):
        return []
    allowed = getattr(settings, "DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS", False)
    level = checks.Warning if allowed else checks.Error
    found = []
    if settings.SMS_BACKEND in DEVELOPMENT_SMS_BACKENDS:
        found.append(
            level(
                f"SMS_BACKEND is the development backend {settings.SMS_BACKEND}: "
                "messages (temporary passwords and codes included) never reach a phone.",
                hint="Set DAFTAR_SMS_BACKEND to the SMS provider's backend "
                "(a subclass of core.messaging.backends.BaseSMSBackend).",
                id="daftar.E001" if not allowed else "daftar.W001",
            )
        )
    if settings.SMS_BACKEND in PROVIDER_SMS_BACKENDS:
        conf = getattr(settings, "SMS_PROVIDER", {})
        if not conf.get("API_KEY") or not str(conf.get("BASE_URL", "")).startswith("https://"):
            found.append(
                checks.Error(
                    "The SMS provider's backend has no API key or no https address: "
                    "no message would be sent.",
                    hint="Set DAFTAR_SMS_API_KEY (and DAFTAR_SMS_BASE_URL to an https:// "
                    "address, DAFTAR_SMS_SENDER to the sender line); see docs/deploy.md.",
                    id="daftar.E011",
                )
            )
    gateway = settings.FILINGS.get("PAYMENT_GATEWAY", "")
    if gateway in TEST_PAYMENT_GATEWAYS:
        found.append(
            level(
                f"The payment gateway is the test gateway {gateway}, which accepts every payment.",
                hint=f"Set DAFTAR_PAYMENT_GATEWAY to {REDIRECT_GATEWAY} (the card gateways' "
                "redirect-and-verify protocol) or another core.payments.Gateway.",
                id="daftar.E002" if not allowed else "daftar.W002",
            )
        )
    if gateway == REDIRECT_GATEWAY:
        found.extend(_redirect_gateway_settings())
    return found


def _redirect_gateway_settings() -> list:
    """The redirect gateway needs its https address, our merchant id, and an https address
    of this site for the payer's way back."""
    config = getattr(settings, "PAYMENT_REDIRECT", {})
    missing = [
        name
        for name, ok in (
            ("DAFTAR_PAYMENT_GATEWAY_URL", str(config.get("BASE_URL", "")).startswith("https://")),
            ("DAFTAR_PAYMENT_MERCHANT_ID", bool(config.get("MERCHANT_ID"))),
            (
                "DAFTAR_PAYMENT_CALLBACK_BASE_URL",
                str(config.get("CALLBACK_BASE_URL", "")).startswith("https://"),
            ),
        )
        if not ok
    ]
    if not missing:
        return []
    return [
        checks.Error(
            "The redirect payment gateway is not configured: " + ", ".join(missing) + ".",
            hint="Set the gateway's https address, the merchant id it issued, and this "
            "site's public https address (docs/deploy.md).",
            id="daftar.E003",
        )
    ]


def refuse_to_start() -> None:
    """Raise ImproperlyConfigured when production's configuration has an error above."""
    errors = [m for m in development_gateways() if m.level >= checks.ERROR]
    if errors:
        raise ImproperlyConfigured("; ".join(f"{m.id}: {m.msg}" for m in errors))
