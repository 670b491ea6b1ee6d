"""Helpers for the reliability tests: races in real threads (one database connection each),
and the English wording of messages."""

import threading

import pytest
from django.db import connections


def race(*calls, timeout=60):
    """Run the callables at the same instant, each in its own thread with its own database
    connection (released on the barrier); return their results (or raised exceptions) in
    order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=timeout)
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test compares
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(t.is_alive() for t in threads), "a racer hung"
    return results


def outcome(response):
    """(status, error code) of an API response; never a 500."""
    assert response.status_code < 500, response.content
    body = response.json() if response.content else {}
    return response.status_code, body.get("code") if response.status_code >= 400 else None


@pytest.fixture(autouse=True)
def _messages_in_english():
    from django.utils import translation

    with translation.override("en"):
        yield
