"""The outbox and its delivery job (ID-8, NOT-2: messages reach the registered channels)."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import sweeping
from core.messaging import send_email, send_sms
from core.models import OutboundMessage
from core.tasks import deliver_message

pytestmark = pytest.mark.django_db


@pytest.mark.rule("ID-8")
def test_sms_is_kept_in_the_outbox_and_delivered_after_commit(
    sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = send_sms(
            to="+989121234567", body="Your code is 123456", purpose="test.code", secret="123456"
        )
        assert sms_outbox == []  # nothing leaves before the transaction commits

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT
    assert [m.body for m in sms_outbox] == ["Your code is 123456"]
    # The kept copy no longer holds the secret.
    assert message.body == "Your code is ••••••"
    assert message.attempts == 1 and message.sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                send_sms(to="+989121234567", body="hello", purpose="test")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert not OutboundMessage.objects.exists()
    assert sms_outbox == []


def test_delivery_is_idempotent(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = send_sms(to="+989121234567", body="once", purpose="test")

    assert deliver_message.call(str(message.pk)) == "sent"
    assert deliver_message.call(str(message.pk)) == "sent"
    message.refresh_from_db()
    assert message.attempts == 1
    assert len(sms_outbox) == 1


def test_email_goes_through_djangos_mail_backend(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_email(to="a@example.ir", subject="Notice", body="A notice was issued.", purpose="test")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["a@example.ir"]
    assert OutboundMessage.objects.get().status == OutboundMessage.Status.SENT


def test_a_failing_gateway_is_retried_then_marked_failed(
    settings, django_capture_on_commit_callbacks
):
    settings.MESSAGE_MAX_ATTEMPTS = 2
    with mock.patch(
        "core.messaging.backends.LocmemSMSBackend.send", side_effect=OSError("gateway down")
    ):
        with django_capture_on_commit_callbacks(execute=True):
            message = send_sms(to="+989121234567", body="x", purpose="test")
        message.refresh_from_db()
        assert message.status == OutboundMessage.Status.QUEUED
        assert message.attempts == 1 and "gateway down" in message.last_error
        deliver_message.call(str(message.pk))
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    assert message.attempts == 2


def test_sweep_enqueues_lost_messages_again_once(sms_outbox):
    # Created outside an on_commit capture: its job was never enqueued (a lost job).
    message = send_sms(to="+989121234567", body="late", purpose="test")
    assert sms_outbox == []

    assert sweeping.run_all(only=["core.requeue_messages"]) == {"core.requeue_messages": 0}
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        first = sweeping.run_all(only=["core.requeue_messages"])
        second = sweeping.run_all(only=["core.requeue_messages"])
    assert first == {"core.requeue_messages": 1}
    assert second == {"core.requeue_messages": 0}
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT
    assert len(sms_outbox) == 1
