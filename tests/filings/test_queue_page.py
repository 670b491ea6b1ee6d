"""The office queue page (/filings/office/, FIL-9): the office's own filings, 25 a page with
the filters kept in the page links, the same rows and dates as before, and a number of
queries that does not grow with the queue."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from filings.models import Filing
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)  # 09:30 in Tehran, 10 Esfand 1404


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def copies(filing: Filing, count: int, start: int = 1, **changes) -> None:
    """`count` copies of a sent filing, sent an hour apart after START, each with its own
    tracking code."""
    fields = {
        f.attname: getattr(filing, f.attname)
        for f in Filing._meta.concrete_fields
        if not f.primary_key
    }
    Filing.objects.bulk_create(
        Filing(
            **{
                **fields,
                **changes,
                "tracking_code": f"T{filing.pk:07d}{i:08d}",
                "sent_at": START + dt.timedelta(hours=i),
            }
        )
        for i in range(start, start + count)
    )


def queue(filer, court, office, count: int) -> list[int]:
    """`count` filings sent to `office` an hour apart from START, oldest first."""
    first = ff.sent(filer, court=court, office=office)
    Filing.objects.filter(pk=first.pk).update(sent_at=START)
    copies(first, count - 1)
    return list(
        Filing.objects.filter(office=office).order_by("sent_at", "id").values_list("pk", flat=True)
    )


def links(html: str, prefix: str = "/en") -> list[int]:
    return [int(pk) for pk in re.findall(rf'href="{prefix}/filings/(\d+)/"', html)]


@pytest.mark.rule("FIL-9")
def test_the_office_queue_pages_through_all_its_filings(filer, court, office, staff):
    """FIL-9: past the first 25 the office reaches the rest of its queue through labelled
    previous/next links."""
    sent = queue(filer, court, office, 30)
    client = browser(staff)
    first = client.get("/en/filings/office/").content.decode()
    assert links(first) == sent[:25]
    assert "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/en/filings/office/?page=2").content.decode()
    assert links(second) == sent[25:]
    assert 'href="?page=1" rel="prev"' in second and 'rel="next"' not in second


@pytest.mark.rule("FIL-9")
def test_the_page_links_keep_the_filters(filer, court, office, staff):
    """FIL-9: a filtered queue pages through the filtered rows, the form showing the filter."""
    first = ff.sent(filer, court=court, office=office)
    copies(first, 30, kind="petition")
    html = browser(staff).get("/en/filings/office/?kind=petition&page=2").content.decode()
    petitions = list(
        Filing.objects.filter(kind="petition")
        .order_by("sent_at", "id")
        .values_list("pk", flat=True)
    )
    assert links(html) == petitions[25:]
    assert 'href="?kind=petition&amp;page=1" rel="prev"' in html
    assert '<option value="petition" selected>' in html
    assert '<option value="defence_brief">' in html


@pytest.mark.rule("FIL-9")
@pytest.mark.parametrize(
    ("asked", "shown"), [("99", slice(25, 30)), ("0", slice(25, 30)), ("x", slice(0, 25))]
)
def test_a_page_out_of_range_or_not_a_number_is_a_readable_page(
    filer, court, office, staff, asked, shown
):
    """FIL-9: a page past either end shows the last one, a malformed one the first; no 500."""
    sent = queue(filer, court, office, 30)
    response = browser(staff).get(f"/en/filings/office/?page={asked}")
    assert response.status_code == 200
    assert links(response.content.decode()) == sent[shown]


@pytest.mark.rule("FIL-9")
def test_a_malformed_filter_is_shown_with_its_error_not_a_500(filer, court, office, staff):
    """FIL-9: a date that is not one is kept in the form, marked invalid with its message."""
    queue(filer, court, office, 1)
    response = browser(staff).get("/en/filings/office/?sent_from=someday&q=T00")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ul class="errorlist" id="id_sent_from_error"><li>Enter a valid date.</li></ul>' in html
    (field,) = re.findall(r'<input[^>]*name="sent_from"[^>]*>', html)
    assert 'value="someday"' in field and 'aria-invalid="true"' in field
    assert 'aria-describedby="id_sent_from_error"' in field
    assert '<input type="text" name="q" id="id_q" value="T00">' in html
    assert '<label for="id_sent_from">Sent on or after:</label>' in html


@pytest.mark.rule("FIL-9")
def test_each_row_reads_as_before_in_both_languages(filer, court, office, staff):
    """FIL-9: tracking code (Persian digits in Persian), kind, filer, court, status and the
    sending time in Jalali (fa) or Gregorian (en)."""
    (pk,) = queue(filer, court, office, 1)
    filing = Filing.objects.get(pk=pk)
    en = browser(staff).get("/en/filings/office/").content.decode()
    assert f'<a href="/en/filings/{pk}/">{filing.tracking_code}</a>' in en
    assert ">Defence brief</td>" in en
    assert f"><bdi>{filer.get_full_name()}</bdi></td>" in en
    assert f"><bdi>{court.name}</bdi></td>" in en
    assert ">Sent to the office</td>" in en
    assert ">2026-03-01 09:30</td>" in en
    fa = browser(staff).get("/filings/office/").content.decode()
    digits = filing.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert f'<a href="/filings/{pk}/">{digits}</a>' in fa
    assert ">۱۴۰۴/۱۲/۱۰ ۰۹:۳۰</td>" in fa


@pytest.mark.rule("FIL-9")
def test_the_number_of_queries_does_not_grow_with_the_queue(
    filer, court, office, staff, django_assert_max_num_queries
):
    """FIL-9: one count and one read of the page's rows, whatever the queue holds: 13 queries
    in all with the session, the second factor that verified it (ID-13), the user's offices
    and the site's chrome."""
    client = browser(staff)
    (pk,) = queue(filer, court, office, 1)
    client.get("/en/filings/office/")  # caches of the site's chrome
    with CaptureQueriesContext(connection) as one:
        assert client.get("/en/filings/office/").status_code == 200
    copies(Filing.objects.get(pk=pk), 59)
    with django_assert_max_num_queries(14), CaptureQueriesContext(connection) as sixty:
        assert client.get("/en/filings/office/?page=2").status_code == 200
    assert len(sixty) == len(one)
    count, rows = [q["sql"] for q in sixty if 'FROM "filings_filing"' in q["sql"]]
    assert count.startswith("SELECT COUNT(*)") and "JOIN" not in count  # the rows' columns only
    assert "LIMIT 25 OFFSET 25" in rows
