"""Counting failures and locking (ID-7)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from core import lockout
from core.exceptions import Locked
from core.models import AttemptCounter

pytestmark = pytest.mark.django_db


@pytest.mark.rule("ID-7")
def test_the_sixth_failure_locks_for_the_lockout_period(settings):
    keys = [lockout.Key("signin", "0010000011"), lockout.Key("ip", "198.51.100.7")]
    for _ in range(settings.ACCOUNTS["MAX_FAILURES"]):
        lockout.guarded_failure(keys)
        lockout.ensure_not_locked(keys)

    with pytest.raises(Locked) as refused:
        lockout.guarded_failure(keys)
    assert refused.value.retry_after > 0
    with pytest.raises(Locked):
        lockout.ensure_not_locked([keys[0]])

    with time_machine.travel(timezone.now() + settings.ACCOUNTS["LOCKOUT"] + timedelta(seconds=1)):
        lockout.ensure_not_locked(keys)


@pytest.mark.rule("ID-7")
def test_keys_are_stored_hashed_and_unknown_keys_lock_the_same():
    """ID-7: a national ID with no account locks like any other; the table keeps no IDs."""
    key = lockout.Key("signin", "9999999999")
    for _ in range(6):
        try:
            lockout.guarded_failure([key])
        except Locked:
            break
    with pytest.raises(Locked):
        lockout.ensure_not_locked([key])
    assert not AttemptCounter.objects.filter(key_hash__contains="9999999999").exists()


@pytest.mark.rule("ID-7")
def test_failures_outside_the_window_start_a_new_count(settings):
    """ID-7: failures count within the window; the first failure after it starts a new count
    of one, so it does not lock although it is the limit's next failure."""
    key = lockout.Key("code", "abc")
    for _ in range(settings.ACCOUNTS["MAX_FAILURES"]):
        lockout.guarded_failure([key])
    later = timezone.now() + settings.ACCOUNTS["FAILURE_WINDOW"] + timedelta(seconds=1)
    with time_machine.travel(later):
        lockout.guarded_failure([key])  # a fresh window: no lock
        assert lockout.locked_until([key]) is None
        counter = AttemptCounter.objects.get(scope="code", key_hash=key.hashed)
        assert counter.failures == 1
        assert counter.window_started_at >= later
        assert counter.locked_until is None


def test_reset_clears_the_count():
    key = lockout.Key("code", "abc")
    lockout.guarded_failure([key])
    lockout.reset([key])
    assert not AttemptCounter.objects.exists()
