"""SMS gateways. Choose one with the SMS_BACKEND setting; a real provider is one more class.

`send` receives the outbox row and must treat `message.pk` as an idempotency key: a job
that is retried after a crash may hand the same message over again.
"""

import copy
import sys
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string


class BaseSMSBackend:
    def send(self, message) -> str:
        """Deliver and return the provider's reference."""
        raise NotImplementedError


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
