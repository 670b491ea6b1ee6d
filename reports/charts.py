"""Server-rendered SVG bar charts (RPT-2): no script, no third-party origin. Each chart is
drawn beside a table of the same numbers, which is what assistive technology reads; the SVG
itself is one image with a title."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.dates import local_digits

WIDTH = 560
BAR = 22
GAP = 8
LABEL = 220
COLOURS = ("#1f6f8b", "#99a83e", "#e0a030", "#c0504d", "#6c5b7b", "#3a9d8f", "#8c6d46")


def _number(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return local_digits(f"{value:.1f}")
    return local_digits(f"{int(value):,}")


def bar_chart(title: str, rows, *, rtl: bool = False, chart_id: str = "") -> str:
    """Horizontal bars for `rows` of (label, value), the longest bar the largest value. The
    coordinates are laid out left to right (the SVG does not inherit the page's rtl, which
    would flip its text anchors); with `rtl` the labels stand at the right, the bars grow
    leftwards."""
    rows = list(rows)
    top = max((value for _label, value in rows), default=0) or 1
    height = max(len(rows), 1) * (BAR + GAP) + GAP
    room = WIDTH - LABEL - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" direction="ltr" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{escape(chart_id)}-t" '
        f'data-chart="{escape(chart_id)}">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
    ]
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR + GAP)
        length = round(room * value / top) if value else 0
        colour = COLOURS[i % len(COLOURS)]
        if rtl:
            label_x, anchor = WIDTH - 4, "end"
            bar_x = WIDTH - LABEL - length
            value_x, value_anchor = bar_x - 6, "end"
        else:
            label_x, anchor = 4, "start"
            bar_x = LABEL
            value_x, value_anchor = LABEL + length + 6, "start"
        parts.append(
            f'<text x="{label_x}" y="{y + BAR - 6}" text-anchor="{anchor}" font-size="13">'
            f"{escape(str(label)[:34])}</text>"
            f'<rect x="{bar_x}" y="{y}" width="{length}" height="{BAR}" fill="{colour}" '
            f'data-value="{value}"/>'
            f'<text x="{value_x}" y="{y + BAR - 6}" text-anchor="{value_anchor}" '
            f'font-size="13">{escape(_number(value))}</text>'
        )
    parts.append("</svg>")
    # Every text and attribute above went through escape(); the numbers are computed here.
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703
