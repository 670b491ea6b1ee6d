"""Jalali dates and Persian digits for Persian readers, Gregorian dates otherwise (CMS-5)."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from core.templatetags.jalali import jdate, local_digits, persian_digits

DAY = datetime.date(2026, 11, 23)


@pytest.mark.rule("CMS-5")
def test_jdate_in_persian_is_jalali_with_persian_digits():
    """CMS-5: 2026-11-23 is 2 Azar 1405."""
    with translation.override("fa"):
        assert jdate(DAY) == "۱۴۰۵/۰۹/۰۲"
        assert jdate(DAY, "long") == "۲ آذر ۱۴۰۵"


@pytest.mark.rule("CMS-5")
def test_jdate_in_english_is_gregorian():
    """CMS-5: other languages keep the Gregorian calendar."""
    with translation.override("en"):
        assert jdate(DAY) == "2026-11-23"
        assert jdate(DAY, "long") == "23 November 2026"


@pytest.mark.rule("CMS-5")
def test_jdate_shows_datetimes_in_tehran_time(settings):
    """CMS-5: an aware datetime is shown in the site's time zone (Asia/Tehran, +03:30)."""
    moment = datetime.datetime(2026, 11, 23, 21, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    with translation.override("fa"):
        assert jdate(moment, "datetime") == "۱۴۰۵/۰۹/۰۳ ۰۰:۳۰"
        assert jdate(moment) == "۱۴۰۵/۰۹/۰۳"
    with translation.override("en"):
        assert jdate(moment, "datetime") == "2026-11-24 00:30"


def test_jdate_handles_year_boundaries_and_empty_values():
    with translation.override("fa"):
        assert jdate(datetime.date(2026, 3, 20)) == "۱۴۰۴/۱۲/۲۹"
        assert jdate(datetime.date(2026, 3, 21)) == "۱۴۰۵/۰۱/۰۱"
        assert jdate(None) == ""
        assert jdate("") == ""
        assert jdate(DAY, "unknown") == "۱۴۰۵/۰۹/۰۲"


def test_persian_digits():
    assert persian_digits("Step 12") == "Step ۱۲"
    assert persian_digits(2026) == "۲۰۲۶"
    assert persian_digits("٣") == "۳"  # Arabic-Indic digits become Persian ones
    assert persian_digits(None) == ""
    with translation.override("en"):
        assert local_digits(12) == 12
    with translation.override("fa"):
        assert local_digits(12) == "۱۲"


@pytest.mark.rule("CMS-5")
def test_filters_in_a_template():
    """CMS-5: templates load the filters with {% load jalali %}; output is escaped."""
    template = Template("{% load jalali %}{{ day|jdate }} {{ text|persian_digits }}")
    with translation.override("fa"):
        html = template.render(Context({"day": DAY, "text": "<b>1</b>"}))
    assert html == "۱۴۰۵/۰۹/۰۲ &lt;b&gt;۱&lt;/b&gt;"
