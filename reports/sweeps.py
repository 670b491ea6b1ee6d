"""The reports' time-driven work: stale tallies refreshed, the month's office reports made."""

from datetime import datetime

from core.sweeping import sweep
from reports import monthly, tallies


@sweep("reports.refresh_tallies")
def refresh_tallies(now: datetime) -> int:
    return tallies.refresh_stale()


@sweep("reports.monthly_reports")
def monthly_reports(now: datetime) -> int:
    """From the first day of a Jalali month: the jobs making last month's office reports."""
    return monthly.enqueue_last_month(now)
