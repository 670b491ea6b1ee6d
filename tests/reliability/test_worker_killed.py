"""A worker killed in the middle of delivering an SMS neither loses nor doubles it (ID-8, NOT-2).

Real `manage.py db_worker` subprocesses (django-tasks-db) run against the test database and
deliver through a recording gateway (tests/reliability/gateway.py). The delivery job locks
the outbox row for the whole gateway call and records the outcome in the same transaction, so:

* killed inside the gateway call (before the gateway accepted): the transaction rolls back,
  the message stays queued, and it is delivered once after recovery;
* killed right after the gateway accepted, before the outcome was recorded: the message stays
  queued and is handed over a second time after recovery, with the same idempotency key (the
  message id). A gateway that honours idempotency keys delivers it once; one that does not
  would deliver it twice. That is at-least-once, the best possible without gateway keys.

django-tasks-db itself never recovers a job whose worker died: the job row stays RUNNING for
ever. Recovery is the `core.requeue_messages` sweep, which enqueues again every message still
queued after MESSAGE_REQUEUE_AFTER; the row lock and the status check make a duplicate job
harmless.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.messaging import send_sms
from core.models import OutboundMessage
from core.sweeping import run_all
from tests.reliability import gateway

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gateway_log(tmp_path, monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = tmp_path / "gateway.log"
    monkeypatch.setenv("DAFTAR_TEST_GATEWAY_LOG", str(log))
    Path(f"{log}.hang").touch()
    return log


@pytest.fixture
def workers():
    started = []

    def start(*args):
        env = {**os.environ, "DAFTAR_TEST_DB_NAME": connection.settings_dict["NAME"]}
        process = subprocess.Popen(  # noqa: S603 - our own manage.py
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--settings=tests.reliability.worker_settings",
                "--no-startup-delay",
                "--interval=0.1",
                *args,
            ],
            cwd=Path(__file__).resolve().parents[2],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def wait_for(line: str, worker, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if line in gateway.lines():
            return
        if worker.poll() is not None:
            pytest.fail(f"worker exited early: {worker.stderr.read().decode()[-2000:]}")
        time.sleep(0.05)
    pytest.fail(f"the gateway never saw {line!r}")


def kill(worker):
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)


def wait_until_unlocked(message_id, timeout=30):
    """The dead worker's database session ends when PostgreSQL sees its socket close."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with transaction.atomic():
                OutboundMessage.objects.select_for_update(nowait=True).get(pk=message_id)
            return
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def queue(purpose) -> OutboundMessage:
    with transaction.atomic():
        return send_sms(to="+989121234567", body="Your notice is ready.", purpose=purpose)


@pytest.mark.rule("ID-8")
@pytest.mark.rule("NOT-2")
def test_a_worker_killed_mid_delivery_neither_loses_nor_doubles_the_sms(gateway_log, workers):
    """ID-8, NOT-2: SIGKILL inside the gateway call, and SIGKILL after the gateway accepted:
    both messages stay queued (nothing half-recorded), the dead jobs stay RUNNING, the sweep
    enqueues the messages again, a new worker delivers each exactly once — the second hand-over
    of the accepted one carries the same idempotency key and the gateway does not deliver it
    again."""
    in_call = queue("test.hang_in_call")
    worker = workers()
    wait_for(f"call {in_call.pk}", worker)
    kill(worker)

    after_accept = queue("test.hang_after_accept")
    worker = workers()
    wait_for(f"delivered {after_accept.pk}", worker)
    kill(worker)

    for message in (in_call, after_accept):
        wait_until_unlocked(message.pk)
        message.refresh_from_db()
        assert message.status == OutboundMessage.Status.QUEUED
        assert message.attempts == 0 and message.sent_at is None and not message.provider_reference
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 2  # left by the dead workers

    # Recovery: the sweep (run every minute) finds the two stale queued messages.
    Path(f"{gateway_log}.hang").unlink()
    later = timezone.now() + settings.MESSAGE_REQUEUE_AFTER + dt.timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        assert run_all(only=["core.requeue_messages"]) == {"core.requeue_messages": 2}
    recovery = workers("--batch")
    assert recovery.wait(timeout=120) == 0, recovery.stderr.read().decode()[-2000:]

    for message in (in_call, after_accept):
        message.refresh_from_db()
        assert message.status == OutboundMessage.Status.SENT
        assert message.provider_reference == f"gateway:{message.pk}"
        assert message.attempts == 1
    recorded = gateway.lines()
    assert recorded.count(f"delivered {in_call.pk}") == 1
    assert recorded.count(f"call {in_call.pk}") == 2
    assert recorded.count(f"delivered {after_accept.pk}") == 1
    assert recorded.count(f"replay {after_accept.pk}") == 1  # handed over again, same key
    # A later sweep and worker find nothing to do: nothing is sent a third time.
    with time_machine.travel(later + dt.timedelta(minutes=10), tick=False):
        assert run_all(only=["core.requeue_messages"]) == {"core.requeue_messages": 0}
    assert gateway.lines() == recorded
