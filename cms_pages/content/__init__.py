"""The text of the seeded pages, kept as data: one TOML file per page and language.

* ``pages/<name>.<lang>.toml``: a page's fields (title, intro, …) and, for the home pages,
  its highlighted links (``[[highlights]]`` with ``page``, the name of a seeded page, or
  ``url``);
* ``guides/<slug>.<lang>.toml``: a guide's fields and its steps (``[[steps]]``, each with a
  ``type``: ``step`` with title, body, notes and warnings, or ``note``/``warning`` with text);
* ``regulation.<lang>.toml``: the regulation's page fields, its chapters and its articles,
  article by article. The Persian file holds the authoritative text (paragraphs and notes); a
  translation holds the headings and, where it translates the text too, every article's
  paragraphs and notes (the English one does). A translation without the text shows the
  Persian text under its headings.

The Persian guides follow the seeds' order and wording, rewritten as clean instructions (the
seeds are extracted from PDFs and web pages, with broken words and digits); where a seed's
number could not be read reliably, the guide says what the system itself shows instead of
guessing. The English texts are translations of the Persian ones.

Editors change the live pages in the admin; these files are what ``cms_pages.seed`` writes
the first time only.
"""

import tomllib
from html import escape
from pathlib import Path

HERE = Path(__file__).parent


def read(name: str, language: str) -> dict:
    """The data of ``<name>.<language>.toml`` (name may hold a folder: ``guides/x``)."""
    with (HERE / f"{name}.{language}.toml").open("rb") as fh:
        return tomllib.load(fh)


def page(name: str, language: str) -> dict:
    """A page's own fields, without its highlighted links."""
    fields = read(f"pages/{name}", language)
    fields.pop("highlights", None)
    return fields


def highlights(name: str, language: str, pages: dict) -> list:
    """A home page's highlighted links, as stream data; ``pages`` maps the names the file
    uses to the seeded pages."""
    return [
        (
            "link",
            {
                "title": link["title"],
                "description": link["description"],
                "page": pages[link["page"]] if "page" in link else None,
                "url": link.get("url", ""),
            },
        )
        for link in read(f"pages/{name}", language)["highlights"]
    ]


def _step(row: dict) -> tuple:
    if row["type"] == "step":
        value = {
            "title": row["title"],
            "body": row["body"],
            "image": None,
            "notes": list(row.get("notes", ())),
            "warnings": list(row.get("warnings", ())),
        }
    else:
        value = {"text": row["text"]}
    return (row["type"], value)


def guide(slug: str, language: str) -> dict:
    """A guide's fields with its steps as stream data."""
    fields = read(f"guides/{slug}", language)
    fields["steps"] = [_step(row) for row in fields["steps"]]
    return fields


def regulation(language: str) -> tuple[dict, list]:
    """The regulation page's fields and its body (chapters and articles with their notes) in
    ``language``: its headings, and its own text where its file translates every article, else
    the Persian text (``text_language`` says which)."""
    text = read("regulation", "fa")
    own = text if language == "fa" else read("regulation", language)
    if all("paragraphs" in a for a in own["articles"]):
        text = {
            **text,
            "articles": [
                {**a, **b} for a, b in zip(text["articles"], own["articles"], strict=True)
            ],
        }
        text_language = language
    else:
        text_language = "fa"
    fields = {k: v for k, v in own.items() if k not in ("chapters", "articles")}
    fields["text_language"] = text_language
    chapters = {c["number"]: c for c in own["chapters"]}
    titles = {a["number"]: a["title"] for a in own["articles"]}
    body, current_chapter = [], 0
    for article in text["articles"]:
        if article["chapter"] != current_chapter and article["chapter"] in chapters:
            chapter = chapters[article["chapter"]]
            body.append(
                (
                    "chapter",
                    {
                        "number": chapter["number"],
                        "label": chapter["label"],
                        "title": chapter["title"],
                    },
                )
            )
            current_chapter = article["chapter"]
        body.append(
            (
                "article",
                {
                    "number": article["number"],
                    "title": titles.get(article["number"], ""),
                    "body": "".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"]),
                    "notes": [
                        {"number": note.get("number"), "text": note["text"]}
                        for note in article.get("notes", ())
                    ],
                },
            )
        )
    return fields, body
