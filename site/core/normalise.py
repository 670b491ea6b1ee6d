"""Input as Iranians type it: one normaliser for every form field and API field.

People type Persian digits (۰۱۲…), Arabic-Indic ones (٠١٢…) from an Arabic keyboard, the
Arabic forms of ی and ک (ي, ك), thousands separators (۵۰۰٬۰۰۰٬۰۰۰, 500,000,000) and groups
of digits separated by spaces (۰۹۱۲ ۳۴۵ ۶۷۸۹). The site stores and compares Latin digits and
the Persian letters, so every value is rewritten before validation:

    normalise_value("۸۴۱۵۰۶۶۹۸۶۰۱")   -> "841506698601"
    normalise_value("۵۰۰٬۰۰۰٬۰۰۰")     -> "500000000"
    normalise_value("۰۹۱۲ ۳۴۵ ۶۷۸۹")   -> "09123456789"
    normalise_value("علي كريمي")        -> "علی کریمی"   (the zero-width non-joiner is kept)
    normalise_value("۱۴۰۵/۰۹/۱۲")      -> "2026-12-03"  (what the Jalali picker writes)

Only digits and letters are rewritten: invisible controls are the names' concern
(`accounts.names`). Passwords are never touched. The rewrite is applied once, where input
enters: `NormalisedInputMiddleware` (every form's GET and POST, so every Django form and
filter, and the API's query strings) and the API's parsers (`core.api.parsers`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import jdatetime

LATIN_DIGITS = str.maketrans(
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يكى",
    "01234567890123456789یکی",
)
# A number written with thousands separators: 500,000,000 / 500٬000٬000 (after the digits
# are Latin), optionally with a decimal part (. or the Arabic decimal separator ٫).
GROUPED = re.compile(r"^([+-]?)(\d{1,3}(?:[,٬]\d{3})+)(?:[.٫](\d+))?$")
# Digits in groups separated by spaces: a mobile number or a code typed as it is read.
SPACED = re.compile(r"^\+?\d+(?:[ \u00a0\u202f]+\d+)+$")
DECIMAL = re.compile(r"^([+-]?\d+)٫(\d+)$")
# A Jalali date (years 1300–1499), with an optional time: what the date pickers write.
JALALI = re.compile(
    r"^(1[34]\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
SECRET_KEYS = ("password",)


def latin_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to Latin; Arabic ي/ك/ى to Persian ی/ک/ی."""
    return text.translate(LATIN_DIGITS)


def jalali_to_iso(text: str) -> str | None:
    """'1405/09/12' → '2026-12-03' ('… 14:30' keeps its time); None if not a Jalali date."""
    match = JALALI.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        day_ = jdatetime.date(int(year), int(month), int(day)).togregorian()
    except ValueError:
        return None
    iso = day_.isoformat()
    if hour is not None:
        iso += f" {int(hour):02d}:{minute}" + (f":{second}" if second else "")
    return iso


def normalise_value(value: str) -> str:
    """One typed value as the site reads it (see the module's documentation)."""
    text = latin_digits(value)
    core = text.strip()
    if match := GROUPED.match(core):
        sign, whole, fraction = match.groups()
        return sign + re.sub(r"[,٬]", "", whole) + (f".{fraction}" if fraction else "")
    if SPACED.match(core):
        return re.sub(r"[ \u00a0\u202f]", "", core)
    if match := DECIMAL.match(core):
        return f"{match.group(1)}.{match.group(2)}"
    jalali = jalali_to_iso(core)
    if jalali is not None:
        return jalali
    return text


def is_secret(key) -> bool:
    return isinstance(key, str) and any(word in key.lower() for word in SECRET_KEYS)


def normalise_data(data, key=None):
    """Every string in a parsed body (dicts, lists, strings), secrets left as typed."""
    if is_secret(key):
        return data
    if isinstance(data, str):
        return normalise_value(data)
    if isinstance(data, Mapping):
        return {k: normalise_data(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [normalise_data(v, key) for v in data]
    return data


def normalise_querydict(query):
    """A copy of a QueryDict (GET, POST or a parsed form body) with every value normalised;
    the same object when nothing changes."""
    changed = False
    lists = {}
    for key, values in query.lists():
        new = values if is_secret(key) else [normalise_data(v, key) for v in values]
        changed = changed or new != values
        lists[key] = new
    if not changed:
        return query
    copy = query.copy()
    for key, values in lists.items():
        copy.setlist(key, values)
    copy._mutable = False
    return copy


class NormalisedInputMiddleware:
    """Every page's query string and form post normalised before a view reads it.

    The CMS editor (`/admin/`, its sign-in aside) keeps what editors type: a page's text
    is published as written."""

    EXEMPT = ("/admin/",)
    INCLUDED = ("/admin/login/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not path.startswith(self.EXEMPT) or path.startswith(self.INCLUDED):
            request.GET = normalise_querydict(request.GET)
            # The API's bodies are read by its parsers (core.api.parsers), which also answer a
            # body over the size limit in the one error shape.
            if request.method == "POST" and not path.startswith("/api/") and _is_form(request):
                request.POST = normalise_querydict(request.POST)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A code in the URL (`/api/v1/filings/lawyers/۰۰۱…/`) as in a form."""
        if not request.path_info.startswith(self.EXEMPT):
            for key, value in view_kwargs.items():
                if isinstance(value, str):
                    view_kwargs[key] = normalise_value(value)


def _is_form(request) -> bool:
    content_type = request.META.get("CONTENT_TYPE", "")
    return content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded"))
