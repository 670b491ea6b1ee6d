"""Prometheus metrics at /metrics.

Per process, counted by `MetricsMiddleware`: requests by method and status class, their
latency, and server errors. With several gunicorn workers set PROMETHEUS_MULTIPROC_DIR (an
empty folder per node, cleared at start; the systemd unit does) and every worker's counts are
summed. Read from the database at each scrape, the same on every node: the jobs queue's depth
and the age of its oldest job, the outbox by status (failed messages: alert), the oldest
message still queued, and each sweep's runs, failures and last success.
"""

from __future__ import annotations

import os
import time

from django.conf import settings
from django.db.models import Count
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

REQUESTS = Counter("daftar_http_requests_total", "HTTP requests answered.", ["method", "status"])
ERRORS = Counter("daftar_http_errors_total", "HTTP requests answered with a server error.")
LATENCY = Histogram(
    "daftar_http_request_duration_seconds",
    "Time to answer a request.",
    ["method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
_PATH = "/metrics"


class MetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == _PATH:
            return self.get_response(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        except Exception:
            self._count(request, 500, started)
            raise
        self._count(request, response.status_code, started)
        return response

    @staticmethod
    def _count(request, status: int, started: float) -> None:
        method = request.method if request.method in _METHODS else "other"
        REQUESTS.labels(method, f"{status // 100}xx").inc()
        LATENCY.labels(method).observe(time.perf_counter() - started)
        if status >= 500:
            ERRORS.inc()


class DatabaseCollector:
    """Figures every node reads alike from the database at scrape time."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        from core.models import OutboundMessage, SweepRun

        now = timezone.now()
        ready = DBTaskResult.objects.ready()
        depth = GaugeMetricFamily("daftar_jobs_queue_depth", "Jobs waiting to run.")
        depth.add_metric([], ready.count())
        yield depth
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        age = GaugeMetricFamily(
            "daftar_jobs_queue_oldest_seconds", "Age of the oldest job waiting to run."
        )
        age.add_metric([], (now - oldest).total_seconds() if oldest else 0)
        yield age

        outbox = GaugeMetricFamily(
            "daftar_outbox_messages", "Outbox messages by status.", labels=["status"]
        )
        counts = dict.fromkeys(OutboundMessage.Status.values, 0)
        for row in OutboundMessage.objects.values("status").order_by().annotate(n=Count("pk")):
            counts[row["status"]] = row["n"]
        for status, n in counts.items():
            outbox.add_metric([status], n)
        yield outbox
        queued = (
            OutboundMessage.objects.filter(status=OutboundMessage.Status.QUEUED)
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
        stale = GaugeMetricFamily(
            "daftar_outbox_oldest_queued_seconds", "Age of the oldest message not yet sent."
        )
        stale.add_metric([], (now - queued).total_seconds() if queued else 0)
        yield stale

        runs = GaugeMetricFamily("daftar_sweep_runs", "Runs of each sweep.", labels=["sweep"])
        failures = GaugeMetricFamily(
            "daftar_sweep_failures", "Failed runs of each sweep.", labels=["sweep"]
        )
        success = GaugeMetricFamily(
            "daftar_sweep_last_success_timestamp_seconds",
            "When each sweep last succeeded (Unix time).",
            labels=["sweep"],
        )
        for row in SweepRun.objects.all():
            runs.add_metric([row.name], row.runs)
            failures.add_metric([row.name], row.failures)
            if row.last_succeeded_at:
                success.add_metric([row.name], row.last_succeeded_at.timestamp())
        yield runs
        yield failures
        yield success


def _allowed(request) -> bool:
    token = settings.DAFTAR_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "")
        return constant_time_compare(given, f"Bearer {token}")
    return request.META.get("REMOTE_ADDR") in ("127.0.0.1", "::1")


def metrics_view(request):
    if not _allowed(request):
        return HttpResponseForbidden()
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        for collector in (REQUESTS, ERRORS, LATENCY):
            registry.register(collector)
    registry.register(DatabaseCollector())
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
