"""The regulation (seed 004) as pages with per-article anchors (CMS-2), headless too (CMS-5)."""

import re

import pytest
from django.core.exceptions import ValidationError

from cms_pages.models import RegulationPage
from cms_pages.regulation import parse_regulation, reading_order
from cms_pages.seed import REGULATION_SEED, seed_pages

pytestmark = pytest.mark.django_db

ARTICLES = 39  # "… در ۳۹ ماده و ۱۰ تبصره …", the regulation's own last article
NOTES = 10


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


# --- Parsing the seed --------------------------------------------------------------------------
@pytest.mark.rule("CMS-2")
def test_parser_finds_every_article_chapter_and_note_of_the_seed():
    """CMS-2: the seed's text gives 39 articles and 10 notes (as its last article says), in
    five chapters; notes stay under their article, list items stay separate paragraphs."""
    regulation = parse_regulation(REGULATION_SEED.read_text(encoding="utf-8"))

    assert [a.number for a in regulation.articles] == list(range(1, ARTICLES + 1))
    assert sum(len(a.notes) for a in regulation.articles) == NOTES
    assert [c.title for c in regulation.chapters] == [
        "خدمات الکترونیک قضایی",
        "تشکیلات و کارکنان دفتر",
        "اداره کل خدمات الکترونیک قضایی و شورای مشورتی",
        "کانون دفاتر خدمات الکترونیک قضایی",
        "مقررات اداری و انتظامی",
    ]
    by_number = {a.number: a for a in regulation.articles}
    assert by_number[1].chapter == 0 and by_number[2].chapter == 1 and by_number[39].chapter == 5
    # Art. 15: the staff of an office, with its note on growing the staff.
    assert "دو کارمند دفتری" in by_number[15].paragraphs[0]
    assert len(by_number[15].notes) == 1
    assert "منابع انسانی" in by_number[15].notes[0].text
    # Art. 34 has two numbered notes, art. 38 three.
    assert [n.number for n in by_number[34].notes] == [1, 2]
    assert [n.number for n in by_number[38].notes] == [1, 2, 3]
    # Art. 35: the six disciplinary measures, one paragraph each after the opening sentence.
    assert len(by_number[35].paragraphs) == 7
    assert by_number[35].paragraphs[4].startswith("۴- توبیخ با درج در سایت مرکز")
    # No page header of the PDF is left in the text.
    assert not any("صفحه" in p for a in regulation.articles for p in a.paragraphs)


def test_reading_order_puts_the_runs_of_a_pdf_line_back():
    line = "ضمایم آن به خوانده  ابلاغ وقت و اوراق قضایی     -۸ماده"
    assert reading_order(line) == "-۸ماده ابلاغ وقت و اوراق قضایی ضمایم آن به خوانده"
    assert reading_order(" .نمایند اقدام می") == "نمایند اقدام می."


# --- The pages ---------------------------------------------------------------------------------
@pytest.mark.rule("CMS-2")
def test_every_article_has_its_anchor_and_an_entry_in_the_contents(client, seeded):
    """CMS-2: the Persian page has id="article-N" for each of the 39 articles, a table of
    contents linking to each, the chapter headings, and its notes (تبصره) under the article."""
    response = client.get(seeded.regulation.url)

    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="rtl"' in html_tag(response)
    for number in range(1, ARTICLES + 1):
        assert body.count(f'id="article-{number}"') == 1
        assert f'href="#article-{number}"' in body
    assert 'id="chapter-5"' in body and "مقررات اداری و انتظامی" in body
    heading_17 = body[body.index('id="article-17-heading"') :]
    assert "۱۷" in heading_17[: heading_17.index("</h3>")]  # Persian digits in the headings
    article_15 = body[body.index('id="article-15"') : body.index('id="article-16"')]
    assert "تبصره" in article_15 and "منابع انسانی" in article_15
    assert 'id="article-34-note-2"' in body


@pytest.mark.rule("CMS-2")
@pytest.mark.rule("CMS-5")
def test_english_page_translates_the_headings_and_marks_the_persian_text(client, seeded):
    """CMS-2, CMS-5: the English translation is left to right, with English headings and
    anchors identical to the Persian page's; the authoritative Persian text is marked
    lang="fa" dir="rtl"."""
    response = client.get(seeded.regulation_en.url)

    assert response.status_code == 200
    assert seeded.regulation_en.url.startswith("/en/")
    body = response.content.decode()
    assert 'dir="ltr"' in html_tag(response)
    assert 'id="article-17"' in body
    assert "Article 17" in body and "Requirements for the manager" in body
    assert 'class="article__body prose" lang="fa" dir="rtl"' in body


@pytest.mark.rule("CMS-2")
@pytest.mark.rule("CMS-5")
def test_pages_api_exposes_the_articles_with_their_anchors(api, seeded):
    """CMS-2, CMS-5: /api/cms/v2/pages/ gives the regulation anonymously, each article with
    its number, title, text, notes and anchor."""
    response = api.get(
        "/api/cms/v2/pages/?type=cms_pages.RegulationPage&locale=fa"
        "&fields=body,approved,text_language"
    )

    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["id"] == seeded.regulation.pk
    assert item["text_language"] == "fa"
    articles = [b["value"] for b in item["body"] if b["type"] == "article"]
    assert [a["number"] for a in articles] == list(range(1, ARTICLES + 1))
    article_17 = articles[16]
    assert set(article_17) == {"number", "title", "body", "notes", "anchor"}
    assert article_17["anchor"] == "article-17"
    assert article_17["title"] == "شرایط اختصاصی مدیر دفتر"
    assert "بیست و پنج سال" in article_17["body"]
    assert article_17["notes"][0]["text"]
    chapters = [b["value"]["title"] for b in item["body"] if b["type"] == "chapter"]
    assert len(chapters) == 5


def test_article_numbers_must_be_unique(seeded):
    page = RegulationPage.objects.get(pk=seeded.regulation.pk)
    article = next(b for b in page.body if b.block_type == "article")
    page.body.append(("article", dict(article.value)))

    with pytest.raises(ValidationError):
        page.full_clean()


def test_seeding_the_regulation_again_keeps_the_editors_text(seeded):
    page = RegulationPage.objects.get(pk=seeded.regulation.pk)
    page.introduction = "ویرایش ویراستار"
    page.save_revision().publish()

    again = seed_pages()

    assert again.regulation.pk == page.pk
    assert RegulationPage.objects.count() == 2  # Persian and English
    assert RegulationPage.objects.get(pk=page.pk).introduction == "ویرایش ویراستار"
