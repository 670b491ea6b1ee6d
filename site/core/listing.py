"""Helpers of the staff list pages (the licensing queue, an office's queue of filings): a list
of 25 rows is rendered from plain values, with what every row shares worked out once."""

from django.urls import reverse
from django.utils import timezone

from core.dates import format_date, format_time


class PageDates:
    """The dates of a list page as `{{ value|jdate:"datetime" }}` writes them (core.dates:
    Jalali with Persian digits in Persian, Gregorian otherwise), each calendar day formatted
    once per page however many rows share it."""

    def __init__(self):
        self._days: dict = {}

    def __call__(self, moment) -> str:
        if moment is None:
            return ""
        moment = timezone.localtime(moment)
        day = self._days.get(moment.date())
        if day is None:
            day = self._days[moment.date()] = format_date(moment.date())
        return f"{day} {format_time(moment)}"


def row_links(view_name: str):
    """The link of each row from one reverse(): the row's pk is the URL's last segment."""
    head = reverse(view_name, args=[0]).removesuffix("0/")
    return lambda pk: f"{head}{pk}/"
