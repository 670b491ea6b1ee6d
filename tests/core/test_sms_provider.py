"""The SMS provider's HTTP protocol (core.messaging.provider) against a local provider on
loopback: sending with our message id as the provider's localid, retries with a growing pause
on failures that may pass, no retry on those that never will, and delivery reports (ID-8)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from core import sweeping
from core.messaging import send_sms
from core.messaging.backends import DeliveryState
from core.messaging.provider import localid_of
from core.models import OutboundMessage
from core.tasks import deliver_message
from tests.factories.sms_provider import DELIVERED, UNDELIVERED

pytestmark = pytest.mark.django_db

MOBILE = "09121234567"


def queue(body="Your appointment is tomorrow", to=MOBILE) -> OutboundMessage:
    return send_sms(to=to, body=body, purpose="test.provider")


def requeue_later(minutes: int) -> dict:
    with time_machine.travel(timezone.now() + timedelta(minutes=minutes)):
        return sweeping.run_all(only=["core.requeue_messages"])


@pytest.mark.rule("ID-8")
def test_a_message_is_sent_with_its_id_as_the_providers_localid(sms_provider):
    message = queue()

    assert deliver_message.call(str(message.pk)) == "sent"

    message.refresh_from_db()
    [sent] = sms_provider.delivered_to_phones
    assert sent["localid"] == localid_of(message) and sent["localid"].isdigit()
    assert sent["receptor"] == MOBILE and sent["message"] == message.body
    assert sent["sender"] == sms_provider.sender
    assert message.status == OutboundMessage.Status.SENT
    assert message.provider_reference == str(sent["messageid"])
    assert message.delivery_state == DeliveryState.PENDING


def test_a_timeout_is_retried_and_the_provider_sends_once(sms_provider):
    """The provider took the message but its answer came too late: the retry repeats the
    localid, the provider answers the entry it has, and one SMS reaches the phone."""
    message = queue()
    sms_provider.fail_next("timeout")

    assert deliver_message.call(str(message.pk)) == "retry"
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.QUEUED
    assert "timed out" in message.last_error and message.retry_at > timezone.now()

    assert requeue_later(2) == {"core.requeue_messages": 1}  # the job runs the retry

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT and message.attempts == 2
    assert [r["params"]["localid"] for r in sms_provider.sends()] == [localid_of(message)] * 2
    assert len(sms_provider.delivered_to_phones) == 1
    assert message.provider_reference == str(sms_provider.delivered_to_phones[0]["messageid"])


def test_a_5xx_then_success_delivers_exactly_once(sms_provider):
    message = queue()
    sms_provider.fail_next("5xx")

    assert deliver_message.call(str(message.pk)) == "retry"
    message.refresh_from_db()
    assert "HTTP 502" in message.last_error and sms_provider.delivered_to_phones == []

    assert requeue_later(2) == {"core.requeue_messages": 1}
    assert requeue_later(30) == {"core.requeue_messages": 0}  # nothing more to retry

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT and message.attempts == 2
    assert len(sms_provider.delivered_to_phones) == 1


def test_the_pause_before_a_retry_grows_with_each_failure(sms_provider, settings):
    settings.MESSAGE_RETRY_BACKOFF = timedelta(minutes=1)
    message = queue()
    sms_provider.fail_next("busy", "busy")

    deliver_message.call(str(message.pk))
    message.refresh_from_db()
    first_pause = message.retry_at - timezone.now()
    assert "status 409" in message.last_error
    assert requeue_later(0) == {"core.requeue_messages": 0}  # not before its time

    assert requeue_later(1) == {"core.requeue_messages": 1}  # second attempt: busy again
    message.refresh_from_db()
    second_pause = message.retry_at - timezone.now()
    assert message.status == OutboundMessage.Status.QUEUED and message.attempts == 2
    assert second_pause > first_pause + timedelta(seconds=30)

    assert requeue_later(3) == {"core.requeue_messages": 1}
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT and message.attempts == 3
    assert len(sms_provider.delivered_to_phones) == 1


@pytest.mark.parametrize(
    ("to", "api_key", "status"),
    [("12345", None, "411"), (MOBILE, "wrong-key", "403")],
    ids=["invalid number", "bad credentials"],
)
def test_a_permanent_refusal_fails_the_message_without_retry(
    sms_provider, settings, to, api_key, status
):
    if api_key:
        settings.SMS_PROVIDER = {**settings.SMS_PROVIDER, "API_KEY": api_key}
    message = queue(to=to)

    assert deliver_message.call(str(message.pk)) == "failed"

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED and message.attempts == 1
    assert f"status {status}" in message.last_error
    assert requeue_later(120) == {"core.requeue_messages": 0}
    assert deliver_message.call(str(message.pk)) == OutboundMessage.Status.FAILED
    assert len(sms_provider.sends()) == 1 and sms_provider.delivered_to_phones == []


def test_the_api_key_never_reaches_the_kept_error(sms_provider):
    message = queue()
    sms_provider.fail_next("5xx")
    deliver_message.call(str(message.pk))
    message.refresh_from_db()
    assert sms_provider.api_key not in message.last_error


def test_delivery_reports_are_recorded_once(sms_provider):
    delivered, lost, waiting = queue("one"), queue("two"), queue("three")
    for message in (delivered, lost, waiting):
        deliver_message.call(str(message.pk))
        message.refresh_from_db()
    sms_provider.report(delivered.provider_reference, DELIVERED)
    sms_provider.report(lost.provider_reference, UNDELIVERED)

    first = sweeping.run_all(only=["core.sms_delivery_reports"])
    second = sweeping.run_all(only=["core.sms_delivery_reports"])

    assert first == {"core.sms_delivery_reports": 2}
    assert second == {"core.sms_delivery_reports": 0}
    for message in (delivered, lost, waiting):
        message.refresh_from_db()
    assert delivered.delivery_state == DeliveryState.DELIVERED and delivered.delivered_at
    assert lost.delivery_state == DeliveryState.UNDELIVERED and lost.delivered_at is None
    assert waiting.delivery_state == DeliveryState.PENDING and waiting.delivery_checked_at
    # The provider asked about each message once, then not again before the next poll.
    asked = [r["params"]["messageid"] for r in sms_provider.requests if r["method"] == "status"]
    assert len(asked) == 1 and set(asked[0].split(",")) == {
        delivered.provider_reference,
        lost.provider_reference,
        waiting.provider_reference,
    }

    # A report that changes later (the provider's mistake) does not rewrite a final one.
    sms_provider.report(delivered.provider_reference, UNDELIVERED)
    sms_provider.report(waiting.provider_reference, DELIVERED)
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert sweeping.run_all(only=["core.sms_delivery_reports"]) == {
            "core.sms_delivery_reports": 1
        }
    delivered.refresh_from_db()
    waiting.refresh_from_db()
    assert delivered.delivery_state == DeliveryState.DELIVERED
    assert waiting.delivery_state == DeliveryState.DELIVERED


def test_development_backends_report_no_delivery(sms_outbox):
    message = queue()
    deliver_message.call(str(message.pk))
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT and message.delivery_state == ""
    assert sweeping.run_all(only=["core.sms_delivery_reports"]) == {"core.sms_delivery_reports": 0}


# --- The provider's delivery callback ------------------------------------------------------
CALLBACK_SECRET = "a-long-random-callback-secret"


@pytest.fixture
def callback(sms_provider, settings, client):
    settings.SMS_PROVIDER = {**settings.SMS_PROVIDER, "CALLBACK_SECRET": CALLBACK_SECRET}

    def post(messageid, status, secret=CALLBACK_SECRET):
        return client.post(f"/sms/delivery/{secret}/", {"messageid": messageid, "status": status})

    return post


def sent_message() -> OutboundMessage:
    message = queue()
    deliver_message.call(str(message.pk))
    message.refresh_from_db()
    return message


def test_the_providers_delivery_callback_records_the_report_once(callback):
    message = sent_message()

    first = callback(message.provider_reference, DELIVERED)
    again = callback(message.provider_reference, UNDELIVERED)  # late or repeated: ignored

    assert first.status_code == 200 and first.json() == {"recorded": 1}
    assert again.status_code == 200 and again.json() == {"recorded": 0}
    message.refresh_from_db()
    assert message.delivery_state == DeliveryState.DELIVERED and message.delivered_at


def test_the_callback_without_the_secret_does_not_exist(callback, settings, client):
    message = sent_message()
    wrong = callback(message.provider_reference, DELIVERED, secret="guessed")
    assert wrong.status_code == 404
    settings.SMS_PROVIDER = {**settings.SMS_PROVIDER, "CALLBACK_SECRET": ""}
    unset = callback(message.provider_reference, DELIVERED, secret="")
    assert unset.status_code == 404
    message.refresh_from_db()
    assert message.delivery_state == DeliveryState.PENDING
    assert client.get(f"/sms/delivery/{CALLBACK_SECRET}/").status_code == 405
