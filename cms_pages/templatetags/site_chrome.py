"""The header of every page: links to the home page and the guides of the current language,
and the language switcher that keeps the reader on the same page (CMS-5)."""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from accounts.navigation import sections_for
from cms_pages.models import (
    GuideIndexPage,
    OfficeDirectoryPage,
    RegulationPage,
    ReprimandIndexPage,
)

register = template.Library()


def _current_home(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return site.root_page.localized.specific


@register.simple_tag(takes_context=True)
def site_links(context):
    """URLs of the home page, the guide index, the office directory, the regulation and the
    published reprimands in the active language (fallback: "/" for home, nothing for the
    others)."""
    request = context.get("request")
    cached = getattr(request, "_site_links", None)
    if cached is not None:  # the header and the footer both ask
        return cached
    links = {"home": "/", "guides": None, "offices": None, "regulation": None, "reprimands": None}
    try:
        home = _current_home(request)
    except DatabaseError:  # an error page must still render when the database is unreachable
        return links
    if home is None:
        return links
    links["home"] = home.get_url(request) or "/"
    # One query for the four sections (the first live, public child of each type, in tree
    # order), not one per section: every page of the site renders these links.
    keys = {
        ContentType.objects.get_for_model(model).pk: key
        for key, model in (
            ("guides", GuideIndexPage),
            ("offices", OfficeDirectoryPage),
            ("regulation", RegulationPage),
            ("reprimands", ReprimandIndexPage),
        )
    }
    children = (
        Page.objects.live().public().child_of(home).filter(content_type_id__in=keys)
    ).order_by("path")
    for child in children:
        key = keys[child.content_type_id]
        if links[key] is None:
            links[key] = child.get_url(request)
    if request is not None:
        request._site_links = links
    return links


@register.simple_tag(takes_context=True)
def language_options(context):
    """One entry per language the reader can switch to: code, local name, whether it is the
    active one, and the URL of the same page in that language.

    The switcher is made of plain links: the language is in the URL (Persian has no prefix),
    so a link is all it takes, and a page without a form carries no CSRF token — the same
    page for every anonymous visitor, which core.publiccache can share. On a CMS page only
    the languages in which the page is published are offered, each leading to its
    translation (the sub-path of a routable page, such as an office of the directory, is
    kept); elsewhere every language is offered, at the same view under that language's prefix
    (django.urls.translate_url)."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    here = request.get_full_path() if request is not None else "/"
    subpath = ""
    if isinstance(page, Page) and page.pk and request is not None:
        page_url = page.get_url(request) or ""
        if page_url and request.path.startswith(page_url) and request.path != page_url:
            subpath = request.path[len(page_url) :]

    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation

    options = []
    for code, _name in settings.LANGUAGES:
        if translations:
            if code not in translations:
                continue
            url = (translations[code].get_url(request) or here) + subpath
        else:
            url = translate_url(here, code)
        info = get_language_info(code)
        options.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "current": code == current,
            }
        )
    return options


@register.simple_tag(takes_context=True)
def portal_sections(context):
    """The portal's sections the signed-in user's roles open (`accounts.navigation`), each
    with its URL and whether the current page is in it; none when signed out."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    cached = getattr(request, "_portal_sections", None)
    if cached is not None:
        return cached
    path = request.path if request is not None else ""
    sections = [{"key": s.key, "label": s.label, "url": s.url} for s in sections_for(user)]
    # The current section is the one with the longest URL the page's path starts with.
    here = max((s["url"] for s in sections if path.startswith(s["url"])), key=len, default=None)
    for section in sections:
        section["current"] = section["url"] == here
    if request is not None:
        request._portal_sections = sections
    return sections
