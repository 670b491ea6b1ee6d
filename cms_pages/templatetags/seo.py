"""Canonical, hreflang and Open Graph links in the head of every page (see cms_pages.seo).

The alternates are the language switcher's (site_chrome.language_options): on a CMS page the
languages in which the page is published, each at its translation; elsewhere every language,
at the same view under that language's prefix. ``x-default`` is the Persian page, the site's
first language."""

from django import template
from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import get_language
from wagtail.models import Page

from cms_pages.seo import absolute_url
from cms_pages.templatetags.site_chrome import language_options

register = template.Library()

# Open Graph names a locale with its territory.
OG_LOCALES = {"fa": "fa_IR", "en": "en_GB", "az": "az_AZ"}


@register.inclusion_tag("cms_pages/includes/seo_head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    if request is None:
        return {}
    try:
        options = language_options(context)
        canonical = absolute_url(request, request.path)
        alternates = [
            {"code": option["code"], "url": absolute_url(request, option["url"])}
            for option in options
        ]
    except DatabaseError:  # an error page must still render when the database is unreachable
        return {}
    current = get_language()
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    default_code = settings.LANGUAGES[0][0]
    default = next((a["url"] for a in alternates if a["code"] == default_code), None)
    return {
        "canonical": canonical,
        "alternates": alternates if len(alternates) > 1 else [],
        "x_default": default if len(alternates) > 1 else None,
        "title": (page.seo_title or page.title) if page else "",
        "description": page.search_description if page else "",
        "type": "article" if page and page.depth > 2 else "website",
        "locale": OG_LOCALES.get(current, current),
        "other_locales": [
            OG_LOCALES.get(a["code"], a["code"]) for a in alternates if a["code"] != current
        ],
    }
