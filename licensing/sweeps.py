"""Time-driven licensing work for `manage.py sweep` (LIC-6)."""

from core.sweeping import sweep
from licensing import services


@sweep("licensing.licences")
def licences(now) -> int:
    """End suspensions on their end date and expire licences after their expiry day."""
    return services.licences_settle(now)
