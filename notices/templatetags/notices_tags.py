"""Dates on the notice pages: Jalali with Persian digits in Persian, Gregorian otherwise.

Uses the site's `jdate` filter (core/templatetags/jalali.py) when it exists.
"""

import jdatetime
from django import template
from django.utils import timezone, translation

register = template.Library()

_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

try:  # the site's own Jalali filter, if the shell provides one
    from core.templatetags.jalali import jdate as _site_jdate
except ImportError:  # pragma: no cover - depends on the shell
    _site_jdate = None


@register.filter
def ndate(value, with_time=True):
    if not value:
        return ""
    if _site_jdate is not None:
        return _site_jdate(value, "datetime" if with_time else "short")
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    language = (translation.get_language() or "fa")[:2]
    if language == "fa":
        local = jdatetime.datetime.fromgregorian(datetime=value)
        text = local.strftime("%Y/%m/%d %H:%M" if with_time else "%Y/%m/%d")
        return text.translate(_FA_DIGITS)
    return value.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


@register.filter
def ndigits(value):
    """Persian digits in Persian pages."""
    text = str(value)
    if (translation.get_language() or "fa")[:2] == "fa":
        return text.translate(_FA_DIGITS)
    return text
