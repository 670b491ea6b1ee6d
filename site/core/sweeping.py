"""Time-driven work. Each app registers idempotent sweep functions in its `sweeps` module;
`manage.py sweep` runs them all. A sweep compares stored timestamps with `now`, so a late
sweep does the same as a punctual one, and running it twice changes nothing more.
"""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

_registry: dict[str, Callable[[datetime], int]] = {}


def sweep(name: str):
    def register(func):
        _registry[name] = func
        return func

    return register


def registered() -> dict[str, Callable[[datetime], int]]:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("sweeps")
    return dict(sorted(_registry.items()))


def run_all(now: datetime | None = None, only: list[str] | None = None) -> dict[str, int]:
    now = now or timezone.now()
    results = {}
    for name, func in registered().items():
        if only and name not in only:
            continue
        with transaction.atomic():
            results[name] = func(now)
    return results
