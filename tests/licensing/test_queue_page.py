"""The staff queue page (/staff/licensing/): every request waiting for the user (LIC-3), 25 a
page, and for the GD's staff the applications awaiting a decision (LIC-2), paged apart; the
same rows and dates as before, at a number of queries that does not grow with the queue."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.dates import format_date, to_persian_digits
from core.listing import PageDates
from licensing import services
from licensing.models import Application, LicenceRequest
from licensing.views import QueuePage
from offices.models import StaffRole
from tests.factories.licensing import (
    CallFactory,
    council_member,
    licence_request,
    licensing_staff,
)
from tests.factories.offices import qualified_profile

pytestmark = pytest.mark.django_db
S = LicenceRequest.Status
START = dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def copies(request: LicenceRequest, count: int, start: int = 1) -> None:
    """`count` copies of a request in its state, submitted an hour apart after START."""
    fields = {
        f.attname: getattr(request, f.attname)
        for f in LicenceRequest._meta.concrete_fields
        if not f.primary_key
    }
    LicenceRequest.objects.bulk_create(
        LicenceRequest(**{**fields, "submitted_at": START + dt.timedelta(hours=i)})
        for i in range(start, start + count)
    )


def waiting_requests(count: int, status=S.GD_OPINION) -> list[LicenceRequest]:
    """`count` requests in `status`, submitted an hour apart from START: one through the
    pipeline, the others copies of it."""
    first = licence_request(status=status)
    LicenceRequest.objects.filter(pk=first.pk).update(submitted_at=START)
    copies(first, count - 1)
    return list(LicenceRequest.objects.filter(status=status).order_by("submitted_at", "id"))


def request_links(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/en/staff/licensing/requests/(\d+)/"', html)]


@pytest.mark.rule("LIC-3")
def test_the_queue_pages_through_every_waiting_request_25_at_a_time():
    """LIC-3: nothing waiting is cut off: page 1 holds the 25 oldest, page 2 the rest, with
    labelled previous/next links."""
    waiting = [r.pk for r in waiting_requests(30)]
    client = browser(licensing_staff())
    first = client.get("/en/staff/licensing/").content.decode()
    assert request_links(first) == waiting[:25]
    assert "Page 1 of 2" in first
    assert 'href="?page=2#licence-requests" rel="next"' in first
    assert 'aria-label="Pages of licence requests"' in first
    second = client.get("/en/staff/licensing/?page=2").content.decode()
    assert request_links(second) == waiting[25:]
    assert 'href="?page=1#licence-requests" rel="prev"' in second
    assert 'rel="next"' not in second


@pytest.mark.rule("LIC-3")
@pytest.mark.parametrize(("asked", "shown"), [("99", slice(25, 30)), ("abc", slice(0, 25))])
def test_a_page_out_of_range_or_not_a_number_is_a_readable_page(asked, shown):
    """LIC-3: a page past the end shows the last one, a malformed one the first; never a 500."""
    waiting = [r.pk for r in waiting_requests(30)]
    response = browser(licensing_staff()).get(f"/en/staff/licensing/?page={asked}")
    assert response.status_code == 200
    assert request_links(response.content.decode()) == waiting[shown]


@pytest.mark.rule("LIC-3")
def test_each_row_shows_the_kind_office_status_and_date_in_the_readers_calendar():
    """LIC-3: the row reads as before: kind and number, office code and name, status, and the
    submission time in Jalali with Persian digits (fa) or Gregorian (en)."""
    (request,) = waiting_requests(1)
    office = request.office
    gd = licensing_staff()
    en = browser(gd).get("/en/staff/licensing/").content.decode()
    assert f"Suspension #{request.pk}</a>" in en
    code = f'<span dir="ltr">{office.code}</span>'
    assert f"<td>{code} — <bdi>{office.name_en or office.name_fa}</bdi></td>" in en
    assert "<td>Awaiting the General Directorate&#x27;s opinion</td>" in en
    assert "<td>2026-03-01 09:30</td>" in en  # 06:00 UTC in Tehran
    fa = browser(gd).get("/staff/licensing/").content.decode()
    assert f'<a href="/staff/licensing/requests/{request.pk}/">' in fa
    code = f'<span dir="ltr">{to_persian_digits(office.code)}</span>'
    assert f"<td>{code} — <bdi>{office.name_fa}</bdi></td>" in fa
    assert "<td>۱۴۰۴/۱۲/۱۰ ۰۹:۳۰</td>" in fa


@pytest.mark.rule("LIC-3")
def test_who_sees_which_requests_is_unchanged_by_paging():
    """LIC-3: a Council member's pages hold what waits for the Council, not the GD's step."""
    for_gd = waiting_requests(3)
    for_council = licence_request(status=S.COUNCIL_REVIEW)
    html = browser(council_member()).get("/en/staff/licensing/").content.decode()
    assert request_links(html) == [for_council.pk]
    assert not {r.pk for r in for_gd} & set(request_links(html))
    assert "Applications awaiting a decision" not in html


def submitted_applications(count: int) -> list[Application]:
    """`count` submitted applications, each to its own call, the first with two unmet
    requirements, the others meeting every one."""
    profile = qualified_profile(StaffRole.MANAGER)
    applications = [
        services.application_submit(actor=profile.user, call_id=CallFactory().pk)
        for _ in range(count)
    ]
    Application.objects.filter(pk=applications[0].pk).update(
        unmet_requirements=["art. 16", "art. 18"], priority_days=10
    )
    return applications


@pytest.mark.rule("LIC-2")
def test_applications_awaiting_a_decision_are_paged_apart_with_their_vetting(monkeypatch):
    """LIC-2: the GD's staff page through the applications with their own page number, which
    keeps the requests' page; each row says whether the automatic vetting found every
    requirement met or how many are unmet."""
    monkeypatch.setattr(QueuePage, "per_page", 2)
    applications = submitted_applications(3)
    waiting_requests(3)
    client = browser(licensing_staff())
    html = client.get("/en/staff/licensing/?page=2").content.decode()
    assert html.count("2 requirements unmet") == 1  # priority first
    assert html.count("Meets every requirement") == 1
    assert 'aria-label="Pages of applications"' in html
    assert 'href="?page=2&amp;applications_page=2#applications" rel="next"' in html
    second = client.get("/en/staff/licensing/?page=2&applications_page=2").content.decode()
    assert second.count("Meets every requirement") == 1
    assert "requirements unmet" not in second
    assert 'href="?page=1&amp;applications_page=2#licence-requests" rel="prev"' in second
    assert applications[2].call.title in second


@pytest.mark.rule("LIC-3")
def test_the_number_of_queries_does_not_grow_with_the_queue(django_assert_max_num_queries):
    """LIC-3: one count and one read of the page's rows per list, whatever the queue holds:
    15 queries in all with the session, the second factor that verified it (ID-13), the
    user's roles and the site's chrome."""
    client = browser(licensing_staff())
    (first,) = waiting_requests(1)
    client.get("/en/staff/licensing/")  # caches of the site's chrome
    with CaptureQueriesContext(connection) as one:
        assert client.get("/en/staff/licensing/").status_code == 200
    copies(first, 59)
    with django_assert_max_num_queries(16), CaptureQueriesContext(connection) as sixty:
        assert client.get("/en/staff/licensing/?page=2").status_code == 200
    assert len(sixty) == len(one)
    count, rows = [q["sql"] for q in sixty if 'FROM "licensing_licencerequest"' in q["sql"]]
    assert count.startswith("SELECT COUNT(*)") and "JOIN" not in count  # the rows' columns only
    assert "LIMIT 25 OFFSET 25" in rows


@pytest.mark.rule("LIC-3")
def test_the_page_formats_dates_exactly_as_the_shared_formatter():
    """LIC-3: the page's once-per-day date formatting gives what core.dates gives, around
    midnight and the Persian new year included, in Persian and in English."""
    moments = [
        dt.datetime(2026, 3, 20, 20, 29, tzinfo=dt.UTC),  # 23:59 in Tehran, the year's last day
        dt.datetime(2026, 3, 20, 20, 31, tzinfo=dt.UTC),  # 00:01 on 1 Farvardin 1405
        dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC),
        timezone.now(),
    ]
    for language in ("fa", "en"):
        with translation.override(language):
            dates = PageDates()
            for moment in moments + moments:
                assert dates(moment) == format_date(moment, "datetime")
            assert dates(None) == ""
