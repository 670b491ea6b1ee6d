"""Dates as Persian readers expect them: the Jalali (Solar Hijri) calendar and Persian digits.

    {% load jalali %}
    {{ page.last_reviewed|jdate }}          fa: ۱۴۰۵/۰۹/۰۲     en: 2026-11-23
    {{ page.last_reviewed|jdate:"long" }}   fa: ۲ آذر ۱۴۰۵     en: 23 November 2026
    {{ message.sent_at|jdate:"datetime" }}  fa: ۱۴۰۵/۰۹/۰۲ ۱۴:۳۰ en: 2026-11-23 14:30
    {{ slot.starts_at|jtime }}              fa: ۱۴:۳۰           en: 14:30
    {{ "Step 3"|persian_digits }}           Step ۳
    {{ count|local_digits }}                Persian digits only when the active language is fa
    {{ fee|rials }}                         fa: ۴۵۰٬۰۰۰ ریال   en: 450,000 rials
    {{ amount|number }}                     fa: ۴۵۰٬۰۰۰        en: 450,000

The filters are the template face of `core.dates`, which messages, SMS and PDFs use from
Python: datetimes are shown in the current time zone (Asia/Tehran by default); in every
language other than Persian the Gregorian calendar is used, with Django's localized month
names.
"""

import datetime

from django import template
from django.utils.html import format_html

from core import pickers
from core.dates import (  # noqa: F401 - re-exported for older imports
    FORMATS,
    GREGORIAN_FORMATS,
    comma,
    format_date,
    format_gregorian,
    format_jalali,
    format_time,
    to_persian_digits,
    uses_jalali,
)
from core.numbers import format_number, format_rials

register = template.Library()


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
    return format_date(value, fmt)


@register.filter(is_safe=False)
def jtime(value):
    """The hour and minute of a datetime or time, with Persian digits in Persian."""
    if not isinstance(value, (datetime.datetime, datetime.time)):
        return "" if value in (None, "") else value
    return format_time(value)


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


@register.filter(is_safe=False)
def number(value):
    """A number grouped in thousands in the reader's digits: fa ۴۵۰٬۰۰۰, en 450,000."""
    return format_number(value)


@register.filter(is_safe=False)
def rials(value):
    """An amount with its unit: fa ۴۵۰٬۰۰۰ ریال, en 450,000 rials."""
    return format_rials(value)


@register.filter(name="bdi")
def bdi(value):
    """The value isolated in the direction it was written in (`<bdi>`): a name or a text
    someone typed, inside a sentence of the page's language."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.simple_tag(name="comma")
def comma_tag():
    """The separator of a list in running text: "، " in Persian, ", " otherwise."""
    return comma()


@register.simple_tag
def date_input(kind="date", value=None):
    """The type, value and picker attributes of a date ("date") or date and time
    ("datetime") input: `<input {% date_input "date" party.signed_on %} name="…">`."""
    return pickers.render_attrs(kind, value)


@register.simple_tag
def picker_assets():
    """The Jalali picker's style and scripts (Persian pages only)."""
    return pickers.assets()
