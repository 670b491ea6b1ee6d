"""CAS-8: a notice that starts a period shows its deadline from the moment of service
(NOT-4), in calendar or working days; the cabinet lists the coming ones."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from courts import deadlines, services
from courts.models import PeriodNotice
from notices import services as notice_services
from notices.models import Holiday

pytestmark = pytest.mark.rule("CAS-8")


def _fresh(period):
    return PeriodNotice.objects.select_related("notice").get(pk=period.pk)


def _at(day: date):
    start = datetime.combine(day, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    return start + timedelta(hours=10)


def test_served_on_day_5_by_first_view_the_deadline_is_day_5_plus_n(
    the_case, clerk, party, client_for
):
    day1 = date(2026, 3, 2)
    with time_machine.travel(_at(day1), tick=False):
        period = services.period_notice_issue(
            actor=clerk,
            case_id=the_case.pk,
            sub_row=1,
            subject="Judgment served",
            body="Appeal within 20 days.",
            title="Appeal",
            days=20,
        )
        assert deadlines.coming(actor=party)[0].last_day is None  # not served yet
    day5 = day1 + timedelta(days=4)
    with time_machine.travel(_at(day5), tick=False):
        notice_services.view_notice(actor=party, notice_id=period.notice_id)
        found = deadlines.of_period(_fresh(period))
        assert found.service_kind == "first_view"
        assert found.last_day == day5 + timedelta(days=20)
        rows = client_for(party).get("/api/v1/courts/deadlines/").json()
    assert rows[0]["last_day"] == (day5 + timedelta(days=20)).isoformat()
    assert rows[0]["case_number"] == the_case.number


def test_working_days_skip_the_weekend_and_holidays(the_case, clerk, party):
    monday = date(2026, 3, 2)
    Holiday.objects.create(date=monday + timedelta(days=1), name="Holiday")
    with time_machine.travel(_at(monday), tick=False):
        period = services.period_notice_issue(
            actor=clerk,
            case_id=the_case.pk,
            sub_row=1,
            subject="Summons",
            body="Reply.",
            title="Reply",
            days=3,
            calendar="working",
        )
        notice_services.view_notice(actor=party, notice_id=period.notice_id)
        # Tuesday is a holiday, Friday the weekend: Wednesday, Thursday, Saturday.
        assert deadlines.of_period(_fresh(period)).last_day == monday + timedelta(days=5)
