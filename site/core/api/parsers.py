"""The API's parsers: DRF's, refusing what would otherwise fail later with a 500, and with
every value normalised as people type it (`core.normalise`).

Python's JSON decoder recurses once per level of nesting, so 30 KB of brackets end in a
`RecursionError`; and a value nested a few hundred levels deep would make any code that walks
it (serializers, the error renderer) recurse as deeply. Both are a 400 `parse_error` here, in
the one error shape, before the view sees the body.

`REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]` names these, and a view that chooses its own
parsers takes them from here (tests/core/test_normalise.py checks every API view).
"""

from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.parsers import DataAndFiles

from core.normalise import normalise_data, normalise_querydict

# No request of the API nests deeper than a handful of levels.
MAX_DEPTH = 32


def nesting_depth_exceeds(value, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` (decoded JSON) nests deeper than `limit`; iterative, so it cannot
    recurse itself."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _normalised(result):
    if isinstance(result, DataAndFiles):
        return DataAndFiles(normalise_querydict(result.data), result.files)
    if isinstance(result, QueryDict):
        return normalise_querydict(result)
    return normalise_data(result)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("The JSON body is nested too deeply.")) from exc
        if nesting_depth_exceeds(data):
            raise ParseError(_("The JSON body is nested too deeply."))
        return _normalised(data)


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return _normalised(super().parse(stream, media_type, parser_context))


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return _normalised(super().parse(stream, media_type, parser_context))


DEFAULT = [JSONParser, FormParser, MultiPartParser]
