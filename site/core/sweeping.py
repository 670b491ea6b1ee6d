"""Time-driven work. Each app registers idempotent sweep functions in its `sweeps` module;
`manage.py sweep` runs them all. A sweep compares stored timestamps with `now`, so a late
sweep does the same as a punctual one, and running it twice changes nothing more.

Several machines may run `manage.py sweep` on their own timers: on PostgreSQL each sweep runs
under a transaction-level advisory lock named after it, so one sweep never runs twice at once
(the second runner skips it: "busy"). Each sweep runs in its own transaction; one that fails
is rolled back, logged and recorded (`SweepRun`), and the others still run.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

_registry: dict[str, Callable[[datetime], int]] = {}
# The advisory locks' first key: the project's own space, apart from other users of the lock.
LOCK_SPACE = 0x6461  # "da"


def sweep(name: str):
    def register(func):
        _registry[name] = func
        return func

    return register


def registered() -> dict[str, Callable[[datetime], int]]:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("sweeps")
    return dict(sorted(_registry.items()))


@dataclass(frozen=True)
class Outcome:
    """One sweep's result in one run: `count` records changed, or skipped because another
    runner holds it (`busy`), or failed (`error`)."""

    count: int = 0
    busy: bool = False
    error: str = ""

    def __str__(self):
        if self.busy:
            return "busy"
        if self.error:
            return f"failed: {self.error}"
        return str(self.count)


def lock_key(name: str) -> int:
    """A stable 31-bit key for `name` (the advisory lock's second key)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") & 0x7FFFFFFF


def _take_lock(name: str) -> bool:
    """Inside the sweep's transaction: hold its advisory lock until the transaction ends, or
    say that another runner holds it. Only PostgreSQL has the lock; elsewhere (SQLite, one
    machine) the answer is always yes."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [LOCK_SPACE, lock_key(name)])
        return bool(cursor.fetchone()[0])


def _record(name: str, started: datetime, outcome: Outcome) -> None:
    from core.models import SweepRun

    SweepRun.objects.get_or_create(name=name)
    changes = {"runs": F("runs") + 1, "last_started_at": started}
    if outcome.error:
        changes.update(
            failures=F("failures") + 1, last_failed_at=timezone.now(), last_error=outcome.error
        )
    else:
        changes.update(last_succeeded_at=timezone.now(), last_count=outcome.count)
    SweepRun.objects.filter(name=name).update(**changes)


def run_one(name: str, func: Callable[[datetime], int], now: datetime) -> Outcome:
    started = timezone.now()
    try:
        with transaction.atomic():
            if not _take_lock(name):
                return Outcome(busy=True)
            outcome = Outcome(count=func(now))
    except Exception as exc:  # noqa: BLE001 - one failing sweep must not stop the others
        logger.exception("Sweep %s failed", name)
        outcome = Outcome(error=f"{type(exc).__name__}: {exc}"[:2000])
    try:
        _record(name, started, outcome)
    except Exception:  # noqa: BLE001 - the record is best effort, the work is done
        logger.exception("Could not record the run of sweep %s", name)
    return outcome


class SweepsFailed(Exception):
    def __init__(self, outcomes: dict[str, Outcome]):
        self.outcomes = outcomes
        failed = ", ".join(name for name, outcome in outcomes.items() if outcome.error)
        super().__init__(f"sweeps failed: {failed}")


def run_each(now: datetime | None = None, only: list[str] | None = None) -> dict[str, Outcome]:
    """Run every sweep (or those named in `only`) once; each one's outcome."""
    now = now or timezone.now()
    return {
        name: run_one(name, func, now)
        for name, func in registered().items()
        if not only or name in only
    }


def run_all(now: datetime | None = None, only: list[str] | None = None) -> dict[str, int]:
    """Run every sweep once; the records each changed (0 when another runner held it). Raises
    `SweepsFailed` after all have run when any failed."""
    outcomes = run_each(now, only)
    if any(outcome.error for outcome in outcomes.values()):
        raise SweepsFailed(outcomes)
    return {name: outcome.count for name, outcome in outcomes.items()}
