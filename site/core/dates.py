"""Dates for people: one helper for pages, messages (SMS, email, notices), PDFs and errors.

In Persian the Jalali (Solar Hijri) calendar with Persian digits is used; in every other
language the Gregorian calendar with Django's localized month names:

    from core.dates import format_date
    format_date(day)                       fa: ۱۴۰۵/۰۹/۰۲      en: 2026-11-23
    format_date(day, "long")               fa: ۲ آذر ۱۴۰۵       en: 23 November 2026
    format_date(moment, "datetime")        fa: ۱۴۰۵/۰۹/۰۲ ۱۴:۳۰ en: 2026-11-23 14:30
    format_date(moment, "long_datetime")   fa: ۲ آذر ۱۴۰۵، ۱۴:۳۰ en: 23 November 2026, 14:30
    format_time(moment)                    fa: ۱۴:۳۰           en: 14:30

Azerbaijani writes its numeric dates day first with dots (``23.11.2026``, ``23.11.2026
14:30``), as the Republic's documents do; its long forms are those of English with
Azerbaijani month names.

The language is the active one (``translation.override`` in message code) unless given.
Aware datetimes are shown in the current time zone (Asia/Tehran by default). Templates use
the same functions through ``{% load jalali %}`` (``jdate``, ``local_digits``).
"""

import datetime

import jdatetime
from django.utils import timezone, translation
from django.utils.dateformat import format as django_date_format
from django.utils.translation import get_language

PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")

# Format name -> Django date format of the Gregorian form (the Jalali forms are built below).
GREGORIAN_FORMATS = {
    "short": "Y-m-d",
    "long": "j F Y",
    "datetime": "Y-m-d H:i",
    "long_datetime": "j F Y, H:i",
}
FORMATS = frozenset(GREGORIAN_FORMATS)

# Where a language writes its numeric dates otherwise than ISO.
GREGORIAN_FORMATS_BY_LANGUAGE = {
    "az": {**GREGORIAN_FORMATS, "short": "d.m.Y", "datetime": "d.m.Y H:i"},
}


def gregorian_formats(language: str | None = None) -> dict[str, str]:
    """The Django date formats of the Gregorian forms in `language` (default: active)."""
    language = (language or get_language() or "").lower().split("-")[0]
    return GREGORIAN_FORMATS_BY_LANGUAGE.get(language, GREGORIAN_FORMATS)


def uses_jalali(language: str | None = None) -> bool:
    """Whether dates in `language` (default: the active language) are Jalali."""
    language = (language or get_language() or "").lower()
    return language == "fa" or language.startswith("fa-")


def to_persian_digits(value) -> str:
    """Western (and Arabic-Indic) digits to Persian (Extended Arabic-Indic) digits."""
    return str(value).translate(PERSIAN_DIGITS)


def local_digits(value, language: str | None = None) -> str:
    """The value as text, with Persian digits when the language is Persian."""
    text = str(value)
    return to_persian_digits(text) if uses_jalali(language) else text


def comma(language: str | None = None) -> str:
    """The separator of a list in running text: the Persian comma in Persian."""
    return "، " if uses_jalali(language) else ", "


def _as_date_and_time(value):
    """(date, time or None) of a date or datetime; aware datetimes in the current zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date(), value.time()
    return value, None


def format_jalali(value, fmt: str = "short") -> str:
    day, time = _as_date_and_time(value)
    jday = jdatetime.date.fromgregorian(date=day)
    if fmt in ("long", "long_datetime"):
        text = f"{jday.day} {jdatetime.date.j_months_fa[jday.month - 1]} {jday.year}"
    else:
        text = f"{jday.year:04d}/{jday.month:02d}/{jday.day:02d}"
    if fmt in ("datetime", "long_datetime") and time is not None:
        separator = "، " if fmt == "long_datetime" else " "
        text += f"{separator}{time.hour:02d}:{time.minute:02d}"
    return to_persian_digits(text)


def format_gregorian(value, fmt: str = "short") -> str:
    if not isinstance(value, datetime.datetime) and fmt.endswith("datetime"):
        fmt = "short" if fmt == "datetime" else "long"
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return django_date_format(value, gregorian_formats()[fmt])


def format_date(value, fmt: str = "short", language: str | None = None) -> str:
    """A date or datetime for a reader of `language` (default: the active language).

    ``fmt``: short (default), long, datetime or long_datetime; a date given a datetime
    format is shown without a time. None gives an empty string."""
    if value is None:
        return ""
    if not isinstance(value, datetime.date):
        raise TypeError(f"format_date() takes a date or datetime, not {type(value).__name__}")
    if fmt not in FORMATS:
        raise ValueError(f"Unknown date format {fmt!r}; use one of {sorted(FORMATS)}")
    if uses_jalali(language):
        return format_jalali(value, fmt)
    if language is None:
        return format_gregorian(value, fmt)
    with translation.override(language):  # month names in the reader's language
        return format_gregorian(value, fmt)


def format_time(value, language: str | None = None) -> str:
    """The hour and minute of a datetime or time (HH:MM), with Persian digits in Persian."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return local_digits(f"{value.hour:02d}:{value.minute:02d}", language)
