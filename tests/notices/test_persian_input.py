"""Numbers typed as the pages show them: Persian digits find the same notices as Latin ones,
and a case number typed in Persian digits is stored in Latin ones (NOT-1, NOT-3, NOT-6)."""

import jdatetime
import pytest
from django.test import Client
from django.utils import timezone

from core.dates import to_persian_digits
from notices import services
from notices.models import Notice

pytestmark = pytest.mark.django_db


def _jalali_issue_day(notice, digits=to_persian_digits):
    day = jdatetime.date.fromgregorian(date=timezone.localdate(notice.issued_at))
    return digits(day.strftime("%Y/%m/%d"))


@pytest.mark.rule("NOT-3")
def test_notice_number_and_date_in_persian_digits_find_the_notice_api(issue, recipient, client_for):
    notice = issue()
    api = client_for(recipient)
    for number, day in (
        (notice.notice_number, timezone.localdate(notice.issued_at).isoformat()),
        (to_persian_digits(notice.notice_number), _jalali_issue_day(notice)),
    ):
        found = api.post(
            "/api/v1/notices/lookup/number/", {"notice_number": number, "issue_date": day}
        )
        assert found.status_code == 200, found.json()
        assert found.json()["id"] == notice.pk


@pytest.mark.rule("NOT-3")
def test_notice_number_in_persian_digits_finds_the_notice_page(issue, recipient):
    notice = issue()
    web = Client()
    web.force_login(recipient)
    found = web.post(
        "/notices/lookup/",
        {
            "form": "number",
            "notice_number": to_persian_digits(notice.notice_number),
            "issue_date": _jalali_issue_day(notice),
        },
    )
    assert found.status_code == 200
    assert f"/notices/{notice.pk}/" in found.content.decode()


@pytest.mark.rule("NOT-6")
def test_case_number_and_sub_row_in_persian_digits_open_the_case_page(issue, clerk, recipient):
    notice = issue()
    password = services.set_case_password(
        actor=clerk, case_number=notice.case_number, person=recipient, role="party", notify=False
    )
    web = Client()
    web.force_login(recipient)
    found = web.post(
        "/notices/lookup/",
        {
            "form": "case",
            "case_number": to_persian_digits(notice.case_number),
            "case_sub_row": "۱",
            "password": password,
        },
    )
    assert found.status_code == 200
    assert f"/notices/{notice.pk}/" in found.content.decode()


@pytest.mark.rule("NOT-1")
def test_a_case_number_typed_in_persian_digits_is_stored_latin(
    branch, clerk, recipient, client_for
):
    response = client_for(clerk).post(
        "/api/v1/notices/issued/",
        {
            "branch": branch.code,
            "recipient_national_id": to_persian_digits(recipient.national_id),
            "case_number": "۱۴۰۳۱۲۳۴۵۶۷۸۹۰۱۲",
            "case_sub_row": "۲",
            "subject": "احضاريه",
            "body": "جلسه رسيدگي",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    notice = Notice.objects.get(pk=response.json()["id"])
    assert notice.case_number == "1403123456789012"
    assert notice.case_sub_row == 2 and notice.recipient == recipient
    assert notice.subject == "احضاریه"  # Arabic ي unified with Persian ی
