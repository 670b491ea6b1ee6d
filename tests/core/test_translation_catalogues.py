"""Django merges every app's Persian catalogue into one: a word translated two ways in two
apps would show one app's meaning everywhere. Such words carry a context (CMS-5)."""

import gettext
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def _catalogues():
    found = {}
    for mo in sorted(ROOT.glob("**/locale/fa/LC_MESSAGES/django.mo")):
        if ".venv" in mo.parts:
            continue
        with mo.open("rb") as handle:
            found[str(mo.relative_to(ROOT))] = gettext.GNUTranslations(handle)._catalog
    return found


@pytest.mark.rule("CMS-5")
def test_no_message_is_translated_two_ways_across_the_apps():
    """CMS-5: one English message (with its context) has one Persian translation site-wide."""
    catalogues = _catalogues()
    assert len(catalogues) >= 8, sorted(catalogues)
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for name, catalogue in catalogues.items():
        for key, text in catalogue.items():
            if not key or isinstance(key, tuple) or not text:
                continue
            if key in seen and seen[key][1] != text:
                clashes.append((key, seen[key], (name, text)))
            seen.setdefault(key, (name, text))
    assert clashes == []


@pytest.mark.rule("CMS-5")
def test_words_with_two_meanings_show_the_right_one():
    """CMS-5: a person's title is their post (سمت), a document's is its heading (عنوان);
    the filing's "Sent" column is the date, a message's status is sent; a guide shows how
    many steps it has, a request lists its steps; a notice's subject is the notice's; a
    ruling's outcome is a sanction (محکومیت), a published reprimand names the disciplinary
    sanction (تنبیه انتظامی)."""
    with translation.override("fa"):
        assert translation.pgettext("job title", "title") == "سمت"
        assert translation.gettext("title") == "عنوان"
        assert translation.gettext("Sent") == "تاریخ ارسال"
        assert translation.pgettext("message status", "Sent") == "ارسال‌شده"
        assert translation.gettext("Steps") == "مراحل"
        assert translation.pgettext("number of steps of a guide", "Steps") == "تعداد مراحل"
        assert translation.gettext("Subject") == "موضوع"
        assert translation.pgettext("subject of a notice", "Subject") == "موضوع ابلاغیه"
        assert translation.gettext("Sanction") == "محکومیت"
        context = "disciplinary sanction of a reprimand"
        assert translation.pgettext(context, "Sanction") == "تنبیه انتظامی"
