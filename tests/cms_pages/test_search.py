"""Site search over the live public pages of the reader's language and the offices (CMS-1,
CMS-3, CMS-5)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.models import GuidePage
from cms_pages.search import MAX_QUERY_LENGTH
from tests.factories.offices import OfficeFactory

pytestmark = pytest.mark.django_db


def found_pages(body):
    return {int(pk) for pk in re.findall(r'data-page="(\d+)"', body)}


@pytest.mark.rule("CMS-1")
@pytest.mark.rule("CMS-5")
def test_search_finds_a_guide_by_a_persian_word_in_its_steps(client, seeded):
    """CMS-1, CMS-5: /search/?q= finds the electronic-notice guide by a word of its steps
    (Persian), and only Persian pages on the Persian site."""
    response = client.get("/search/", {"q": "رمز موقت"})

    assert response.status_code == 200
    assert 'dir="rtl"' in re.search(r"<html[^>]*>", response.content.decode()).group(0)
    pages = found_pages(response.content.decode())
    assert seeded.notices_guide.pk in pages
    assert seeded.notices_guide_en.pk not in pages


@pytest.mark.rule("CMS-5")
def test_english_search_finds_english_pages_only(client, seeded):
    """CMS-5: /en/search/ searches the English pages."""
    response = client.get("/en/search/", {"q": "defence brief"})

    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="ltr"' in re.search(r"<html[^>]*>", body).group(0)
    pages = found_pages(body)
    assert seeded.defence_guide_en.pk in pages
    assert seeded.defence_guide.pk not in pages
    assert f'href="{seeded.defence_guide_en.url}"' in body


@pytest.mark.rule("CMS-3")
def test_search_finds_an_office_by_name_with_the_directory_search(client, seeded):
    """CMS-3: offices are found by name (Persian letters typed with Arabic forms too), with a
    link to the office's page in the directory."""
    office = OfficeFactory(name_fa="دفتر خدمات الکترونیک قضایی کیان‌شهر", name_en="Kianshahr")
    OfficeFactory(name_fa="دفتر دیگر", name_en="Another")

    body = client.get("/search/", {"q": "کيان"}).content.decode()  # Arabic yeh

    assert f'data-office="{office.code}"' in body
    assert f'href="{seeded.office_directory.url}{office.code}/"' in body
    assert body.count("data-office=") == 1
    english = client.get("/en/search/", {"q": "kianshahr"}).content.decode()
    assert f'href="{seeded.office_directory_en.url}{office.code}/"' in english


@pytest.mark.rule("CMS-5")
def test_search_hides_drafts_and_private_pages(client, seeded):
    """CMS-5: a draft guide, and a change not yet published, are not found."""
    draft = GuidePage(
        title="راهنمای پیش‌نویس زعفرانیه",
        slug="draft-zafaranieh",
        summary="زعفرانیه",
        steps=[],
        live=False,
    )
    seeded.guide_index.add_child(instance=draft)
    draft.save_revision()

    body = client.get("/search/", {"q": "زعفرانیه"}).content.decode()

    assert draft.pk not in found_pages(body)
    assert "هیچ صفحه‌ای" in body


@pytest.mark.rule("CMS-5")
@pytest.mark.parametrize(
    "query",
    [
        "'\"&|!():*<>\\",
        "رمز & | !",
        "%00 ; DROP TABLE",
        "\x00\x01\x7f",
        "\u202e\u200f",
        "a" * 40 + " " + "ب" * 40,
        "   ",
    ],
)
def test_odd_queries_never_fail(client, seeded, query):
    """CMS-5: odd characters, control characters and operators are searched as text."""
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert "<script" not in main


@pytest.mark.rule("CMS-5")
def test_an_over_long_query_is_a_readable_error(client, seeded):
    response = client.get("/search/", {"q": "ب" * (MAX_QUERY_LENGTH + 1)})

    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body
    assert "۱۰۰" in body or str(MAX_QUERY_LENGTH) in body
    assert "data-page=" not in body


@pytest.mark.rule("CMS-5")
def test_empty_search_invites_a_query_and_no_result_is_readable(client, seeded):
    empty = client.get("/search/").content.decode()
    assert "data-page=" not in empty
    assert 'name="q"' in empty

    none = client.get("/en/search/", {"q": "xylophonequartz"}).content.decode()
    assert "No page matches" in none
    assert "No office matches this search." in none


@pytest.mark.rule("CMS-5")
def test_results_are_paginated(client, seeded, monkeypatch):
    """CMS-5: results come in pages; the links keep the query; a bad page number gives the
    first or last page, not an error."""
    monkeypatch.setattr("cms_pages.search.PAGES_PER_PAGE", 1)

    first = client.get("/search/", {"q": "دفاتر"}).content.decode()
    second = client.get("/search/", {"q": "دفاتر", "page": "2"}).content.decode()
    odd = client.get("/search/", {"q": "دفاتر", "page": "x"})

    assert len(found_pages(first)) == 1
    assert 'rel="next"' in first
    assert "q=%D8%AF%D9%81%D8%A7%D8%AA%D8%B1&amp;page=2" in first
    assert found_pages(second) and found_pages(second) != found_pages(first)
    assert odd.status_code == 200


@pytest.mark.rule("CMS-5")
def test_every_page_has_the_search_box_in_its_header(client, seeded):
    """CMS-5: the header's search form posts to the search of the page's language."""
    persian = client.get("/").content.decode()
    english = client.get("/en/").content.decode()

    assert 'action="/search/"' in persian and 'role="search"' in persian
    assert 'action="/en/search/"' in english


def test_search_is_read_only(client, seeded):
    assert client.post("/search/", {"q": "x"}).status_code == 405


@pytest.mark.rule("CMS-3")
@pytest.mark.rule("CMS-5")
def test_search_runs_the_same_number_of_queries_for_more_offices(client, seeded):
    """CMS-3, CMS-5: offices are listed with the directory's own listing (services, posts and
    status in a constant number of queries): four matching offices cost what one does."""
    OfficeFactory(name_fa="دفتر نمونه اول", name_en="Sample first")
    client.get("/search/", {"q": "نمونه"})  # warm the per-process caches
    with CaptureQueriesContext(connection) as one:
        client.get("/search/", {"q": "نمونه"})
    for n in range(3):
        OfficeFactory(name_fa=f"دفتر نمونه {n}", name_en=f"Sample {n}")
    with CaptureQueriesContext(connection) as four:
        body = client.get("/search/", {"q": "نمونه"}).content.decode()

    assert body.count("data-office=") == 4
    assert len(four) == len(one), [q["sql"] for q in four.captured_queries]
