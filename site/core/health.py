"""Liveness and readiness for load balancers and the service manager.

- `/health/`: the process answers (no database, no cache): restart it if not.
- `/ready/`: it can serve: PostgreSQL answers, every cache (Redis) answers, the file storage
  takes a write, the jobs queue's oldest job is younger than DAFTAR_READY_QUEUE_MAX_AGE, and a
  sweep succeeded within DAFTAR_READY_SWEEP_MAX_AGE (when set). 200 when all hold, else 503;
  `?format=json` or `Accept: application/json` for the details. django-health-check runs the
  checks, each with its own timeout.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@contextlib.contextmanager
def _own_connection():
    """The checks run in a thread of their own: close its connection afterwards, so probes
    every few seconds leave no connection open (a database error surfaces as unavailable)."""
    try:
        yield
    except DatabaseError as exc:
        raise ServiceUnavailable("database unavailable") from exc
    finally:
        connections["default"].close()


@dataclasses.dataclass
class QueueAge(HealthCheck):
    """The oldest job waiting to run is not older than DAFTAR_READY_QUEUE_MAX_AGE seconds."""

    timeout = datetime.timedelta(seconds=3)

    def run(self):
        from django_tasks_db.models import DBTaskResult

        limit = settings.DAFTAR_READY_QUEUE_MAX_AGE
        if limit <= 0:
            return
        with _own_connection():
            oldest = (
                DBTaskResult.objects.ready()
                .order_by("enqueued_at")
                .values_list("enqueued_at", flat=True)
                .first()
            )
        if oldest and (timezone.now() - oldest).total_seconds() > limit:
            raise ServiceUnavailable("jobs wait longer than allowed: are the workers running?")


@dataclasses.dataclass
class LastSweep(HealthCheck):
    """Some sweep succeeded within DAFTAR_READY_SWEEP_MAX_AGE seconds (0: not checked)."""

    timeout = datetime.timedelta(seconds=3)

    def run(self):
        from django.db.models import Max

        from core.models import SweepRun

        limit = settings.DAFTAR_READY_SWEEP_MAX_AGE
        if limit <= 0:
            return
        with _own_connection():
            last = SweepRun.objects.aggregate(last=Max("last_succeeded_at"))["last"]
        if last is None or (timezone.now() - last).total_seconds() > limit:
            raise ServiceUnavailable("no sweep succeeded recently: is the sweep timer running?")


class ReadinessView(HealthCheckView):
    checks = (
        ("health_check.checks.Database", {"alias": "default"}),
        ("health_check.checks.Cache", {"alias": "default"}),
        ("health_check.checks.Cache", {"alias": "public"}),
        "health_check.checks.Storage",
        QueueAge,
        LastSweep,
    )

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:  # django-health-check's "some check failed"
            response.status_code = 503
        return response


@never_cache
def liveness(request):
    return HttpResponse("ok\n", content_type="text/plain")


readiness = ReadinessView.as_view()
