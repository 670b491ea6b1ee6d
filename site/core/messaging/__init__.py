"""Sending SMS and email: write the outbox row now, deliver in a background job after commit."""

from django.db import transaction
from django.utils import timezone

from core import requestid
from core.models import OutboundMessage


def _queue(
    *, channel, to, body, purpose, subject="", user=None, secret=None, attachment=None
) -> OutboundMessage:
    name, content, mimetype = attachment or ("", "", "")
    message = OutboundMessage.objects.create(
        attachment_name=name,
        attachment=content,
        attachment_type=mimetype,
        channel=channel,
        recipient=str(to),
        user=user,
        purpose=purpose,
        subject=subject,
        body=body,
        redacted_body=body.replace(secret, "•" * len(secret)) if secret else body,
        contains_secret=bool(secret),
        enqueued_at=timezone.now(),
    )
    message_id = str(message.pk)
    request_id = requestid.current()  # the job's log lines carry the request's id

    def enqueue():
        from core.tasks import deliver_message

        if request_id:
            deliver_message.enqueue(message_id, request_id=request_id)
        else:
            deliver_message.enqueue(message_id)

    transaction.on_commit(enqueue)
    return message


def send_sms(*, to, body, purpose, user=None, secret=None) -> OutboundMessage:
    """Queue an SMS. `secret` (a code, a password) is redacted from the kept copy after delivery."""
    return _queue(
        channel=OutboundMessage.Channel.SMS,
        to=to,
        body=body,
        purpose=purpose,
        user=user,
        secret=secret,
    )


def send_email(
    *, to, subject, body, purpose, user=None, secret=None, attachment=None
) -> OutboundMessage:
    """Queue an e-mail; `attachment` is one (file name, text, MIME type), e.g. a calendar file."""
    return _queue(
        attachment=attachment,
        channel=OutboundMessage.Channel.EMAIL,
        to=to,
        subject=subject,
        body=body,
        purpose=purpose,
        user=user,
        secret=secret,
    )
