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
and the active language, as Django's own cache middleware keys them, under the cache's current
*generation*. The cache is the ``public`` alias of ``CACHES``: Redis when DAFTAR_REDIS_URL
names one, shared by every process and machine; else each process's own memory.

Forgetting (`forget`) moves the generation on, so every node stops serving the older answers
at once (with Redis; with each process's memory, the process that changed something at once
and the others within the cache time). It happens after publishing or unpublishing a page,
and when a transaction that saved one of `DAFTAR_PUBLIC_CACHE_MODELS` commits (an office's
details, hours, closures, its licence's state: whether it is operational and bookable, OFF-2),
so no anonymous visitor is shown the state before the change once it is committed.
"""

from __future__ import annotations

import logging
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import get_cache_key, learn_cache_key

logger = logging.getLogger(__name__)
ATTRIBUTE = "_daftar_public_cache_seconds"
KEY_PREFIX = "public"
CACHE_ALIAS = "public"
GENERATION_KEY = "public-generation"


def cache_seconds() -> int:
    return int(getattr(settings, "DAFTAR_PUBLIC_CACHE_SECONDS", 0) or 0)


def cache_publicly(response, seconds: int | None = None):
    """Mark `response` as the same for every anonymous visitor: it may be kept for `seconds`
    (at most `DAFTAR_PUBLIC_CACHE_SECONDS`) and served to the next anonymous visitors."""
    setattr(response, ATTRIBUTE, cache_seconds() if seconds is None else seconds)
    return response


def _generation(cache) -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A new generation starts from the clock, never below one used before (should the
        # key be lost, older answers must not come back).
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        generation = cache.get(GENERATION_KEY) or 0
    return int(generation)


def _prefix(cache) -> str:
    return f"{KEY_PREFIX}.{_generation(cache)}"


def forget(**_signal_kwargs) -> None:
    """Stop serving every cached answer, on every node sharing the cache (after a page is
    published or unpublished; `forget_on_commit` after a model's save)."""
    cache = caches[CACHE_ALIAS]
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no generation yet: nothing was cached under one
            _generation(cache)
    except Exception:  # noqa: BLE001 - logged loudly: visitors may see the old state
        logger.error("Could not forget the public cache's answers", exc_info=True)


def forget_on_commit(sender=None, **_signal_kwargs) -> None:
    """After a save of a model whose state shows on public pages: forget when the transaction
    commits (forgetting earlier would let another node cache the state before the change)."""
    if cache_seconds() > 0:
        transaction.on_commit(forget, robust=True)


def connect_models(model_labels) -> None:
    """Forget on every save or delete of these models ("app_label.ModelName"), and every
    change of their many-to-many relations (an office's services)."""
    for label in model_labels:
        model = apps.get_model(label)
        uid = f"core.publiccache.{label}"
        post_save.connect(forget_on_commit, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(forget_on_commit, sender=model, dispatch_uid=f"{uid}.d", weak=False)
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                forget_on_commit,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}.{field.name}",
                weak=False,
            )


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
        try:
            prefix = _prefix(cache)
            key = get_cache_key(request, prefix, "GET", cache=cache)
            response = cache.get(key) if key is not None else None
        except Exception:  # noqa: BLE001 - a cache that does not answer only costs speed
            logger.warning("The public cache does not answer; serving without it", exc_info=True)
            return self.get_response(request)
        if response is not None:
            return response
        response = self.get_response(request)  # rendered: templates render inside
        seconds = _shareable(request, response) if request.method == "GET" else 0
        if seconds:
            try:
                key = learn_cache_key(request, response, seconds, prefix, cache=cache)
                cache.set(key, response, seconds)
            except Exception:  # noqa: BLE001
                logger.warning("The public cache does not answer", exc_info=True)
        return response
