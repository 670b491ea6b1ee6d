"""Messages as the people they go to receive them: one-time codes read from the SMS outbox
(the in-memory gateway keeps each SMS as sent, before its secret is redacted)."""

from contextlib import contextmanager

from django.test import TestCase

from core.messaging import backends


@contextmanager
def delivered():
    """Deliver the messages queued inside the block at its end, as the commit would (a test
    runs in one transaction, where `on_commit` never fires by itself)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def secret(message) -> str:
    """The secret (code, password) of a message: what its kept copy hides behind dots."""
    start = message.redacted_body.find("•")
    assert message.contains_secret and start >= 0, message.body
    end = start
    while end < len(message.redacted_body) and message.redacted_body[end] == "•":
        end += 1
    return message.body[start:end]


def sms_code(user, purpose: str) -> str:
    """The one-time code (or password) last texted to `user` for `purpose`."""
    for message in reversed(backends.outbox):
        if message.purpose == purpose and message.user_id == user.pk:
            return secret(message)
    raise AssertionError(f"no {purpose} SMS was sent to {user}")
