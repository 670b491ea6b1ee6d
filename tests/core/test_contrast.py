"""The site's palette meets WCAG 2.1 AA: 4.5:1 for text, 3:1 for focus rings and the borders
of form controls (CMS-5: the public site is usable by everyone)."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "site" / "static" / "css" / "daftar.css"


def palette() -> dict[str, str]:
    """The custom properties of `:root` (CSS, not HTML: a pattern on declarations)."""
    text = CSS.read_text(encoding="utf-8")
    return dict(re.findall(r"(--color-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", text))


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (foreground, background) pairs the stylesheet uses for text.
TEXT_PAIRS = [
    ("--color-text", "--color-bg"),
    ("--color-text", "--color-surface"),
    ("--color-text", "--color-note-bg"),
    ("--color-text", "--color-focus"),  # the skip link
    ("--color-muted", "--color-bg"),
    ("--color-muted", "--color-surface"),
    ("--color-muted", "--color-note-bg"),
    ("--color-link", "--color-bg"),
    ("--color-link", "--color-surface"),
    ("--color-link", "--color-note-bg"),
    ("--color-link-hover", "--color-bg"),
    ("--color-warning-text", "--color-warning-bg"),
    ("#ffffff", "--color-brand"),  # header and primary buttons
    ("#ffffff", "--color-brand-dark"),
    ("#d9e4f0", "--color-brand"),  # header tagline and language switcher
    ("#ffffff", "--color-note-border"),
    ("#ffffff", "--color-warning-border"),
    ("#b00020", "#ffffff"),  # field errors
    ("#b00020", "#fdecee"),
    ("#1d6b2f", "#ffffff"),
]
# Non-text: the focus ring against the page and the header, form control borders.
UI_PAIRS = [
    ("--color-focus", "--color-brand"),
    ("--color-text", "--color-bg"),  # the dark ring around the yellow outline
    ("#6b7785", "#ffffff"),
]


def resolve(colours, name):
    return colours[name] if name.startswith("--") else name


@pytest.mark.rule("CMS-5")
def test_text_colours_have_at_least_4_5_to_1_contrast():
    """CMS-5: every text colour on its background reaches WCAG AA (4.5:1)."""
    colours = palette()
    assert {"--color-text", "--color-bg", "--color-link", "--color-focus"} <= set(colours)
    weak = {
        (fg, bg): round(contrast(resolve(colours, fg), resolve(colours, bg)), 2)
        for fg, bg in TEXT_PAIRS
        if contrast(resolve(colours, fg), resolve(colours, bg)) < 4.5
    }
    assert weak == {}


@pytest.mark.rule("CMS-5")
def test_focus_ring_and_control_borders_have_at_least_3_to_1_contrast():
    """CMS-5: focus is visible on light and dark backgrounds, and inputs are outlined
    (WCAG 1.4.11, 3:1)."""
    colours = palette()
    weak = {
        (fg, bg): round(contrast(resolve(colours, fg), resolve(colours, bg)), 2)
        for fg, bg in UI_PAIRS
        if contrast(resolve(colours, fg), resolve(colours, bg)) < 3
    }
    assert weak == {}
    css = CSS.read_text(encoding="utf-8")
    assert ":focus-visible" in css and "outline: 3px solid var(--color-focus)" in css
