"""Jalali periods (RPT-2): a month `1404-07` or a year `1404`, as the Gregorian days they cover."""

import datetime as dt
from dataclasses import dataclass

import jdatetime
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import local_digits

MONTHS = (
    gettext_lazy("Farvardin"),
    gettext_lazy("Ordibehesht"),
    gettext_lazy("Khordad"),
    gettext_lazy("Tir"),
    gettext_lazy("Mordad"),
    gettext_lazy("Shahrivar"),
    gettext_lazy("Mehr"),
    gettext_lazy("Aban"),
    gettext_lazy("Azar"),
    gettext_lazy("Dey"),
    gettext_lazy("Bahman"),
    gettext_lazy("Esfand"),
)


@dataclass(frozen=True)
class Period:
    year: int
    month: int | None = None

    @property
    def code(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)

    @property
    def start(self) -> dt.date:
        return jdatetime.date(self.year, self.month or 1, 1).togregorian()

    @property
    def end(self) -> dt.date:
        """The first day after the period."""
        if self.month is None:
            return jdatetime.date(self.year + 1, 1, 1).togregorian()
        if self.month == 12:
            return jdatetime.date(self.year + 1, 1, 1).togregorian()
        return jdatetime.date(self.year, self.month + 1, 1).togregorian()

    def label(self) -> str:
        if self.month is None:
            return local_digits(_("Year %(year)s") % {"year": self.year})
        return local_digits(f"{MONTHS[self.month - 1]} {self.year}")

    def months(self) -> list["Period"]:
        if self.month:
            return [self]
        return [Period(self.year, m) for m in range(1, 13)]

    def previous_month(self) -> "Period":
        if self.month == 1:
            return Period(self.year - 1, 12)
        return Period(self.year, (self.month or 1) - 1)


def today() -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=timezone.localdate())


def current_month() -> Period:
    now = today()
    return Period(now.year, now.month)


def parse(code: str | None, default: Period | None = None) -> Period:
    """`1404-07` or `1404`; anything else gives the default (the current month)."""
    default = default or current_month()
    try:
        if code and "-" in code:
            year, month = (int(part) for part in code.split("-", 1))
            if 1 <= month <= 12 and 1300 <= year <= 1500:
                return Period(year, month)
        elif code:
            year = int(code)
            if 1300 <= year <= 1500:
                return Period(year)
    except ValueError:
        pass
    return default


def choices(years: int = 3) -> list[Period]:
    """The selector's options: this year's months to now, then the past years' months and the
    years themselves, newest first."""
    now = today()
    options = []
    for year in range(now.year, now.year - years, -1):
        last = now.month if year == now.year else 12
        options.append(Period(year))
        options.extend(Period(year, m) for m in range(last, 0, -1))
    return options
