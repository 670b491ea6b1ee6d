"""Dates as Persian users read and type them: Jalali (Solar Hijri) and Gregorian."""

import re
from datetime import date

import jdatetime

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def parse_issue_date(value) -> date:
    """A date typed as YYYY-MM-DD or YYYY/MM/DD, in Persian or Latin digits. Years before
    1700 are Jalali (1404-05-12), later ones Gregorian (2025-08-03)."""
    if isinstance(value, date):
        return value
    text = str(value or "").strip().translate(_PERSIAN_DIGITS)
    match = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if not match:
        raise ValueError("not a date")
    year, month, day = (int(g) for g in match.groups())
    if year < 1700:
        return jdatetime.date(year, month, day).togregorian()
    return date(year, month, day)
