"""The seeded pages' text as data files (cms_pages/content), read by cms_pages.content."""

import re

import pytest

from cms_pages import content
from cms_pages.content import HERE
from cms_pages.models import GuidePage

ARTICLES = 39  # "… در ۳۹ ماده و ۱۰ تبصره …", the regulation's own last article
NOTES = 10


@pytest.mark.rule("CMS-2")
def test_the_regulation_is_one_file_per_language_article_by_article():
    """CMS-2: the Persian file holds the 39 articles and 10 notes in five chapters; the
    English one a heading for each article and chapter and the translation of every article,
    paragraph for paragraph and note for note."""
    persian = content.read("regulation", "fa")
    english = content.read("regulation", "en")
    assert [a["number"] for a in persian["articles"]] == list(range(1, ARTICLES + 1))
    assert sum(len(a.get("notes", ())) for a in persian["articles"]) == NOTES
    assert [a["number"] for a in english["articles"]] == list(range(1, ARTICLES + 1))
    assert [c["number"] for c in persian["chapters"]] == [c["number"] for c in english["chapters"]]

    fields, body = content.regulation("en")
    _, body_fa = content.regulation("fa")
    articles = [value for kind, value in body if kind == "article"]
    assert fields["title"].startswith("Regulation")
    assert articles[0]["title"] == "Definitions"
    articles_fa = [v for k, v in body_fa if k == "article"]
    assert fields["text_language"] == "en"
    assert [a["body"].count("<p>") for a in articles] == [
        a["body"].count("<p>") for a in articles_fa
    ]
    assert [[n["number"] for n in a["notes"]] for a in articles] == [
        [n["number"] for n in a["notes"]] for a in articles_fa
    ]
    assert not any(re.search("[\u0600-\u06ff]", a["body"]) for a in articles)
    assert articles[0]["body"].startswith("<p>The abbreviations used in this regulation")
    assert [k for k, _v in body].count("chapter") == 5


@pytest.mark.rule("CMS-1")
def test_every_guide_file_is_a_stream_of_steps_and_callouts():
    """CMS-1: each guide's file gives its fields and steps, notes and warnings, in every
    language it is written in."""
    files = sorted((HERE / "guides").glob("*.toml"))
    assert len(files) == 9  # seeds 000, 001, 003 and my cases in fa and en; seed 002 in az
    for path in files:
        slug, language, _ext = path.name.rsplit(".", 2)
        guide = content.guide(slug, language)
        assert guide["title"] and guide["summary"], path.name
        kinds = {kind for kind, _value in guide["steps"]}
        assert kinds <= {"step", "note", "warning"} and "step" in kinds, path.name
        if "audience" in guide:
            assert guide["audience"] in GuidePage.Audience.values, path.name
