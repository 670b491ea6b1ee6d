"""Background jobs shared by every app."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core import requestid
from core.messaging.backends import DeliveryState, PermanentSMSError, get_sms_backend
from core.models import OutboundMessage

logger = logging.getLogger(__name__)


def _deliver(message: OutboundMessage) -> str:
    if message.channel == OutboundMessage.Channel.SMS:
        return get_sms_backend().send(message)
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        headers={"X-Daftar-Message-Id": str(message.pk)},
    )
    if message.attachment_name:
        email.attach(message.attachment_name, message.attachment, message.attachment_type)
    email.send(fail_silently=False)
    return f"email:{message.pk}"


def retry_pause(attempts: int):
    """The pause before the next attempt: the backoff, doubled per failed attempt (an hour at
    most)."""
    pause = settings.MESSAGE_RETRY_BACKOFF * (2 ** max(attempts - 1, 0))
    return min(pause, timedelta(hours=1))


@task()
def deliver_message(message_id: str, request_id: str = "") -> str:
    """Deliver one outbox message, at most once per success.

    The row is locked for the delivery, so two workers never send it together; a message
    already sent is skipped, so a job run twice sends once. A worker that dies mid-delivery
    rolls the lock back and the sweep enqueues the message again. Its log lines carry the id
    of the request that queued it (`request_id`).
    """
    with requestid.bound(request_id):
        return _deliver_once(message_id)


def _deliver_once(message_id: str) -> str:
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id)
            .first()
        )
        if message is None:
            return "busy-or-missing"
        if message.status in (OutboundMessage.Status.SENT, OutboundMessage.Status.FAILED):
            return message.status
        message.attempts += 1
        try:
            reference = _deliver(message)
        except PermanentSMSError as exc:  # never to pass: failed now, not tried again
            logger.warning("Delivery of %s refused for good: %s", message_id, exc)
            message.last_error = str(exc)[:2000]
            message.status = OutboundMessage.Status.FAILED
            message.save(update_fields=["attempts", "last_error", "status"])
            return "failed"
        except Exception as exc:  # the provider's failure is recorded, not raised
            logger.warning("Delivery of %s failed: %s", message_id, exc)
            message.last_error = str(exc)[:2000]
            message.retry_at = timezone.now() + retry_pause(message.attempts)
            if message.attempts >= settings.MESSAGE_MAX_ATTEMPTS:
                message.status = OutboundMessage.Status.FAILED
            message.save(update_fields=["attempts", "last_error", "status", "retry_at"])
            return "retry"
        message.status = OutboundMessage.Status.SENT
        message.sent_at = timezone.now()
        message.provider_reference = reference
        if message.channel == OutboundMessage.Channel.SMS and get_sms_backend().reports_delivery:
            message.delivery_state = DeliveryState.PENDING
        if message.contains_secret:
            message.body = message.redacted_body
        message.save(
            update_fields=[
                "attempts",
                "status",
                "sent_at",
                "provider_reference",
                "body",
                "last_error",
                "delivery_state",
            ]
        )
        return "sent"
