"""Time-driven work of the discipline app (run by `manage.py sweep`)."""

from datetime import datetime

from core.sweeping import sweep
from discipline import services


@sweep("discipline.finality")
def finality(now: datetime) -> int:
    """DIS-8: rulings whose appeal and objection windows have closed become final (at the
    moment they closed) and are enforced. Idempotent: a second run finds nothing to do."""
    return services.finalise_due(now=now)
