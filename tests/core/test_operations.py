"""Operations: liveness and readiness (/health/, /ready/), metrics (/metrics), the request id
carried into the logs and the jobs, JSON log lines."""

import datetime as dt
import json
import logging
import sys

import pytest
from django.utils import timezone

from core import requestid
from core.logs import JSONFormatter
from core.messaging import send_sms
from core.models import OutboundMessage, SweepRun
from core.requestid import RequestIdFilter
from tests.cluster.services import RedisServer


def redis_caches(url: str) -> dict:
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    backend = "django.core.cache.backends.redis.RedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "d", "OPTIONS": options},
        "public": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "p", "OPTIONS": options},
    }


# --- Liveness and readiness -------------------------------------------------------------------
@pytest.mark.django_db
def test_liveness_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_ready_when_database_cache_storage_queue_and_sweep_answer(client, settings):
    settings.DAFTAR_READY_SWEEP_MAX_AGE = 600
    SweepRun.objects.create(name="core.requeue_messages", last_succeeded_at=timezone.now())
    response = client.get("/ready/?format=json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body.values()) == {"OK"}
    assert any("Database" in check for check in body)
    assert any("Cache" in check and "public" in check for check in body)
    assert any("Storage" in check for check in body)
    assert any("QueueAge" in check for check in body)
    assert any("LastSweep" in check for check in body)
    # A balancer's probe asks for anything: the same verdict as a page.
    page = client.get("/ready/", HTTP_ACCEPT="*/*")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")


@pytest.mark.django_db(transaction=True)
def test_not_ready_when_no_sweep_succeeded_recently(client, settings):
    settings.DAFTAR_READY_SWEEP_MAX_AGE = 600
    SweepRun.objects.create(
        name="core.requeue_messages",
        last_succeeded_at=timezone.now() - dt.timedelta(minutes=11),
    )
    response = client.get("/ready/?format=json")
    assert response.status_code == 503
    failed = {check: state for check, state in response.json().items() if state != "OK"}
    assert list(failed) == ["LastSweep()"]
    assert "sweep" in failed["LastSweep()"]


@pytest.mark.django_db(transaction=True)
def test_not_ready_when_jobs_wait_too_long(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.DAFTAR_READY_QUEUE_MAX_AGE = 300
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.tasks.deliver_message",
        queue_name="default",
        backend_name="default",
        run_after=timezone.now() - dt.timedelta(minutes=6),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=6))
    response = client.get("/ready/?format=json")
    assert response.status_code == 503
    failed = [check for check, state in response.json().items() if state != "OK"]
    assert failed == ["QueueAge()"]


@pytest.mark.django_db(transaction=True)
def test_ready_follows_redis_going_away_and_coming_back(client, settings):
    with RedisServer() as redis:
        settings.CACHES = redis_caches(redis.url)
        assert client.get("/ready/?format=json").status_code == 200

        redis.stop()
        response = client.get("/ready/?format=json")
        assert response.status_code == 503
        failed = sorted(check for check, state in response.json().items() if state != "OK")
        assert failed == ["Cache(alias='default')", "Cache(alias='public')"]

        redis.start()
        assert client.get("/ready/?format=json").status_code == 200


# --- Metrics ----------------------------------------------------------------------------------
def metric(text: str, name: str, default: float | None = None) -> float:
    for line in text.splitlines():
        key, _, value = line.rpartition(" ")
        if not line.startswith("#") and key == name:
            return float(value)
    if default is not None:
        return default
    raise AssertionError(f"{name} missing from the metrics")


@pytest.mark.django_db
def test_metrics_count_requests_errors_queue_outbox_and_sweeps(client):
    before = client.get("/metrics").content.decode()
    client.get("/health/")
    client.get("/no-such-page/")
    OutboundMessage.objects.create(
        channel="sms", recipient="+989121234567", purpose="t", body="b", status="failed"
    )
    SweepRun.objects.create(name="offices.slots", runs=3, failures=1)

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    get_2xx = 'daftar_http_requests_total{method="GET",status="2xx"}'
    get_4xx = 'daftar_http_requests_total{method="GET",status="4xx"}'
    assert metric(text, get_2xx) >= metric(before, get_2xx, default=0) + 1
    assert metric(text, get_4xx) >= 1
    assert "daftar_http_request_duration_seconds_bucket" in text
    assert "daftar_http_errors_total" in text
    assert metric(text, "daftar_jobs_queue_depth") == 0
    assert metric(text, "daftar_jobs_queue_oldest_seconds") == 0
    assert metric(text, 'daftar_outbox_messages{status="failed"}') == 1
    assert metric(text, 'daftar_outbox_messages{status="sent"}') == 0
    assert metric(text, 'daftar_sweep_runs{sweep="offices.slots"}') == 3
    assert metric(text, 'daftar_sweep_failures{sweep="offices.slots"}') == 1


@pytest.mark.django_db
def test_metrics_need_the_token_when_one_is_set(client, settings):
    settings.DAFTAR_METRICS_TOKEN = "scrape-secret-token"
    refused = client.get("/metrics")
    assert refused.status_code == 403
    assert b"daftar_" not in refused.content
    allowed = client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret-token")
    assert allowed.status_code == 200
    assert b"daftar_jobs_queue_depth" in allowed.content


@pytest.mark.django_db
def test_metrics_are_refused_from_elsewhere_without_a_token(client):
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403
    assert b"daftar_" not in response.content


# --- Request id and logs ----------------------------------------------------------------------
def test_each_answer_carries_a_request_id_and_keeps_the_proxys(client):
    mine = client.get("/health/")["X-Request-ID"]
    assert len(mine) == 32
    assert client.get("/health/")["X-Request-ID"] != mine
    given = client.get("/health/", HTTP_X_REQUEST_ID="nginx-0123456789abcdef")
    assert given["X-Request-ID"] == "nginx-0123456789abcdef"
    # Anything but a plain token (a forged log line) is replaced.
    forged = client.get("/health/", HTTP_X_REQUEST_ID='x\n{"level": "critical"}')
    assert forged["X-Request-ID"] != 'x\n{"level": "critical"}'
    assert len(forged["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_message_queued_in_a_request_takes_the_request_id_to_its_job(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    with (
        requestid.bound("req-000111222333"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = send_sms(to="+989121234567", body="hello", purpose="test")
    job = DBTaskResult.objects.get()
    assert job.task_path == "core.tasks.deliver_message"
    assert job.args_kwargs["args"] == [str(message.pk)]
    assert job.args_kwargs["kwargs"] == {"request_id": "req-000111222333"}


@pytest.mark.django_db
def test_the_jobs_log_lines_carry_the_request_id(monkeypatch):
    from core.messaging import backends
    from core.requestid import RequestIdFilter
    from core.tasks import deliver_message

    def gateway_down(self, message):
        raise RuntimeError("gateway down")

    monkeypatch.setattr(backends.LocmemSMSBackend, "send", gateway_down)
    seen = []

    class Capture(logging.Handler):
        def emit(self, record):
            seen.append((record.getMessage(), record.request_id))

    handler = Capture()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("core.tasks")
    logger.addHandler(handler)
    try:
        message = OutboundMessage.objects.create(
            channel="sms", recipient="+989121234567", purpose="t", body="b"
        )
        assert deliver_message.call(str(message.pk), request_id="req-000111222333") == "retry"
    finally:
        logger.removeHandler(handler)
    assert seen == [(f"Delivery of {message.pk} failed: gateway down", "req-000111222333")]
    assert requestid.current() == ""


def test_json_log_lines_carry_level_logger_message_and_request_id():
    formatter = JSONFormatter()
    record = logging.LogRecord(
        "daftar.test", logging.WARNING, __file__, 1, "hello %s", ("you",), None
    )
    with requestid.bound("req-abcdef012345"):
        RequestIdFilter().filter(record)
    line = json.loads(formatter.format(record))
    assert line["level"] == "warning"
    assert line["logger"] == "daftar.test"
    assert line["event"] == "hello you"
    assert line["request_id"] == "req-abcdef012345"
    assert line["time"].endswith("Z")


def test_json_log_lines_keep_the_traceback():
    formatter = JSONFormatter()
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(formatter.format(record))
    assert line["exception"][0]["exc_type"] == "ValueError"
    assert line["exception"][0]["exc_value"] == "broken"
