"""Numbers for people: grouped in thousands, in the reader's digits.

    format_number(450000)   fa: ۴۵۰٬۰۰۰          en: 450,000
    format_rials(450000)    fa: ۴۵۰٬۰۰۰ ریال     en: 450,000 rials

Persian uses the Arabic thousands separator (٬) and Persian digits; every other language the
comma and Latin digits. Templates use `{% load jalali %}` (`number`, `rials`).
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.dates import to_persian_digits, uses_jalali


def format_number(value, language: str | None = None) -> str:
    """An integer amount grouped in thousands; anything not a number is returned as text."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,}"
    if uses_jalali(language):
        return to_persian_digits(text.replace(",", "٬").replace(".", "٫"))
    return text


def format_rials(value, language: str | None = None) -> str:
    """An amount of rials: `۴۵۰٬۰۰۰ ریال` in Persian, `450,000 rials` in English."""
    if value is None or value == "":
        return ""
    return _("%(amount)s rials") % {"amount": format_number(value, language)}
