import gc
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daftar.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import get_resolver  # noqa: E402

application = get_wsgi_application()

# Production refuses to serve on the development SMS backends or the test payment gateway.
from core.checks import refuse_to_start  # noqa: E402

refuse_to_start()


def _settle_garbage_collector() -> None:
    """Load the URL patterns (and with them every view) now rather than on the first request,
    then move everything loaded so far out of the garbage collector's reach: those objects
    live as long as the process, and a full collection no longer walks them on every round.
    A request allocates a great many short-lived objects, so the youngest generation is
    collected every DAFTAR_GC_THRESHOLD allocations (default 50,000; Python's own is 700) —
    `0` keeps Python's settings."""
    threshold = int(os.environ.get("DAFTAR_GC_THRESHOLD", "50000"))
    if threshold <= 0:
        return
    get_resolver().url_patterns  # noqa: B018 # imports the views
    gc.collect()
    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(threshold, second, third)


_settle_garbage_collector()
