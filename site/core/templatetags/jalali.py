"""Dates as Persian readers expect them: the Jalali (Solar Hijri) calendar and Persian digits.

    {% load jalali %}
    {{ page.last_reviewed|jdate }}          fa: ۱۴۰۵/۰۹/۰۲     en: 2026-11-23
    {{ page.last_reviewed|jdate:"long" }}   fa: ۲ آذر ۱۴۰۵     en: 23 November 2026
    {{ message.sent_at|jdate:"datetime" }}  fa: ۱۴۰۵/۰۹/۰۲ ۱۴:۳۰ en: 2026-11-23 14:30
    {{ "Step 3"|persian_digits }}           Step ۳
    {{ count|local_digits }}                Persian digits only when the active language is fa

Datetimes are shown in the current time zone (Asia/Tehran by default). In every language
other than Persian the Gregorian calendar is used, with Django's localized month names.
"""

import datetime

import jdatetime
from django import template
from django.utils import timezone
from django.utils.dateformat import format as django_date_format
from django.utils.translation import get_language

register = template.Library()

PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")

# Format name -> Django date format of the Gregorian form (the Jalali forms are built below).
GREGORIAN_FORMATS = {
    "short": "Y-m-d",
    "long": "j F Y",
    "datetime": "Y-m-d H:i",
    "long_datetime": "j F Y، H:i",
}
FORMATS = frozenset(GREGORIAN_FORMATS)


def uses_jalali(language=None):
    language = (language or get_language() or "").lower()
    return language == "fa" or language.startswith("fa-")


def to_persian_digits(value) -> str:
    """Western (and Arabic-Indic) digits to Persian (Extended Arabic-Indic) digits."""
    return str(value).translate(PERSIAN_DIGITS)


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
    return django_date_format(value, GREGORIAN_FORMATS[fmt])


@register.filter(is_safe=False)
def jdate(value, fmt="short"):
    """A date or datetime in the Jalali calendar with Persian digits when the active
    language is Persian, in the Gregorian calendar otherwise. ``fmt``: short (default),
    long, datetime or long_datetime. Empty values give an empty string."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime.date):
        return value
    if fmt not in FORMATS:
        fmt = "short"
    if uses_jalali():
        return format_jalali(value, fmt)
    return format_gregorian(value, fmt)


@register.filter(is_safe=False)
def persian_digits(value):
    """Every digit of the value written with Persian digits. The result is text, escaped as
    usual (digits inside HTML character references must not be rewritten)."""
    if value is None:
        return ""
    return to_persian_digits(value)


@register.filter(is_safe=False)
def local_digits(value):
    """Persian digits when the active language is Persian; the value unchanged otherwise."""
    if value is None:
        return ""
    return to_persian_digits(value) if uses_jalali() else value
