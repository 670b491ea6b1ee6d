"""What search engines and link previews read: a sitemap per language and robots.txt.

``/sitemap.xml`` is an index of one sitemap per language (``/sitemap-fa.xml``, …), each
listing the live, public pages of that language's tree (Wagtail's sitemap of the site, one
locale at a time). ``/robots.txt`` points to them and keeps crawlers out of the admin, the API
and the search results. Canonical, hreflang and Open Graph links are in every page's head
(``cms_pages.templatetags.seo``). Every absolute URL is on the Wagtail site's own address
(``Site.root_url``), whatever host the request came to, as Wagtail's page URLs are.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Locale, Page, Site

SECTION_URL = "sitemap-language"
# Areas no crawler needs: the admins, the API and the search results in every language.
DISALLOWED = ("/admin/", "/django-admin/", "/api/", "/search/", "/en/search/", "/az/search/")


def absolute_url(request, url: str) -> str:
    """``url`` (a path, or already absolute) on the site's own address, without its query."""
    url = url.split("?", 1)[0].split("#", 1)[0]
    if "://" in url:
        return url
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + url


class LanguageSitemap(Sitemap):
    """The live, public pages of one language: the translation of the site's home page in
    that language and everything under it."""

    def __init__(self, request, language: str):
        super().__init__(request)
        self.language = language

    def items(self):
        locale = Locale.objects.filter(language_code=self.language).first()
        home = self.get_wagtail_site().root_page
        home = home.get_translation_or_none(locale) if locale else None
        if home is None:
            return Page.objects.none()
        return (
            home.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def _sitemaps(request) -> dict:
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}


@require_GET
def sitemap_index(request):
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name=SECTION_URL)


@require_GET
def sitemap(request, section: str):
    sitemaps = _sitemaps(request)
    if section not in sitemaps:
        raise Http404
    return sitemap_views.sitemap(request, sitemaps, section=section)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines += [
        f"Sitemap: {absolute_url(request, reverse(SECTION_URL, args=[code]))}"
        for code, _name in settings.LANGUAGES
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
