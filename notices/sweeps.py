"""Time-driven work of the notices app (run by `manage.py sweep`)."""

from datetime import datetime

from core.sweeping import sweep
from notices import services


@sweep("notices.deemed_service")
def deemed_service(now: datetime) -> int:
    """NOT-5: unviewed notices are deemed served at the end of their period (idempotent)."""
    return services.deem_overdue_notices(now=now)
