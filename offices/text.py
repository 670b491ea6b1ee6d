"""Text normalisation for search: Persian and Arabic letter forms, digits, ZWNJ and case.

Persian text arrives typed on Arabic keyboards (ي, ك), with or without the zero-width
non-joiner, and with Persian or Arabic digits. Office names are stored normalised in
`Office.search_text`, and queries are normalised the same way, so "نجف آباد", "نجف‌آباد" and
"نجف‌آباد" (Arabic yeh) all find the same office.
"""

import re

_TRANSLATE = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "ؤ": "و",
        "\u200c": " ",  # ZWNJ
        "\u200f": "",
        "\u200e": "",
        "ـ": "",  # tatweel
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    }
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    text = _DIACRITICS.sub("", (text or "").translate(_TRANSLATE))
    return _SPACES.sub(" ", text).strip().casefold()


def terms(query: str) -> list[str]:
    """The search terms of a query, normalised; each must match (AND)."""
    return [t for t in normalize(query).split(" ") if t][:8]
