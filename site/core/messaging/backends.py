"""SMS gateways. Choose one with the SMS_BACKEND setting: a development backend below, or the
HTTP provider's (`core.messaging.provider`).

`send` receives the outbox row and must treat `message.pk` as an idempotency key: a job
that is retried after a crash may hand the same message over again. A failure that may pass
(a timeout, the provider busy) raises any exception and the message is tried again later; one
that never will (an invalid number, refused credentials) raises `PermanentSMSError` and the
message is failed at once.

A backend whose provider reports delivery sets `reports_delivery` and answers
`delivery_states(references)`; the outbox's delivery sweep asks it about sent messages.
"""

import copy
import sys
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string


class SMSDeliveryError(Exception):
    """The provider did not take the message; it may take it later."""


class PermanentSMSError(SMSDeliveryError):
    """The provider will never take this message (invalid number, refused credentials)."""


class DeliveryState:
    """A sent message's fate as the provider reports it (`OutboundMessage.delivery_state`)."""

    PENDING = "pending"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FINAL = (DELIVERED, UNDELIVERED)


def record_delivery(states: dict[str, str], *, now) -> int:
    """Record the provider's final reports (reference → DeliveryState) on the sent messages
    still pending; a message already reported is left alone. Returns the rows changed."""
    from core.models import OutboundMessage

    changed = 0
    for reference, state in states.items():
        if state not in DeliveryState.FINAL or not reference:
            continue
        changed += OutboundMessage.objects.filter(
            channel=OutboundMessage.Channel.SMS,
            provider_reference=reference,
            delivery_state=DeliveryState.PENDING,
        ).update(
            delivery_state=state,
            delivery_checked_at=now,
            delivered_at=now if state == DeliveryState.DELIVERED else None,
        )
    return changed


class BaseSMSBackend:
    reports_delivery = False

    def send(self, message) -> str:
        """Deliver and return the provider's reference."""
        raise NotImplementedError

    def delivery_states(self, references: list[str]) -> dict[str, str]:
        """The `DeliveryState` of each reference the provider knows (pending ones included)."""
        return {}


class ConsoleSMSBackend(BaseSMSBackend):
    def send(self, message) -> str:
        sys.stdout.write(f"\n[SMS to {message.recipient}] {message.body}\n")
        sys.stdout.flush()
        return f"console:{message.pk}"


class FileSMSBackend(BaseSMSBackend):
    """One file per message, named by its id: a retried job rewrites, never duplicates."""

    def send(self, message) -> str:
        directory = Path(settings.SMS_FILE_PATH)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{message.pk}.txt"
        path.write_text(
            f"To: {message.recipient}\nPurpose: {message.purpose}\n\n{message.body}\n",
            encoding="utf-8",
        )
        return f"file:{path.name}"


class ConsoleAndFileSMSBackend(BaseSMSBackend):
    def send(self, message) -> str:
        ConsoleSMSBackend().send(message)
        return FileSMSBackend().send(message)


# Messages "sent" by the in-memory backend, for tests (like django.core.mail.outbox).
outbox: list = []


class LocmemSMSBackend(BaseSMSBackend):
    def send(self, message) -> str:
        if not any(sent.pk == message.pk for sent in outbox):
            outbox.append(copy.copy(message))  # as sent, before redaction
        return f"locmem:{message.pk}"


def get_sms_backend() -> BaseSMSBackend:
    return import_string(settings.SMS_BACKEND)()
