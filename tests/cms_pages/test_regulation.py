"""The regulation (seed 004) as pages with per-article anchors (CMS-2), headless too (CMS-5)."""

import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from cms_pages import content
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


# --- The restored text ------------------------------------------------------------------------
ZWNJ = "\u200c"
SIGNATURE = "صادق آملی لاریجانی"  # the seed's last line, under article 39


def letters(text: str) -> Counter:
    """The letters and digits of a text, whatever their order, spacing (ZWNJ included) and
    punctuation; the Arabic forms of ye and kaf counted as the Persian ones."""
    text = text.replace("ي", "ی").replace("ك", "ک")
    return Counter(ch for ch in text if ch.isalnum())


def article_text(paragraphs, notes) -> str:
    return " ".join([*paragraphs, *notes])


@pytest.fixture(scope="module")
def restored():
    return {a["number"]: a for a in content.read("regulation", "fa")["articles"]}


@pytest.mark.rule("CMS-2")
def test_every_restored_article_uses_exactly_the_seeds_letters(restored):
    """CMS-2: each of the 39 articles, as the site shows it, holds the same letters and digits
    as the seed's article (notes included): restoring the reading changed only the order of
    words and fragments, spacing and punctuation, nothing added or dropped; the notes keep
    the seed's numbering."""
    seed = parse_regulation(REGULATION_SEED.read_text(encoding="utf-8"))
    assert sorted(restored) == [a.number for a in seed.articles]
    for article in seed.articles:
        seed_text = article_text(article.paragraphs, [n.text for n in article.notes])
        if article.number == ARTICLES:  # the signature closes the seed, after article 39
            assert seed_text.endswith(SIGNATURE)
            seed_text = seed_text.removesuffix(SIGNATURE)
        ours = restored[article.number]
        notes = ours.get("notes", ())
        assert letters(article_text(ours["paragraphs"], [n["text"] for n in notes])) == letters(
            seed_text
        ), f"article {article.number}"
        assert [n.get("number") for n in notes] == [n.number for n in article.notes]


@pytest.mark.rule("CMS-2")
def test_the_restored_articles_read_as_the_law(restored):
    """CMS-2: article 1 reads as the law does; quotation marks open before they close; the
    split words are joined again with a zero-width non-joiner (آیین‌نامه, می‌شود), and the
    lists keep their numbering (۱- …, الف- …)."""
    first = restored[1]["paragraphs"]
    assert first[0] == f"عبارات اختصاری در این آیین{ZWNJ}نامه در معانی زیر به کار می{ZWNJ}رود:"
    assert first[-1] == "مدیر دفتر: فردی که پروانه دفتر به نام او صادر شده است."
    assert restored[4]["paragraphs"][0].startswith(
        f"درگاه خدمات قضایی که در این آیین{ZWNJ}نامه به اختصار «درگاه» خوانده می{ZWNJ}شود،"
    )
    for number, article in restored.items():
        text = article_text(article["paragraphs"], [n["text"] for n in article.get("notes", ())])
        assert not re.search(r"آیین ?نامه|(?<!\S)می (?=\S)", text), number
        quotes = re.sub("[^«»]", "", text)
        assert quotes == "«»" * (len(quotes) // 2), number
    assert [p[:3] for p in restored[35]["paragraphs"][1:]] == [f"{d}- " for d in "۱۲۳۴۵۶"]
    assert [p.split("-")[0] for p in restored[22]["paragraphs"][1:]] == [
        "الف",
        "ب",
        "ج",
        "د",
        "هـ",
        "و",
        "ز",
    ]
    assert restored[39]["paragraphs"][0].endswith(
        "در ۳۹ ماده و ۱۰ تبصره در تاریخ ۱۳۹۶/۱۲/۲۶ به تصویب رییس قوه قضاییه رسید."
    )


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
def test_english_page_translates_the_headings_and_the_text(client, seeded):
    """CMS-2, CMS-5: the English translation is left to right, with English headings, text
    and notes, and anchors identical to the Persian page's; its text is in the page's own
    language, so it carries no lang or dir of another."""
    response = client.get(seeded.regulation_en.url)

    assert response.status_code == 200
    assert seeded.regulation_en.url.startswith("/en/")
    body = response.content.decode()
    assert 'dir="ltr"' in html_tag(response)
    assert 'id="article-17"' in body
    assert "Article 17" in body and "Requirements for the manager" in body
    assert "Being at least twenty-five years old;" in body
    assert 'class="article__body prose">' in body and 'lang="fa" dir="rtl"' not in body
    article_34 = body[body.index('id="article-34"') : body.index('id="article-35"')]
    assert "Note 2" in article_34 and "تبصره" not in article_34


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
