"""Site search (CMS-5): the live public pages of the reader's language and the offices.

Pages are searched with Wagtail's search backend (``wagtail.search.backends.database``) and
restricted to what the public may read: live, not private, of the current locale. Offices are
found with the office directory's own filter (``offices.filters.OfficeFilter``, the ``q``
term: Persian or English name or code, normalised the same way as the directory) and listed
by the directory's own code (``cms_pages.directory.listed``), so the site search and the
directory never disagree.

A query is trimmed, stripped of control characters and limited to ``MAX_QUERY_LENGTH``
characters; a longer one is refused with a readable message rather than truncated silently.
"""

import unicodedata
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from cms_pages import directory as directory_listing
from cms_pages.models import OfficeDirectoryPage
from core.publiccache import cache_publicly
from offices import selectors as office_selectors
from offices.filters import OfficeFilter

MAX_QUERY_LENGTH = 100
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}
PAGES_PER_PAGE = 10
OFFICES_SHOWN = 5


def clean_query(raw: str) -> tuple[str, str | None]:
    """(query, error): the query without control or format characters and extra spaces, or
    an error message when it is too long."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in (raw or "")
        # Format characters (bidi overrides and marks) go, except the joiners Persian
        # words are spelt with (ZWNJ, ZWJ); so do surrogates, private-use and unassigned.
        if ch in KEPT_FORMAT_CHARACTERS or unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn")
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        return "", _("The search is too long: use at most %(max)d characters.") % {
            "max": MAX_QUERY_LENGTH
        }
    return text, None


def _has_words(query: str) -> bool:
    return any(ch.isalnum() for ch in query)


def search_pages(query: str, locale: Locale):
    return Page.objects.live().public().filter(locale=locale).search(query, operator="and")


def describe(pages: list[Page]) -> list[Page]:
    """Give each result of one page of results its kind (the page type's name) and a short
    description (its search description, or a guide's summary), loading the specific pages
    in one query per page type."""
    specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    for page in pages:
        full = specific.get(page.pk, page)
        page.kind = full._meta.verbose_name
        page.description = page.search_description or getattr(full, "summary", "")
    return pages


def search_offices(query: str, directory: OfficeDirectoryPage | None, request):
    filterset = OfficeFilter({"q": query}, queryset=office_selectors.directory(prefetch=False))
    if not filterset.is_valid():
        return 0, []
    qs = filterset.qs.order_by("code")
    offices = directory_listing.listed(
        qs[:OFFICES_SHOWN],
        office_url=lambda code: directory.office_url(code, request) if directory else "",
    )
    return qs.count(), offices


@require_safe
def search(request):
    query, error = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    directory = OfficeDirectoryPage.objects.live().public().filter(locale=locale).first()
    context = {
        "query": query,
        "error": error,
        "searched": bool(query) and not error,
        "results": None,
        "offices": [],
        "office_count": 0,
        "directory": directory,
        "directory_search_url": "",
        "page_query": urlencode({"q": query}),
        "max_length": MAX_QUERY_LENGTH,
    }
    if context["searched"] and _has_words(query):
        results = Paginator(search_pages(query, locale), PAGES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        results.object_list = describe(list(results.object_list))
        context["results"] = results
        context["office_count"], context["offices"] = search_offices(query, directory, request)
        if directory is not None:
            context["directory_search_url"] = (
                f"{directory.get_url(request)}?{urlencode({'name': query})}"
            )
    elif context["searched"]:
        context["results"] = Paginator([], PAGES_PER_PAGE).get_page(1)
    # A refused query is a readable page (like the directory's invalid filters), not an error.
    # The results are the same for every anonymous visitor (core.publiccache).
    return cache_publicly(render(request, "cms_pages/search.html", context))
