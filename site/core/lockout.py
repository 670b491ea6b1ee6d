"""Counting failures and locking (ID-7).

Keys are whatever is attacked — a national ID (existing or not, so a lock reveals nothing),
a source address, a case number. The counter lives in the database, so every web process
sees the same count; rows are locked while counted, so parallel guesses all count.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.exceptions import Locked
from core.models import AttemptCounter


def _hash(scope: str, key: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}:{key}".encode(), hashlib.sha256
    ).hexdigest()


@dataclass(frozen=True)
class Key:
    scope: str
    value: str

    @property
    def hashed(self) -> str:
        return _hash(self.scope, self.value.strip().upper())


def locked_until(keys: list[Key], now: datetime | None = None) -> datetime | None:
    now = now or timezone.now()
    until = (
        AttemptCounter.objects.filter(
            scope__in={k.scope for k in keys},
            key_hash__in=[k.hashed for k in keys],
            locked_until__gt=now,
        )
        .order_by("-locked_until")
        .values_list("locked_until", flat=True)
        .first()
    )
    return until


def ensure_not_locked(keys: list[Key]) -> None:
    now = timezone.now()
    until = locked_until(keys, now)
    if until:
        raise Locked(retry_after=(until - now).total_seconds())


def limit_for(scope: str) -> int | None:
    """Failures allowed before a lock; None for a scope that is counted but never locked (a
    source address or a national ID on its own, ID-11: they get a challenge instead)."""
    conf = settings.ACCOUNTS
    return conf.get("SCOPE_LIMITS", {}).get(scope, conf["MAX_FAILURES"])


def lock_length(scope: str, failures: int, limit: int):
    """How long a key is locked after `failures`: the lock period, or for a scope with a
    growing delay (ID-11) that delay doubled at each failure past the limit, up to the period."""
    conf = settings.ACCOUNTS
    delay = conf.get("SCOPE_DELAYS", {}).get(scope)
    if delay is None:
        return conf["LOCKOUT"]
    return min(delay * (2 ** max(failures - limit - 1, 0)), conf["LOCKOUT"])


def failures(keys: list[Key], now: datetime | None = None) -> dict[str, int]:
    """The failures counted in the current window, per scope (the highest of its keys)."""
    now = now or timezone.now()
    since = now - settings.ACCOUNTS["FAILURE_WINDOW"]
    counts: dict[str, int] = {}
    rows = AttemptCounter.objects.filter(
        scope__in={k.scope for k in keys}, key_hash__in=[k.hashed for k in keys]
    ).values_list("scope", "failures", "window_started_at", "locked_until")
    for scope, count, started, until in rows:
        if started >= since or (until and until > now):
            counts[scope] = max(counts.get(scope, 0), count)
    return counts


def register_failure(keys: list[Key]) -> datetime | None:
    """Count one failure on every key; lock a key whose count passes the limit.

    Runs in its own transaction so the count survives the caller's rollback. Returns the
    lock's end when this failure locked something.
    """
    conf = settings.ACCOUNTS
    now = timezone.now()
    locked = None
    with transaction.atomic():
        for key in keys:
            counter, _ = AttemptCounter.objects.select_for_update().get_or_create(
                scope=key.scope, key_hash=key.hashed, defaults={"window_started_at": now}
            )
            if counter.window_started_at < now - conf["FAILURE_WINDOW"] and not (
                counter.locked_until and counter.locked_until > now
            ):
                counter.failures = 0
                counter.window_started_at = now
            counter.failures += 1
            limit = limit_for(key.scope)
            if limit is not None and counter.failures > limit:
                counter.locked_until = now + lock_length(key.scope, counter.failures, limit)
                locked = max(locked, counter.locked_until) if locked else counter.locked_until
            counter.save()
    return locked


def reset(keys: list[Key]) -> None:
    AttemptCounter.objects.filter(
        scope__in={k.scope for k in keys}, key_hash__in=[k.hashed for k in keys]
    ).delete()


def guarded_failure(keys: list[Key]) -> None:
    """Record a failure and raise Locked if it was the one that locked."""
    until = register_failure(keys)
    if until:
        raise Locked(retry_after=(until - timezone.now()).total_seconds())
