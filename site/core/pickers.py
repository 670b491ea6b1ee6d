"""Date inputs as each reader expects them: a Jalali picker in Persian, the browser's
Gregorian one in English and Azerbaijani.

In Persian a date input is a text input holding the Jalali date (۱۴۰۵/۰۹/۱۲), which the
vendored `@majidh1/jalalidatepicker` (static/vendor/jalalidatepicker, MIT) turns into a
picker; without JavaScript the date is typed. What it writes ("1405/09/12", in Persian
or Latin digits, with a time for a date and time) is read back by `core.normalise` before
any form or filter sees it. Elsewhere the input is `type="date"` (`datetime-local`) with
ISO values.

Templates: `{% load jalali %}` then `<input {% date_input "date" value %} name=…>` and
`{% picker_assets %}` once on a page that has one; forms and filters use `DateInput`.
"""

import datetime

import jdatetime
from django import forms
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html

from core.dates import to_persian_digits, uses_jalali


def picker_value(value, kind: str = "date") -> str:
    """The value as the input holds it: Jalali in Persian, ISO otherwise."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        return value  # what was typed, shown back as typed
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = value.date() if isinstance(value, datetime.datetime) else value
    time = value.strftime("%H:%M") if isinstance(value, datetime.datetime) else ""
    if uses_jalali():
        text = jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")
        return to_persian_digits(f"{text} {time}" if kind == "datetime" and time else text)
    if kind == "datetime":
        return f"{day.isoformat()}T{time or '00:00'}"
    return day.isoformat()


def input_attrs(kind: str = "date") -> dict:
    """The attributes of a date (`kind="date"`) or date and time input in the active
    language."""
    if uses_jalali():
        attrs = {
            "type": "text",
            "data-jdp": "",
            "inputmode": "numeric",
            "dir": "ltr",
            "autocomplete": "off",
            "placeholder": "۱۴۰۵/۰۱/۳۱" + (" ۱۰:۰۰" if kind == "datetime" else ""),
        }
        if kind == "date":
            attrs["data-jdp-only-date"] = ""
        return attrs
    return {"type": "datetime-local" if kind == "datetime" else "date"}


def render_attrs(kind: str, value) -> str:
    attrs = {**input_attrs(kind), "value": picker_value(value, kind)}
    return format_html(
        " ".join(
            f'{name}="{{}}"' if val != "" or name == "value" else name
            for name, val in attrs.items()
        ),
        *[val for name, val in attrs.items() if val != "" or name == "value"],
    )


def assets() -> str:
    """The picker's style and scripts, in Persian only."""
    if not uses_jalali():
        return ""
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" defer></script>'
        '<script src="{}" defer></script>',
        static("vendor/jalalidatepicker/jalalidatepicker.min.css"),
        static("vendor/jalalidatepicker/jalalidatepicker.min.js"),
        static("js/datepicker.js"),
    )


class DateInput(forms.DateInput):
    """A form's or filter's date input: the Jalali picker in Persian, `type="date"`
    elsewhere. Add `{% picker_assets %}` to the page."""

    kind = "date"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        extra = input_attrs(self.kind)
        context["widget"]["type"] = extra.pop("type")
        widget_attrs.update(extra)
        context["widget"]["value"] = picker_value(value, self.kind)
        return context

    def format_value(self, value):
        return picker_value(value, self.kind) or None
