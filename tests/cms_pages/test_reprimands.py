"""Published reprimands on the public site, read live from discipline (CMS-4, DIS-8, CMS-5).

Only grade-4 rulings that are final and enforced are public; the page and the pages API
both read discipline's `published_reprimands()` selector."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.sweeping import run_all
from discipline import services as discipline_services
from discipline.models import Ruling
from offices.models import Office
from tests.factories import discipline as f
from tests.factories.licensing import centre_head
from tests.factories.offices import city

pytestmark = pytest.mark.django_db
TZ = ZoneInfo(settings.TIME_ZONE)
# Issued and served on 4 March 2025: final when the 20-day objection window closes, at the end
# of 24 March, i.e. 25 March 2025 00:00 in Tehran, which is 5 Farvardin 1404.
DAY0 = dt.datetime(2025, 3, 4, 10, 0, tzinfo=TZ)


def at(moment):
    return time_machine.travel(moment, tick=False)


def issued_reprimand(*, day0=DAY0, grade=4, province_code=None, **names):
    """A first-instance grade-`grade` ruling issued and served on `day0`."""
    with at(day0):
        case = f.open_case()
        if province_code:
            place = city(province_code)
            Office.objects.filter(pk=case.office.pk).update(province=place.province, city=place)
        if names:
            type(case.accused).objects.filter(pk=case.accused_id).update(**names)
        ruling = f.ruling(case, grade=grade)
        f.serve(ruling)
    return ruling


def finalise(day0=DAY0):
    with at(day0 + dt.timedelta(days=21)):
        run_all()


def published(**kwargs):
    day0 = kwargs.get("day0", DAY0)
    ruling = issued_reprimand(**kwargs)
    finalise(day0)
    ruling.refresh_from_db()
    assert ruling.status == Ruling.Status.ENFORCED
    return ruling


def entries(body):
    return {int(pk) for pk in re.findall(r'data-reprimand="(\d+)"', body)}


@pytest.mark.rule("CMS-4")
@pytest.mark.rule("DIS-8")
def test_only_final_grade_4_reprimands_appear_on_the_page_and_in_the_api(client, api, seeded):
    """CMS-4, DIS-8: a grade-4 ruling that is issued but not final, one the centre head
    objected to (DIS-7), and a final grade-3 ruling never appear, neither on the page nor in
    the pages API; the final, enforced grade-4 reprimand does, with its own page."""
    public = published(first_name="مهدی", last_name="توبیخ‌شده")
    pending = issued_reprimand(day0=DAY0 + dt.timedelta(days=10))
    objected = issued_reprimand(day0=DAY0 + dt.timedelta(days=10))
    with at(DAY0 + dt.timedelta(days=11)):
        discipline_services.ruling_object(
            actor=centre_head(), case_id=objected.case_id, grounds="Too lenient."
        )
    grade_3 = published(grade=3)
    objected.refresh_from_db()
    assert objected.status == Ruling.Status.CHALLENGED

    with at(DAY0 + dt.timedelta(days=25)):
        body = client.get(seeded.reprimands.url).content.decode()
        api_items = api.get(
            "/api/cms/v2/pages/?type=cms_pages.ReprimandIndexPage&fields=reprimands&locale=fa"
        ).json()["items"]

    assert entries(body) == {public.pk}
    assert "مهدی توبیخ‌شده" in body
    [page] = api_items
    assert [item["id"] for item in page["reprimands"]] == [public.pk]
    for hidden in (pending, objected, grade_3):
        assert client.get(f"{seeded.reprimands.url}{hidden.pk}/").status_code == 404
    detail = client.get(f"{seeded.reprimands.url}{public.pk}/")
    assert detail.status_code == 200
    assert "مهدی توبیخ‌شده" in detail.content.decode()


@pytest.mark.rule("CMS-4")
def test_a_reprimand_shows_only_what_the_publication_needs(client, api, seeded):
    """CMS-4: name, office, province, violations, sanction and the day it became final; never
    the national ID, the allegation, the ruling's text or the votes' reasons."""
    ruling = published()
    case = ruling.case

    body = client.get(f"{seeded.reprimands.url}{ruling.pk}/").content.decode()
    item = api.get(f"/api/cms/v2/pages/{seeded.reprimands.pk}/").json()["reprimands"][0]

    assert case.office.name_fa in body
    assert all(v.title_fa in body for v in case.violations.all())
    assert f'href="{seeded.office_directory.url}{case.office.code}/"' in body
    assert set(item) == {
        "id",
        "name",
        "office_code",
        "office_name",
        "violations",
        "sanction",
        "final_on",
        "province",
        "url",
    }
    assert item["final_on"] == "2025-03-25"
    assert item["url"] == f"{seeded.reprimands.url}{ruling.pk}/"
    for secret in (
        case.accused.national_id,
        case.allegation,
        ruling.text,
        "Proven by the inspection report.",
    ):
        assert secret not in body
        assert secret not in str(item)


@pytest.mark.rule("CMS-4")
@pytest.mark.rule("CMS-5")
def test_persian_page_shows_jalali_dates_right_to_left_and_english_gregorian(client, seeded):
    """CMS-4, CMS-5: the final date is Jalali with Persian digits on the Persian page (right
    to left) and Gregorian on the English one (left to right)."""
    ruling = published()

    persian = client.get(seeded.reprimands.url)
    english = client.get(seeded.reprimands_en.url)
    english_entry = client.get(f"{seeded.reprimands_en.url}{ruling.pk}/")

    assert 'dir="rtl"' in re.search(r"<html[^>]*>", persian.content.decode()).group(0)
    assert "۵ فروردین ۱۴۰۴" in persian.content.decode()
    assert 'dir="ltr"' in re.search(r"<html[^>]*>", english.content.decode()).group(0)
    assert "25 March 2025" in english.content.decode()
    assert english_entry.status_code == 200
    assert "25 March 2025" in english_entry.content.decode()
    assert "Reprimand published on the centre" in english_entry.content.decode()


@pytest.mark.rule("CMS-4")
def test_filter_by_province_office_and_year_in_the_pages_calendar(client, seeded):
    """CMS-4: the list narrows by province, office code and year; the year is Jalali on the
    Persian page (1404 starts on 21 March 2025) and Gregorian on the English one."""
    tehran = published()  # final 25 March 2025 = 5 Farvardin 1404
    earlier = published(day0=DAY0 - dt.timedelta(days=10), province_code="isfahan")
    # final 15 March 2025 = 24 Esfand 1403

    def listed(page, params):
        return entries(client.get(page.url, params).content.decode())

    assert listed(seeded.reprimands, {}) == {tehran.pk, earlier.pk}
    assert listed(seeded.reprimands, {"province": "isfahan"}) == {earlier.pk}
    assert listed(seeded.reprimands, {"office": tehran.case.office.code}) == {tehran.pk}
    assert listed(seeded.reprimands, {"year": "1404"}) == {tehran.pk}
    assert listed(seeded.reprimands, {"year": "۱۴۰۳"}) == {earlier.pk}
    assert listed(seeded.reprimands_en, {"year": "2025"}) == {tehran.pk, earlier.pk}
    body = client.get(seeded.reprimands.url, {"year": "1402"}).content.decode()
    assert "هیچ توبیخ منتشرشده‌ای با این فیلتر" in body


@pytest.mark.rule("CMS-4")
@pytest.mark.parametrize(
    "params",
    [
        {"province": "atlantis"},
        {"office": "12ab"},
        {"office": "9" * 40},
        {"year": "99999"},
        {"year": "<script>"},
        {"page": "-1"},
        {"page": "abc"},
    ],
)
def test_bad_filters_are_readable_errors_not_500(client, seeded, params):
    """CMS-4: a bad filter gives the page with a readable error (or the first page)."""
    response = client.get(seeded.reprimands.url, params)

    assert response.status_code == 200
    body = response.content.decode()
    if "page" not in params:
        assert 'role="alert"' in body
    assert "<script>" not in body


@pytest.mark.rule("CMS-4")
def test_empty_list_is_readable_and_pages_are_paginated(client, seeded):
    """CMS-4: with nothing published the page says so; more than a page of entries is split
    into pages."""
    body = client.get(seeded.reprimands.url).content.decode()
    assert "هیچ توبیخی منتشر نشده است" in body

    first = published()
    second = published(day0=DAY0 - dt.timedelta(days=3))
    type(seeded.reprimands).reprimands_per_page = 1
    try:
        page_1 = entries(client.get(seeded.reprimands.url).content.decode())
        page_2 = client.get(seeded.reprimands.url, {"page": "2"}).content.decode()
    finally:
        type(seeded.reprimands).reprimands_per_page = 20
    assert page_1 == {first.pk}
    assert entries(page_2) == {second.pk}
    assert 'rel="prev"' in page_2


@pytest.mark.rule("CMS-4")
@pytest.mark.rule("CMS-5")
def test_reprimand_page_type_is_on_the_pages_api_in_both_languages(api, seeded):
    """CMS-5: the page type, its intro and the discipline API's address are headless."""
    response = api.get(
        "/api/cms/v2/pages/?type=cms_pages.ReprimandIndexPage&fields=intro,reprimands_api"
    )

    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["meta"]["locale"] for item in items} == {"fa", "en"}
    assert all(item["reprimands_api"] == "/api/v1/discipline/reprimands/" for item in items)
    assert all("۳۵" in item["intro"] or "35" in item["intro"] for item in items)


@pytest.mark.rule("CMS-4")
@pytest.mark.rule("CMS-5")
def test_list_and_api_field_cost_the_same_queries_for_more_reprimands(client, api, seeded):
    """CMS-4, CMS-5: the list page and the pages API field read the entries, their offices,
    provinces and violations in a constant number of queries."""
    published()
    api_url = f"/api/cms/v2/pages/{seeded.reprimands.pk}/"
    client.get(seeded.reprimands.url)  # warm the per-process caches
    api.get(api_url)
    with CaptureQueriesContext(connection) as page_one:
        client.get(seeded.reprimands.url)
    with CaptureQueriesContext(connection) as api_one:
        api.get(api_url)
    published(day0=DAY0 - dt.timedelta(days=3), province_code="isfahan")
    with CaptureQueriesContext(connection) as page_two:
        body = client.get(seeded.reprimands.url).content.decode()
    with CaptureQueriesContext(connection) as api_two:
        items = api.get(api_url).json()["reprimands"]

    assert len(entries(body)) == len(items) == 2
    assert len(page_two) == len(page_one), [q["sql"] for q in page_two.captured_queries]
    assert len(api_two) == len(api_one), [q["sql"] for q in api_two.captured_queries]
