"""Dates and times as people read them: Jalali calendar and Persian digits in Persian."""

from datetime import date, datetime

import jdatetime
from django.utils import timezone
from django.utils.translation import get_language

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def is_persian(language: str | None = None) -> bool:
    return (language or get_language() or "fa").startswith("fa")


def digits(text: str, language: str | None = None) -> str:
    return text.translate(_PERSIAN_DIGITS) if is_persian(language) else text


def day(value: date, language: str | None = None) -> str:
    if is_persian(language):
        return digits(jdatetime.date.fromgregorian(date=value).strftime("%Y/%m/%d"), language)
    return value.isoformat()


def clock(value: datetime, language: str | None = None) -> str:
    return digits(timezone.localtime(value).strftime("%H:%M"), language)


def moment(value: datetime, language: str | None = None) -> str:
    local = timezone.localtime(value)
    return f"{day(local.date(), language)} {clock(local, language)}"
