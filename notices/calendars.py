"""Counting days after service (NOT-4, NOT-5; used by DIS-6 and other apps' deadlines).

A calendar answers one question: which day is N days after a given day? The day of service
itself is not counted. Calendars are named in NOTICES["CALENDARS"], so a deployment can
plug in its own (for example one fed by the official holiday list):

    NOTICES["CALENDARS"]["working"] = "myapp.calendars.OfficialWorkingDays"
"""

from abc import ABC, abstractmethod
from datetime import date, timedelta

from django.conf import settings
from django.utils.module_loading import import_string


class DeadlineCalendar(ABC):
    """The interface: `add(start, days)` returns the last day of a period of `days` days
    that starts the day after `start`."""

    name: str = ""

    @abstractmethod
    def add(self, start: date, days: int) -> date: ...

    def is_working_day(self, day: date) -> bool:
        return True


class CalendarDays(DeadlineCalendar):
    """Every day counts (the default for legal deadlines)."""

    name = "calendar"

    def add(self, start: date, days: int) -> date:
        if days < 0:
            raise ValueError("days must not be negative")
        return start + timedelta(days=days)


class WorkingDays(DeadlineCalendar):
    """Only working days count: weekend days (Friday by default) and holidays are skipped.

    Holidays come from NOTICES["HOLIDAYS"] (ISO dates) and the Holiday table.
    """

    name = "working"

    def __init__(self, *, weekend_days=None, holidays=None):
        conf = settings.NOTICES
        self.weekend_days = set(
            conf.get("WEEKEND_DAYS", [4]) if weekend_days is None else weekend_days
        )
        self._extra = {date.fromisoformat(d) if isinstance(d, str) else d for d in holidays or ()}
        self._extra |= {date.fromisoformat(d) for d in conf.get("HOLIDAYS", [])}
        if len(self.weekend_days) >= 7:
            raise ValueError("a week needs at least one working day")

    def _holidays_between(self, first: date, last: date) -> set[date]:
        from notices.models import Holiday

        table = set(
            Holiday.objects.filter(date__gte=first, date__lte=last).values_list("date", flat=True)
        )
        return table | {d for d in self._extra if first <= d <= last}

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend_days and not self._holidays_between(day, day)

    def add(self, start: date, days: int) -> date:
        if days < 0:
            raise ValueError("days must not be negative")
        # Load the holidays of a window wide enough for the period, widen if it runs out.
        span = days * 2 + 31
        holidays = self._holidays_between(start, start + timedelta(days=span))
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if (day - start).days > span:
                span *= 2
                holidays = self._holidays_between(start, start + timedelta(days=span))
            if day.weekday() not in self.weekend_days and day not in holidays:
                counted += 1
        return day


def get_calendar(name: str = "calendar") -> DeadlineCalendar:
    """The calendar named `name` in NOTICES["CALENDARS"]."""
    paths = settings.NOTICES.get("CALENDARS", {})
    if name not in paths:
        raise ValueError(f"Unknown calendar {name!r}; known: {', '.join(sorted(paths))}")
    return import_string(paths[name])()
