"""Input as Iranians type it: one normaliser, applied where input enters (pages and API)."""

import pytest
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from core.api import parsers
from core.normalise import (
    NormalisedInputMiddleware,
    normalise_data,
    normalise_querydict,
    normalise_value,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("۸۴۱۵۰۶۶۹۸۶۰۱", "841506698601"),  # Persian digits
        ("٨٤١٥٠٦٦٩٨٦٠١", "841506698601"),  # Arabic-Indic digits
        ("۵۰۰٬۰۰۰٬۰۰۰", "500000000"),  # Persian thousands separator
        ("500,000,000", "500000000"),
        ("۱۲۳٫۵", "123.5"),  # Persian decimal separator
        ("۰۹۱۲ ۳۴۵ ۶۷۸۹", "09123456789"),  # digits in groups, as read aloud
        ("+98 912 345 6789", "+989123456789"),
        ("علي كريمي", "علی کریمی"),  # Arabic ي/ك unified with Persian ی/ک
        ("می\u200cخواهم", "می\u200cخواهم"),  # the zero-width non-joiner is kept in text
        ("پلاک ۴، خیابان ۱۵", "پلاک 4، خیابان 15"),
        ("۱۴۰۵/۰۹/۱۲", "2026-12-03"),  # what the Jalali picker writes
        ("1405/9/12 ۱۴:۳۰", "2026-12-03 14:30"),
        ("2026-12-03", "2026-12-03"),
        ("1405/13/40", "1405/13/40"),  # not a date: left for the field to refuse
        ("1,5", "1,5"),  # not thousands: left as typed
    ],
)
def test_values_are_normalised_as_the_site_stores_them(typed, stored):
    assert normalise_value(typed) == stored


def test_passwords_are_never_rewritten():
    body = {"password": "رمز۱۲۳ي", "new_password": "۱۲۳", "national_id": "۰۰۱۲۳۴۵۶۷۸"}
    assert normalise_data(body) == {
        "password": "رمز۱۲۳ي",
        "new_password": "۱۲۳",
        "national_id": "0012345678",
    }
    query = normalise_querydict(QueryDict("password=%DB%B1&code=%DB%B1%DB%B2"))
    assert query["password"] == "۱" and query["code"] == "12"


def test_nested_bodies_are_normalised_to_the_leaves():
    body = {"parties": [{"national_id": "۰۰۱۲۳۴۵۶۷۸", "name": "كاظم"}], "claim": 5}
    assert normalise_data(body) == {
        "parties": [{"national_id": "0012345678", "name": "کاظم"}],
        "claim": 5,
    }


def test_middleware_normalises_form_posts_queries_and_url_codes():
    seen = {}

    def view(request):
        seen["get"], seen["post"] = request.GET.dict(), request.POST.dict()

    middleware = NormalisedInputMiddleware(view)
    request = RequestFactory().post(
        "/notices/lookup/?q=%DB%B1%DB%B2", {"notice_number": "۱۲۳", "password": "۴"}
    )
    middleware(request)
    assert seen == {"get": {"q": "12"}, "post": {"notice_number": "123", "password": "۴"}}
    kwargs = {"national_id": "۰۰۱۲۳۴۵۶۷۸", "pk": 4}
    middleware.process_view(request, view, (), kwargs)
    assert kwargs == {"national_id": "0012345678", "pk": 4}


def test_the_cms_editor_keeps_what_editors_type():
    seen = {}

    def view(request):
        seen["post"] = request.POST.dict()

    NormalisedInputMiddleware(view)(RequestFactory().post("/admin/pages/3/edit/", {"t": "۱۵"}))
    assert seen["post"] == {"t": "۱۵"}


def _api_views(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _api_views(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            view = getattr(entry.callback, "cls", None)
            if view is not None and issubclass(view, APIView):
                yield prefix + str(entry.pattern), view


def test_every_api_view_parses_with_the_normalising_parsers():
    """One hook for the API: every view's parsers are core.api.parsers' (a view choosing its
    own parsers takes them from there)."""
    normalising = (parsers.JSONParser, parsers.FormParser, parsers.MultiPartParser)
    views = list(_api_views())
    assert len(views) > 50
    offenders = [
        f"{route}: {parser.__name__}"
        for route, view in views
        for parser in view.parser_classes
        if not issubclass(parser, normalising)
    ]
    # DRF's schema and Wagtail's pages API take no body.
    offenders = [o for o in offenders if not o.startswith(("api/schema/", "api/cms/"))]
    assert offenders == []
