"""Deadlines (CAS-8): a notice that starts a period shows the period's last day, counted
from the notice's service (NOT-4: first view, or deemed service) in calendar or working days
(`notices.calendars`, with the holiday calendar); the cabinet lists the coming ones."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from rest_framework import serializers

from courts.models import PeriodNotice
from notices.dates import parse_issue_date
from notices.models import Notice
from notices.selectors import recipient_filter
from notices.services import deadline_after_service


@dataclass
class Coming:
    period: PeriodNotice
    case_number: str
    title: str
    days: int
    calendar: str
    served_at: datetime | None
    service_kind: str
    last_day: date | None
    ends_at: datetime | None


def of_period(period: PeriodNotice, *, now=None) -> Coming:
    found = deadline_after_service(period.notice, period.days, period.calendar, now=now)
    return Coming(
        period=period,
        case_number=period.notice.case_number,
        title=period.title,
        days=period.days,
        calendar=period.calendar,
        served_at=found.served_at if found else None,
        service_kind=str(found.service_kind) if found else "",
        last_day=found.last_day if found else None,
        ends_at=found.ends_at if found else None,
    )


def coming(*, actor, now=None) -> list[Coming]:
    """The actor's periods still running or not yet started (the notice not yet served),
    soonest first."""
    if not getattr(actor, "is_authenticated", False):
        return []
    now = now or timezone.now()
    rows = PeriodNotice.objects.filter(notice__in=_recipient_notices(actor)).select_related(
        "notice"
    )
    found = [of_period(p, now=now) for p in rows]
    open_ = [c for c in found if c.ends_at is None or c.ends_at > now]
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(open_, key=lambda c: c.ends_at or far)


def _recipient_notices(actor):
    return Notice.objects.filter(recipient_filter(actor)).values("pk")


def parse_day(value, *, end=False) -> datetime | None:
    """A day typed in the filters (Jalali or Gregorian): its start, or the next day's start."""
    if not value:
        return None
    try:
        day = parse_issue_date(value)
    except ValueError:
        return None
    if end:
        day += timedelta(days=1)
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


class DeadlineSerializer(serializers.Serializer):
    case_number = serializers.CharField()
    title = serializers.CharField()
    days = serializers.IntegerField()
    calendar = serializers.CharField()
    served_at = serializers.DateTimeField(allow_null=True)
    service_kind = serializers.CharField()
    last_day = serializers.DateField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True)
