"""The public site renders in Persian (right to left, Jalali dates) and English (CMS-1, CMS-5)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.rule("CMS-5")
def test_persian_home_page_is_the_site_root_right_to_left(client, seeded):
    """CMS-5: the home page at / is Persian, right to left, and lists the latest guides."""
    response = client.get("/")

    assert response.status_code == 200
    tag = html_tag(response)
    assert 'lang="fa"' in tag
    assert 'dir="rtl"' in tag
    body = response.content.decode()
    assert seeded.home.title in body
    assert seeded.booking_guide.title in body  # latest guides
    assert 'href="/guides/"' in body  # nav and highlighted link to the guide index
    assert 'href="/api/docs/"' in body
    assert 'href="/accounts/signin/"' in body
    assert "راهنماها" in body  # interface strings are Persian too


@pytest.mark.rule("CMS-5")
def test_english_home_page_is_left_to_right(client, seeded):
    """CMS-5: the English translation of the home page is at /en/, left to right."""
    response = client.get("/en/")

    assert response.status_code == 200
    tag = html_tag(response)
    assert 'lang="en"' in tag
    assert 'dir="ltr"' in tag
    body = response.content.decode()
    assert seeded.home_en.title in body
    assert seeded.booking_guide_en.title in body
    assert 'href="/en/guides/"' in body


@pytest.mark.rule("CMS-1")
def test_guide_page_renders_numbered_steps_notes_and_warnings(client, seeded):
    """CMS-1: the booking guide of seed 001 shows its steps in order, numbered, with its
    notes and its no-show warning labelled for screen readers, and its Jalali review date."""
    response = client.get(seeded.booking_guide.url)

    assert response.status_code == 200
    body = response.content.decode()
    step_titles = [
        block.value["title"] for block in seeded.booking_guide.steps if block.block_type == "step"
    ]
    assert len(step_titles) == 8
    rendered = re.findall(r'<span class="visually-hidden">[^<]*</span>\s*(.*?)\s*</h2>', body)
    assert rendered == step_titles
    # Steps 1-7, the no-show warning, then step 8: numbering continues after the callout.
    assert '<ol class="steps" start="1">' in body
    assert '<ol class="steps" start="8">' in body
    assert "مرحلهٔ ۱:" in body and "مرحلهٔ ۸:" in body
    assert "یک هفته" in body  # the one-week ban for a missed appointment
    assert body.count('class="callout callout--warning" role="note"') == 2
    assert ">هشدار</p>" in body and ">نکته</p>" in body
    assert "کارت ملی" in body
    assert '<time datetime="2026-11-23">۲ آذر ۱۴۰۵</time>' in body


@pytest.mark.rule("CMS-5")
def test_english_guide_shows_gregorian_date_and_warning(client, seeded):
    """CMS-5: the English guide is left to right with a Gregorian date."""
    response = client.get(seeded.booking_guide_en.url)

    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="ltr"' in html_tag(response)
    assert "one week" in body
    assert "Step 1:" in body
    assert '<time datetime="2026-11-23">23 November 2026</time>' in body


@pytest.mark.rule("CMS-1")
def test_guide_index_lists_the_guides_of_its_language(client, seeded):
    """CMS-1: the guide index lists published guides of its own locale only."""
    persian = client.get(seeded.guide_index.url).content.decode()
    english = client.get(seeded.guide_index_en.url).content.decode()

    assert seeded.booking_guide.title in persian
    assert seeded.booking_guide_en.title not in persian
    assert seeded.booking_guide_en.title in english


def switch(client, page_url, language):
    """Follow the language switcher's link to `language` on the page at page_url; return where
    it leads (the link itself, checked to answer)."""
    soup = BeautifulSoup(client.get(page_url).content.decode(), "html.parser")
    link = soup.select_one(f'.language-switcher a[hreflang="{language}"]')
    assert link is not None, f"no switch to {language} on {page_url}"
    assert link.get("lang") == language
    return link["href"]


@pytest.mark.rule("CMS-5")
def test_language_switcher_leads_to_the_translation_of_the_page(client, seeded):
    """CMS-5: the switcher links to the same page in the other language, in both directions."""
    assert switch(client, "/", "en") == "/en/"
    assert switch(client, "/en/", "fa") == "/"
    assert switch(client, seeded.booking_guide.url, "en") == seeded.booking_guide_en.url
    assert switch(client, seeded.booking_guide_en.url, "fa") == seeded.booking_guide.url


@pytest.mark.rule("CMS-5")
def test_language_switcher_follows_translated_slugs(client, seeded):
    """CMS-5: a translation with its own slug is still found (the switcher follows the
    translation, not the path)."""
    english = seeded.booking_guide_en
    english.slug = "booking-an-appointment"
    english.save_revision().publish()
    english.refresh_from_db()

    assert switch(client, seeded.booking_guide.url, "en") == english.url
    assert switch(client, english.url, "fa") == seeded.booking_guide.url


def test_language_switcher_on_other_pages_keeps_the_path(client, seeded):
    assert switch(client, "/no-such-page/", "en") == "/en/no-such-page/"
    assert switch(client, "/en/no-such-page/", "fa") == "/no-such-page/"
    assert switch(client, "/accounts/signin/", "en") == "/en/accounts/signin/"
    assert switch(client, "/en/accounts/signin/", "fa") == "/accounts/signin/"
    assert switch(client, "/accounts/signin/?next=/filings/", "en") == (
        "/en/accounts/signin/?next=/filings/"
    )


@pytest.mark.rule("CMS-5")
def test_pages_carry_no_csrf_token_for_anonymous_visitors(client, seeded):
    """CMS-5: the switcher is links, so a public page sets no cookie and is the same for every
    anonymous visitor (which lets core.publiccache share it)."""
    for url in ("/", "/en/", seeded.booking_guide.url):
        response = client.get(url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert not response.cookies


def test_missing_page_is_a_readable_404(client, seeded):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    body = response.content.decode()
    assert 'dir="rtl"' in html_tag(response)
    assert "صفحه یافت نشد" in body
    assert 'id="main"' in body


def test_500_page_renders_without_any_context():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert 'lang="fa"' in html
    assert "Something went wrong" in html
