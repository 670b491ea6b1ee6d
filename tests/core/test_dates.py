"""One date helper for pages, messages, SMS and PDFs: Jalali with Persian digits in Persian,
Gregorian in English (CMS-5)."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import translation

from accounts.services import format_expiry
from core.dates import format_date, format_time, local_digits
from licensing.models import Licence
from licensing.services import renewal_refusal
from offices import formatting

DAY = datetime.date(2026, 11, 23)  # 2 Azar 1405
MOMENT = datetime.datetime(2026, 11, 23, 11, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))  # 14:30 Tehran
GREGORIAN = re.compile(r"20[2-3]\d|\d{4}-\d{2}-\d{2}")


@pytest.mark.rule("CMS-5")
def test_format_date_in_persian_is_jalali_with_persian_digits():
    """CMS-5: every format gives the Jalali date with Persian digits in Persian."""
    assert format_date(DAY, language="fa") == "۱۴۰۵/۰۹/۰۲"
    assert format_date(DAY, "long", language="fa") == "۲ آذر ۱۴۰۵"
    assert format_date(MOMENT, "datetime", language="fa") == "۱۴۰۵/۰۹/۰۲ ۱۴:۳۰"
    assert format_date(MOMENT, "long_datetime", language="fa") == "۲ آذر ۱۴۰۵، ۱۴:۳۰"
    assert format_time(MOMENT, language="fa") == "۱۴:۳۰"
    assert local_digits("Case 12", language="fa") == "Case ۱۲"


@pytest.mark.rule("CMS-5")
def test_format_date_in_english_is_gregorian():
    """CMS-5: English keeps the Gregorian calendar and Western digits."""
    assert format_date(DAY, language="en") == "2026-11-23"
    assert format_date(DAY, "long", language="en") == "23 November 2026"
    assert format_date(MOMENT, "datetime", language="en") == "2026-11-23 14:30"
    assert format_date(MOMENT, "long_datetime", language="en") == "23 November 2026, 14:30"
    assert format_date(DAY, "long_datetime", language="en") == "23 November 2026"
    assert format_time(MOMENT, language="en") == "14:30"


@pytest.mark.rule("CMS-5")
def test_format_date_in_azerbaijani_is_day_first_with_dots():
    """CMS-5: Azerbaijani numeric dates read day.month.year, as Azerbaijan writes them; the
    long forms carry Azerbaijani month names."""
    assert format_date(DAY, language="az") == "23.11.2026"
    assert format_date(MOMENT, "datetime", language="az") == "23.11.2026 14:30"
    long = format_date(DAY, "long", language="az")
    assert long.startswith("23 ") and long.endswith(" 2026") and "November" not in long
    with translation.override("az"):
        assert format_date(DAY) == "23.11.2026"


@pytest.mark.rule("CMS-5")
def test_format_date_follows_the_active_language():
    """CMS-5: message code sets the reader's language with translation.override."""
    with translation.override("fa"):
        assert format_date(DAY) == "۱۴۰۵/۰۹/۰۲"
    with translation.override("en"):
        assert format_date(DAY) == "2026-11-23"


def test_format_date_refuses_what_is_not_a_date():
    assert format_date(None) == ""
    with pytest.raises(TypeError):
        format_date("2026-11-23")
    with pytest.raises(ValueError, match="Unknown date format"):
        format_date(DAY, "iso")


@pytest.mark.rule("CMS-5")
@pytest.mark.rule("ID-7")
def test_temporary_password_sms_dates_are_jalali_in_persian():
    """CMS-5: the expiry in the temporary-password SMS is Jalali in Persian."""
    assert format_expiry(MOMENT, "fa") == ("۱۴۰۵/۰۹/۰۲", "۱۴:۳۰")
    assert format_expiry(MOMENT, "en") == ("2026-11-23", "14:30")


@pytest.mark.rule("CMS-5")
def test_appointment_messages_dates_are_jalali_in_persian():
    """CMS-5: appointment SMS and receipts use the same helper."""
    assert formatting.moment(MOMENT, "fa") == "۱۴۰۵/۰۹/۰۲ ۱۴:۳۰"
    assert formatting.day(DAY, "en") == "2026-11-23"


@pytest.mark.rule("CMS-5")
@pytest.mark.rule("LIC-9")
def test_licence_renewal_refusal_gives_a_jalali_date_in_persian():
    """CMS-5, LIC-9: the refusal names the day renewal opens — Jalali in Persian, no ISO."""
    licence = Licence(status=Licence.Status.ACTIVE, expires_on=datetime.date(2027, 6, 1))
    with translation.override("fa"):
        persian = str(renewal_refusal(licence, DAY))
    with translation.override("en"):
        english = str(renewal_refusal(licence, DAY))
    assert not GREGORIAN.search(persian), persian
    assert "۱۴۰۵" in persian
    assert "2027" in english
