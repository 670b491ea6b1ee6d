"""One normal form for names and other text that identifies a person (ID-14).

Every form and serializer that takes a name, an ID-card serial or a similar identifying text
uses `NameField` (DRF) or `NameFormField` (Django forms), which call `normalize_name`:

* characters that steer the display without being seen are refused, with a field error:
  the bidirectional controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C) and the
  zero-width characters (U+200B, U+200D, U+2060, U+FEFF, the soft hyphen), and any other
  control or format character. A name that begins with U+202E (right-to-left override) could
  show as someone else's name in a list, an SMS or a PDF.
* The zero-width non-joiner (U+200C) is part of Persian spelling ("حسین‌زاده"): it is kept
  only between two letters, once, and refused anywhere else (leading, trailing, doubled, or
  beside a digit, a space or a Latin letter where it has no use).
* Then NFKC (Arabic presentation forms, full-width letters and ligatures to their plain
  letters), the Arabic forms of yeh and kaf to the Persian ones (ي ى → ی, ك → ک), Persian and
  Arabic-Indic digits to ASCII, and runs of spaces to one space.

Stored names are therefore comparable with the civil registry's (ID-9) and with each other.
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

ZWNJ = "\u200c"
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)
ZERO_WIDTH = frozenset("\u200b\u200d\u2060\ufeff\u00ad\u180e")

_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
_SPACES = re.compile(r"\s+")

REFUSED_BIDI = _("This text contains invisible direction-control characters; type it again.")
REFUSED_INVISIBLE = _("This text contains invisible characters; type it again.")


def _is_arabic_letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L") and "\u0600" <= char <= "\u06ff"


def _check_invisible(text: str) -> None:
    for index, char in enumerate(text):
        if char in BIDI_CONTROLS:
            raise ValidationError(REFUSED_BIDI, code="bidi_control")
        if char == ZWNJ:
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if not (before and after and _is_arabic_letter(before) and _is_arabic_letter(after)):
                raise ValidationError(REFUSED_INVISIBLE, code="zero_width")
            continue
        if char in ZERO_WIDTH or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs"):
            if char in "\t\n\r":
                continue
            raise ValidationError(REFUSED_INVISIBLE, code="zero_width")


def normalize_name(value) -> str:
    """The one normal form of a name or identifying text; refuses hidden characters."""
    text = str(value or "")
    _check_invisible(text)
    text = unicodedata.normalize("NFKC", text).translate(_LETTERS)
    _check_invisible(text)  # NFKC may reveal (or produce) a refused character
    return _SPACES.sub(" ", text).strip()


def same_name(a, b) -> bool:
    """Two names are the same once normalised (case-insensitive for Latin scripts)."""
    try:
        return normalize_name(a).casefold() == normalize_name(b).casefold()
    except ValidationError:
        return False


class NameField(serializers.CharField):
    """A DRF field for a name or identifying text (ID-14)."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        try:
            value = normalize_name(value)
        except ValidationError as exc:
            raise serializers.ValidationError(list(exc.messages), code=exc.code) from None
        if not value and not self.allow_blank:
            self.fail("blank")
        return value


class NameFormField(forms.CharField):
    """A Django form field for a name or identifying text (ID-14)."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_name(value) if value else value
