"""The API's rate limits (ID-7) counted per fixed window in the database, shared by every web
process: one statement per limit, exact under concurrency, reset by the next window."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from core.models import RateWindow
from core.sweeps import prune_rate_windows
from core.throttling import count_hit

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_per_minute(monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"auth": "3/min"})


def recovery(api, address="10.9.9.9"):
    return api.post("/api/v1/auth/recovery/", {}, format="json", REMOTE_ADDR=address)


@pytest.mark.rule("ID-7")
def test_the_request_past_the_rate_is_refused_until_the_next_window(api, three_per_minute):
    """ID-7: the fourth request of a minute from one address gets 429 `throttled` with
    Retry-After; another address is counted apart; the next minute starts a new count."""
    with time_machine.travel(timezone.now().replace(second=0), tick=False) as clock:
        assert [recovery(api).status_code for _ in range(3)] == [400, 400, 400]
        refused = recovery(api)
        assert refused.status_code == 429
        assert refused.json()["code"] == "throttled"
        assert 0 < int(refused["Retry-After"]) <= 60
        assert recovery(api, address="10.9.9.10").status_code == 400
        clock.shift(timedelta(seconds=61))
        assert recovery(api).status_code == 400


@pytest.mark.rule("ID-7")
def test_each_limit_costs_one_statement(api, three_per_minute):
    """ID-7: counting a request is one upsert per limit, not a cache read and write."""
    recovery(api)
    with CaptureQueriesContext(connection) as queries:
        recovery(api)
    counted = [q["sql"] for q in queries if "core_ratewindow" in q["sql"]]
    # The anonymous rate, the per-user rate (the address for an anonymous caller) and "auth".
    assert len(counted) == 3
    assert all(sql.startswith("INSERT INTO core_ratewindow") for sql in counted)


@pytest.mark.rule("ID-7")
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_are_each_counted_once():
    """ID-7: requests counted at the same moment by different processes each get their own
    number: no lost update lets a client past the limit."""
    workers, per_worker = 8, 25
    barrier = threading.Barrier(workers)
    seen: list[int] = []
    lock = threading.Lock()

    def hammer():
        try:
            barrier.wait()
            counts = [count_hit("race", 600) for _ in range(per_worker)]
            with lock:
                seen.extend(counts)
        finally:
            connection.close()

    threads = [threading.Thread(target=hammer) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = workers * per_worker
    assert sorted(seen) == list(range(1, total + 1))
    assert RateWindow.objects.get(key="race", window_start=600).hits == total


@pytest.mark.rule("ID-7")
def test_the_sweep_drops_past_windows_only():
    """ID-7: windows older than two days are pruned; the current one keeps counting."""
    now = timezone.now()
    current = int(now.timestamp()) // 60 * 60
    count_hit("old", current - 3 * 24 * 3600)
    count_hit("current", current)
    assert prune_rate_windows(now) == 1
    assert list(RateWindow.objects.values_list("key", flat=True)) == ["current"]
    assert prune_rate_windows(now) == 0


@pytest.mark.rule("ID-7")
def test_counted_keys_hold_no_address(api, three_per_minute):
    """ID-7: like the lockout counters, the windows are stored under a keyed hash: the table
    reveals no client address."""
    recovery(api, address="10.7.7.7")
    keys = list(RateWindow.objects.values_list("key", flat=True))
    assert len(keys) == 3
    assert not any("10.7.7.7" in key for key in keys)
