"""OFF-2 "at once" for anonymous visitors too: a change that alters what the public pages show
(an office's licence suspended, its details changed) forgets the shared answers when its
transaction commits — on every node, since they share the cache's generation."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.utils import timezone

from core import publiccache
from licensing import services as licensing
from tests.factories.accounts import UserFactory
from tests.factories.licensing import licensed_office

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_cache(settings):
    settings.DAFTAR_PUBLIC_CACHE_SECONDS = 60
    caches["public"].clear()
    yield
    caches["public"].clear()


def directory_status(client, code) -> bool:
    response = client.get("/api/v1/offices/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return next(o for o in response.json()["results"] if o["code"] == code)["status"]


@pytest.mark.rule("OFF-2")
def test_a_suspension_shows_to_anonymous_visitors_as_soon_as_it_commits(
    client, django_capture_on_commit_callbacks, django_assert_num_queries
):
    office = licensed_office()
    assert directory_status(client, office.code)["operational"] is True
    with django_assert_num_queries(0):  # the next anonymous visitor gets the shared copy
        assert directory_status(client, office.code)["operational"] is True
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        licensing.licence_suspend(
            licence=office.licence,
            until=timezone.localdate() + dt.timedelta(days=30),
            actor=UserFactory(),
            reason="Final ruling",
        )
    assert callbacks, "the cache is forgotten only once the suspension commits"

    status = directory_status(client, office.code)
    assert status["operational"] is False
    assert status["reasons"]


@pytest.mark.rule("OFF-2")
def test_nothing_is_forgotten_before_the_transaction_commits(
    client, django_capture_on_commit_callbacks
):
    office = licensed_office()
    directory_status(client, office.code)
    generation = publiccache._generation(caches["public"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        office.name_en = "Renamed"
        office.save()
    assert publiccache._generation(caches["public"]) == generation
    for callback in callbacks:
        callback()
    assert publiccache._generation(caches["public"]) == generation + 1


def test_forgetting_moves_every_nodes_generation_on():
    cache = caches["public"]
    first = publiccache._generation(cache)
    publiccache.forget()
    publiccache.forget()
    assert publiccache._generation(cache) == first + 2
