"""Dates and times as people read them: Jalali calendar and Persian digits in Persian.

Thin names over the site's one date helper (`core.dates`), kept for the offices code."""

from datetime import date, datetime

from core.dates import format_date, format_time, local_digits, uses_jalali


def is_persian(language: str | None = None) -> bool:
    return uses_jalali(language)


def digits(text: str, language: str | None = None) -> str:
    return local_digits(text, language)


def day(value: date, language: str | None = None) -> str:
    return format_date(value, "short", language)


def clock(value: datetime, language: str | None = None) -> str:
    return format_time(value, language)


def moment(value: datetime, language: str | None = None) -> str:
    return format_date(value, "datetime", language)
