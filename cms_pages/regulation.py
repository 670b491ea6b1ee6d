"""Reading the regulation (seed 004) into chapters, articles and notes (CMS-2).

The seed is text taken out of a PDF: page headers ("صفحه 3") sit between lines, each line's
runs of words come out in visual order (the last run of a right-to-left line first, split
where the PDF had wider gaps), and markers are glued to their numbers ("-۱۷ماده",
"-۲تبصره"). ``parse_regulation`` undoes what can be undone mechanically:

* drops page headers and empty lines;
* puts each line's runs (split on two or more spaces) back in reading order;
* starts a new article at "ماده N-" (accepting the seed's glued and misspelt forms), but only
  for the next number expected, so a reference such as "ماده ۶۵۵ قانون" in the text never
  starts one;
* starts a chapter at a line "فصل …: …", and a note (تبصره, numbered or not) where the
  marker stands next to its dash; a note belongs to the article above it;
* keeps each numbered or lettered item ("۱-", "الف-") as its own paragraph.

What the PDF scrambled inside a run (words split at zero-width non-joiners, fragments out of
order) cannot be undone mechanically: the site's text is the restored reading in
``cms_pages/content/regulation.fa.toml``, and the tests check, with this parser, that each of
its articles holds exactly the seed's letters and digits.
"""

import re
from dataclasses import dataclass, field

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_ASCII = str.maketrans(PERSIAN_DIGITS + "٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)

_PAGE_HEADER = re.compile(r"^\s*صفحه\s*\d*\s*$")
_RUN_SPLIT = re.compile(r"\s{2,}")
_CHAPTER = re.compile(r"^\s*(فصل\s+[^:]+)\s*:\s*(.+?)\s*$")
# "-۱۷ماده", "-۳۷ه ماد" (the seed's misspelling), "ماده ۱۷-".
_ARTICLE = r"(?:-\s*{n}\s*(?:ماده|ه\s*ماد)|ماده\s*{n}\s*-)"
# "تبصره" also comes out as "بصرهت" where the PDF split its first letter off.
_NOTE = re.compile(r"(?:-\s*([۰-۹0-9]*)\s*(?:تبصره|بصرهت)|(?:تبصره|بصرهت)\s*([۰-۹0-9]*)\s*-)")
_ITEM = re.compile(r"^(?:-\s*([۰-۹0-9]{1,2})\s+|([۰-۹0-9]{1,2})\s*-\s+)")
_TRAILING_ITEM = re.compile(r"\s-\s*([۰-۹]{1,2}|الف|ب|ج|د|هـ|و|ز)$")
_LETTER_ITEM = re.compile(r"^(الف|ب|ج|د|هـ|ه|و|ز|ح)\s*-\s*|^-\s*(الف|ب|ج|د|هـ|ه|و|ز|ح)\s+")


def to_ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII)


def to_persian_digits(text) -> str:
    return str(text).translate(_TO_PERSIAN)


@dataclass
class Note:
    number: int | None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


@dataclass
class Article:
    number: int
    chapter: int
    paragraphs: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass
class Chapter:
    number: int
    label: str
    title: str


@dataclass
class Regulation:
    preamble: list[str]
    chapters: list[Chapter]
    articles: list[Article]


def reading_order(line: str) -> str:
    """The runs of a line in reading order, joined by single spaces.

    A full stop or colon the PDF put before a line belongs after it, and an item's marker
    left at the end of the line's first run ("… -ب") belongs before it."""
    line = line.strip()
    end = ""
    while line[:1] in {".", ":", "؛"}:
        end += line[0]
        line = line[1:].strip()
    runs = [run.strip() for run in _RUN_SPLIT.split(line) if run.strip()]
    if runs:
        marker = _TRAILING_ITEM.search(runs[-1])
        if marker:
            runs[-1] = f"-{marker.group(1)} {runs[-1][: marker.start()].strip()}"
    return " ".join(reversed(runs)) + end


def _strip_marker(text: str, pattern: re.Pattern) -> str:
    return re.sub(r"\s{2,}", " ", pattern.sub(" ", text, count=1)).strip(" -")


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([.،؛:])", r"\1", text)
    return text


def _item_start(text: str) -> bool:
    return bool(_ITEM.match(text) or _LETTER_ITEM.match(text))


def _item_text(text: str) -> str:
    """An item as "۱- …" / "الف- …", whichever way round the seed had its marker."""
    match = _LETTER_ITEM.match(text)
    if match:
        letter = match.group(1) or match.group(2)
        return f"{letter}- {text[match.end() :].strip()}"
    match = _ITEM.match(text)
    if match:
        marker = match.group(1) or match.group(2)
        return f"{to_persian_digits(to_ascii_digits(marker))}- {text[match.end() :].strip()}"
    return text


def parse_regulation(text: str) -> Regulation:
    preamble: list[str] = []
    chapters: list[Chapter] = []
    articles: list[Article] = []
    target: list[str] = preamble  # the paragraphs the next line continues
    expected = 1
    chapter_number = 0

    def add(line: str, *, new_paragraph: bool):
        if new_paragraph or not target:
            target.append(line)
        else:
            target[-1] = f"{target[-1]} {line}"

    for raw in text.splitlines():
        if not raw.strip() or _PAGE_HEADER.match(raw):
            continue
        line = reading_order(raw)
        if line in {"ً", "ٌ", "ٍ"}:  # a tanwin the PDF put on a line of its own
            if target:
                target[-1] += line
            continue

        chapter = _CHAPTER.match(line)
        if chapter and articles:
            chapter_number += 1
            chapters.append(Chapter(chapter_number, chapter.group(1), chapter.group(2)))
            target = []  # a heading continues nothing
            continue

        article = re.search(_ARTICLE.format(n=to_persian_digits(expected)), line)
        if article:
            articles.append(Article(number=expected, chapter=chapter_number))
            target = articles[-1].paragraphs
            expected += 1
            rest = _strip_marker(line, re.compile(re.escape(article.group(0))))
            if rest:
                add(rest, new_paragraph=True)
            continue

        note = _NOTE.search(line) if articles else None
        if note:
            number = note.group(1) or note.group(2)
            articles[-1].notes.append(Note(number=int(to_ascii_digits(number)) if number else None))
            target = articles[-1].notes[-1].paragraphs
            rest = _strip_marker(line, re.compile(re.escape(note.group(0))))
            if rest:
                add(rest, new_paragraph=True)
            continue

        # An item of a list starts its own paragraph, in the article (or its last note).
        if articles and _item_start(line):
            add(_item_text(line), new_paragraph=True)
            continue
        add(line, new_paragraph=False)

    for article in articles:
        article.paragraphs = [_tidy(p) for p in article.paragraphs if p.strip()]
        for note in article.notes:
            note.paragraphs = [_tidy(p) for p in note.paragraphs if p.strip()]
    preamble = [_tidy(p) for p in preamble if p.strip()]
    return Regulation(preamble=preamble, chapters=chapters, articles=articles)
