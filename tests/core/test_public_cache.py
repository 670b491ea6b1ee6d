"""Pages and public API reads shared between anonymous visitors (core.publiccache)."""

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.publiccache import PublicCacheMiddleware, cache_publicly
from offices.selectors import CALENDAR_CACHE_SECONDS
from tests.factories.accounts import UserFactory
from tests.factories.offices import operational_office

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_cache(settings):
    settings.DAFTAR_PUBLIC_CACHE_SECONDS = 60
    caches["public"].clear()
    yield
    caches["public"].clear()


@pytest.fixture
def clock():
    """The clock (which the cache's expiry reads), moved forward by hand."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller.shift


def fetch(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response, len(queries)


# --- Pages ------------------------------------------------------------------------------------
def test_a_public_page_is_served_again_without_the_database(client, seeded):
    first, first_queries = fetch(client, "/")
    again, again_queries = fetch(client, "/")

    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_each_language_keeps_its_own_copy(client, seeded):
    persian, _ = fetch(client, "/")
    english, _ = fetch(client, "/en/")
    persian_again, queries_fa = fetch(client, "/")
    english_again, queries_en = fetch(client, "/en/")

    assert (queries_fa, queries_en) == (0, 0)
    assert 'lang="fa"' in persian_again.content.decode()
    assert 'lang="en"' in english_again.content.decode()
    assert persian_again.content == persian.content
    assert english_again.content == english.content


def test_signed_in_users_never_get_the_shared_copy(client, seeded):
    anonymous, _ = fetch(client, "/")
    assert "/accounts/signout/" not in anonymous.content.decode()

    client.force_login(UserFactory())
    signed_in, queries = fetch(client, "/")
    signed_in_again, queries_again = fetch(client, "/")

    assert queries > 0 and queries_again > 0
    assert "/accounts/signout/" in signed_in_again.content.decode()


def test_the_query_string_is_part_of_the_key(client, seeded):
    fetch(client, "/search/?q=appointment")
    other, queries = fetch(client, "/search/?q=notice")
    _, queries_again = fetch(client, "/search/?q=notice")

    assert queries > 0
    assert queries_again == 0


def test_publishing_a_page_forgets_the_copies(client, seeded):
    fetch(client, "/")
    home = seeded.home
    home.title = "A new front page title"
    home.save_revision().publish()

    response, queries = fetch(client, "/")
    assert queries > 0
    assert "A new front page title" in response.content.decode()


def test_anonymous_calendar_page_has_no_token_and_is_shared_briefly(client, clock):
    """The calendar page offers anonymous visitors a sign-in link, not a form that posts:
    no CSRF token, so one copy serves all of them for a few seconds."""
    office = operational_office()
    url = f"/appointments/office/{office.code}/"
    page, _ = fetch(client, url)
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert not page.cookies
    _, queries = fetch(client, url)
    assert queries == 0

    clock(CALENDAR_CACHE_SECONDS + 1)
    _, queries = fetch(client, url)
    assert queries > 0


def test_signed_in_calendar_page_keeps_its_booking_form(client):
    office = operational_office()
    client.force_login(UserFactory())
    page, _ = fetch(client, f"/appointments/office/{office.code}/")
    assert "csrfmiddlewaretoken" in page.content.decode()


# --- The API ----------------------------------------------------------------------------------
def test_directory_api_is_shared_per_language(client):
    operational_office()
    url = "/api/v1/offices/"
    english, _ = fetch(client, url, HTTP_ACCEPT_LANGUAGE="en")
    _, queries_en = fetch(client, url, HTTP_ACCEPT_LANGUAGE="en")
    persian, queries_fa = fetch(client, url, HTTP_ACCEPT_LANGUAGE="fa")

    assert queries_en == 0
    assert queries_fa > 0  # a copy of its own
    assert english["Content-Language"] == "en"
    assert persian["Content-Language"] == "fa"


def test_office_calendar_api_is_shared_briefly(client, clock):
    office = operational_office()
    url = f"/api/v1/offices/{office.code}/slots/"
    first, _ = fetch(client, url)
    again, queries = fetch(client, url)
    assert queries == 0
    assert again.json() == first.json()

    clock(CALENDAR_CACHE_SECONDS + 1)
    _, queries = fetch(client, url)
    assert queries > 0


def test_api_callers_with_a_token_or_session_are_not_served_from_the_cache(client):
    operational_office()
    url = "/api/v1/offices/"
    fetch(client, url)

    # A bearer token is checked, not answered with the shared copy (this one is refused).
    assert client.get(url, HTTP_AUTHORIZATION="Bearer not-a-real-token").status_code == 403
    client.force_login(UserFactory())
    _, queries = fetch(client, url)
    assert queries > 0


# --- What is never stored ---------------------------------------------------------------------
class View:
    """A stand-in view: counts its calls and answers what `answer` makes."""

    def __init__(self, answer):
        self.answer = answer
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        return self.answer(request)


def calls_for(answer, *, twice_with=None, method="get", path="/somewhere/"):
    view = View(answer)
    middleware = PublicCacheMiddleware(view)
    factory = RequestFactory()
    for _ in range(2):
        request = getattr(factory, method)(path, **(twice_with or {}))
        middleware(request)
    return view.calls


def marked(request, status=200, **headers):
    response = HttpResponse("<p>page</p>", status=status)
    for name, value in headers.items():
        response[name] = value
    return cache_publicly(response)


def test_a_marked_answer_is_stored():
    assert calls_for(marked) == 1


def test_an_unmarked_answer_is_not_stored():
    assert calls_for(lambda request: HttpResponse("<p>page</p>")) == 2


def test_an_answer_setting_a_cookie_is_not_stored():
    def answer(request):
        response = marked(request)
        response.set_cookie("csrftoken", "x" * 32)
        return response

    assert calls_for(answer) == 2


def test_an_answer_using_the_csp_nonce_is_not_stored():
    def answer(request):
        request._csp_nonce = "abc"  # what django-csp sets once a template reads the nonce
        return marked(request)

    assert calls_for(answer) == 2


@pytest.mark.parametrize("status", [301, 404, 500])
def test_an_answer_other_than_200_is_not_stored(status):
    assert calls_for(lambda request: marked(request, status=status)) == 2


@pytest.mark.parametrize("cache_control", ["private", "no-store"])
def test_an_answer_marked_private_is_not_stored(cache_control):
    assert calls_for(lambda request: marked(request, **{"Cache-Control": cache_control})) == 2


def test_requests_with_a_session_or_messages_cookie_skip_the_cache():
    assert calls_for(marked, twice_with={"HTTP_COOKIE": "sessionid=abc"}) == 2
    assert calls_for(marked, twice_with={"HTTP_COOKIE": "messages=abc"}) == 2


def test_writes_skip_the_cache():
    assert calls_for(marked, method="post") == 2


def test_no_cache_when_turned_off(settings):
    settings.DAFTAR_PUBLIC_CACHE_SECONDS = 0
    assert calls_for(marked) == 2


def test_a_view_may_ask_for_a_shorter_time(clock):
    view = View(lambda request: cache_publicly(HttpResponse("<p>page</p>"), 5))
    middleware = PublicCacheMiddleware(view)
    factory = RequestFactory()
    middleware(factory.get("/short/"))
    clock(4)
    middleware(factory.get("/short/"))
    assert view.calls == 1
    clock(2)
    middleware(factory.get("/short/"))
    assert view.calls == 2
