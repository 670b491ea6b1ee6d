"""Public pages and public API reads, served to anonymous visitors from a short-lived cache.

Most of the site's traffic is the public reading the same pages — the home page, the guides,
the office directory, an office's page and calendar — and every one of them used to be
rendered afresh (Wagtail's routing, the page's queries, the templates). A view whose answer
is the same for every anonymous visitor *opts in* with `cache_publicly(response)` (Wagtail
pages: `PublicCacheMixin`); `PublicCacheMiddleware` then keeps that answer for
`DAFTAR_PUBLIC_CACHE_SECONDS` (or the view's own shorter time) and serves it again without
reaching the view, the session, the user or the database.

What is never cached or served from the cache:

- anything but GET and HEAD;
- any request with a session cookie, a messages cookie or an `Authorization` header: signed-in
  users (and anyone carrying a session, e.g. a page password) always get a fresh answer;
- a response the view did not mark, that is not a 200, that streams, that sets a cookie (a
  CSRF token on the page sets one, so a page with a form that posts is never shared), that
  uses the request's CSP nonce, or that says `Cache-Control: private` or `no-store`.

The key is the full URL (scheme, host, path, query) plus the values of the request headers the
response varies on (`Vary`: Accept-Language for the API, Cookie once the session was looked at)
and the active language, as Django's own cache middleware keys them. The cache is the
``public`` alias of ``CACHES``: local memory of each process by default, so each process keeps
its own copy and a published change shows everywhere within the cache time; publishing a page
also clears the copy of the process that published it. Point the alias at a shared cache
(Redis, memcached) to share it between processes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.utils.cache import get_cache_key, learn_cache_key

ATTRIBUTE = "_daftar_public_cache_seconds"
KEY_PREFIX = "public"
CACHE_ALIAS = "public"


def cache_seconds() -> int:
    return int(getattr(settings, "DAFTAR_PUBLIC_CACHE_SECONDS", 0) or 0)


def cache_publicly(response, seconds: int | None = None):
    """Mark `response` as the same for every anonymous visitor: it may be kept for `seconds`
    (at most `DAFTAR_PUBLIC_CACHE_SECONDS`) and served to the next anonymous visitors."""
    setattr(response, ATTRIBUTE, cache_seconds() if seconds is None else seconds)
    return response


def forget(**_signal_kwargs) -> None:
    """Forget this process's cached answers (after a page is published or unpublished)."""
    caches[CACHE_ALIAS].clear()


class PublicCacheMixin:
    """For Wagtail page classes: the page as served to anonymous visitors is shared (the
    middleware still refuses requests with a session, and answers that set a cookie)."""

    def serve(self, request, *args, **kwargs):
        return cache_publicly(super().serve(request, *args, **kwargs))


def _anonymous(request) -> bool:
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or CookieStorage.cookie_name in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _shareable(request, response) -> int:
    """The seconds `response` may be kept, 0 when it must not be."""
    seconds = getattr(response, ATTRIBUTE, None)
    if not seconds or seconds < 0:
        return 0
    if response.status_code != 200 or response.streaming or response.cookies:
        return 0
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return 0
    if getattr(request, "_csp_nonce", None):  # the page carries this response's nonce
        return 0
    return min(seconds, cache_seconds())


class PublicCacheMiddleware:
    """Serve anonymous GET/HEAD requests from the ``public`` cache; keep the answers views
    marked with `cache_publicly`. Placed after the language is chosen (LocaleMiddleware and
    ApiLanguageMiddleware) and before the session is read, the user looked up or the view
    run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or cache_seconds() <= 0 or not _anonymous(request):
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = get_cache_key(request, KEY_PREFIX, "GET", cache=cache)
        if key is not None:
            response = cache.get(key)
            if response is not None:
                return response
        response = self.get_response(request)  # rendered: templates render inside
        seconds = _shareable(request, response) if request.method == "GET" else 0
        if seconds:
            key = learn_cache_key(request, response, seconds, KEY_PREFIX, cache=cache)
            cache.set(key, response, seconds)
        return response
