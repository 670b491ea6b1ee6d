"""A form's errors beside its fields, as the error summary names them (`core.actions`).

    {% load formerrors %}
    <input id="{% field_id "parties" i "national_id" %}" name="…"
           {% invalid errors "parties" i "national_id" %}>
    {% field_errors errors "parties" i "national_id" %}

`errors` is the error shape's `fields` ({"parties.0.national_id": [messages]}); the parts
are joined with dots into that path. `invalid` marks the input (aria-invalid, and
aria-describedby naming the message), `field_errors` writes the message with that id.
"""

from django import template
from django.utils.html import format_html, format_html_join

from core.actions import field_id as _field_id

register = template.Library()


def _path(parts) -> str:
    return ".".join(str(p) for p in parts)


@register.simple_tag
def field_id(*parts) -> str:
    return _field_id(_path(parts))


@register.simple_tag
def invalid(errors, *parts) -> str:
    path = _path(parts)
    if not errors or path not in errors:
        return ""
    return format_html(' aria-invalid="true" aria-describedby="{}-error"', _field_id(path))


@register.simple_tag
def field_errors(errors, *parts) -> str:
    path = _path(parts)
    if not errors or path not in errors:
        return ""
    messages = errors[path] if isinstance(errors[path], (list, tuple)) else [errors[path]]
    return format_html(
        '<p class="field-error" id="{}-error">{}</p>',
        _field_id(path),
        format_html_join(" ", "<span>{}</span>", ((str(m),) for m in messages)),
    )
