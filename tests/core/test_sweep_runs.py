"""`manage.py sweep` on several machines: a sweep another runner holds is skipped (a
PostgreSQL advisory lock), one failing sweep does not stop the others, and each run is
recorded for /ready/ and /metrics."""

import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections

from core import sweeping
from core.models import SweepRun


@pytest.fixture
def sweeps(monkeypatch):
    """Only the sweeps the test registers."""
    registry = {}
    monkeypatch.setattr(sweeping, "_registry", registry)
    monkeypatch.setattr(sweeping, "registered", lambda: dict(sorted(registry.items())))
    return registry


@pytest.mark.django_db
def test_one_failing_sweep_does_not_stop_the_others(sweeps):
    ran = []

    def first(now):
        ran.append("a")
        return 2

    def broken(now):
        ran.append("b")
        raise RuntimeError("disk full")

    def last(now):
        ran.append("c")
        return 1

    sweeps.update({"a.first": first, "b.broken": broken, "c.last": last})
    outcomes = sweeping.run_each()

    assert ran == ["a", "b", "c"]
    assert outcomes["a.first"].count == 2
    assert outcomes["c.last"].count == 1
    assert outcomes["b.broken"].error == "RuntimeError: disk full"
    broken_run = SweepRun.objects.get(name="b.broken")
    assert (broken_run.runs, broken_run.failures) == (1, 1)
    assert broken_run.last_succeeded_at is None
    assert broken_run.last_error == "RuntimeError: disk full"
    last_run = SweepRun.objects.get(name="c.last")
    assert (last_run.runs, last_run.failures, last_run.last_count) == (1, 0, 1)
    assert last_run.last_succeeded_at is not None


@pytest.mark.django_db
def test_a_failing_sweeps_writes_are_rolled_back_and_the_command_fails(sweeps, capsys):
    def half_done(now):
        SweepRun.objects.create(name="written-by-the-sweep")
        raise ValueError("half way")

    sweeps.update({"a.half": half_done, "b.fine": lambda now: 0})
    with pytest.raises(CommandError, match="1 sweep"):
        call_command("sweep")
    out = capsys.readouterr().out
    assert "a.half: failed: ValueError: half way" in out
    assert "b.fine: 0" in out
    assert not SweepRun.objects.filter(name="written-by-the-sweep").exists()
    with pytest.raises(sweeping.SweepsFailed):
        sweeping.run_all()


@pytest.mark.django_db(transaction=True)
def test_two_runners_never_run_the_same_sweep_at_once(sweeps):
    """While one runner is inside a sweep, a second runner (another connection, as on another
    machine) skips that sweep and runs the rest."""
    inside = threading.Event()
    release = threading.Event()
    calls = []

    def slow(now):
        calls.append("slow")
        inside.set()
        assert release.wait(30)
        return 1

    def quick(now):
        calls.append("quick")
        return 0

    sweeps.update({"a.slow": slow, "b.quick": quick})
    first = {}

    def runner():
        try:
            first.update(sweeping.run_each(only=["a.slow"]))
        finally:
            connections.close_all()

    thread = threading.Thread(target=runner)
    thread.start()
    try:
        assert inside.wait(30)
        second = sweeping.run_each()
    finally:
        release.set()
        thread.join(30)

    assert second["a.slow"].busy
    assert str(second["a.slow"]) == "busy"
    assert second["b.quick"].count == 0 and not second["b.quick"].busy
    assert first["a.slow"].count == 1
    assert calls.count("slow") == 1
    # Once the first runner is done, the sweep is free again.
    assert sweeping.run_each(only=["a.slow"])["a.slow"].count == 1


def test_lock_keys_are_stable_and_distinct():
    names = [f"app{i}.sweep{j}" for i in range(20) for j in range(20)]
    keys = {sweeping.lock_key(name) for name in names}
    assert len(keys) == len(names)
    assert sweeping.lock_key("offices.slots") == sweeping.lock_key("offices.slots")
    assert all(0 <= key < 2**31 for key in keys)
