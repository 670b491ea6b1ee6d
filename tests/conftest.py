import pytest
from django.db import transaction
from rest_framework.test import APIClient

from core.messaging import backends as sms_backends
from tests.factories import clients


@pytest.fixture(autouse=True)
def _clean_sms_outbox():
    sms_backends.outbox.clear()
    yield
    sms_backends.outbox.clear()


@pytest.fixture
def sms_outbox():
    """SMS delivered by the in-memory backend during the test (like mail.outbox)."""
    return sms_backends.outbox


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def auth_api(user):
    client = APIClient()
    client.force_authenticate(user)
    client.user = user
    return client


@pytest.fixture
def client_for():
    """`client_for(user, language="en")`: an API client signed in as `user` (see
    tests/factories/clients.py)."""
    return clients.client_for


@pytest.fixture(scope="module")
def _seeded_site(django_db_setup, django_db_blocker):
    """The public site as `seed_pages()` leaves it, built once per test module in a
    transaction that is rolled back when the module ends; each test runs in a savepoint of it
    (pytest-django's `db`)."""
    from cms_pages.seed import seed_pages

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            pages = seed_pages()
        except BaseException:
            outer.__exit__(None, None, None)
            raise
    yield pages
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_site, db):
    """The public site as `seed_pages()` leaves it: Persian home, guides, the booking guide
    (seed 001), the regulation, the directory and reprimands pages, and their English (and
    Azerbaijani) translations. Each page is read afresh for the test."""
    from cms_pages.seed import SeededPages

    return SeededPages(
        **{
            name: None if page is None else type(page).objects.get(pk=page.pk)
            for name, page in vars(_seeded_site).items()
        }
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        for marker in item.iter_markers("rule"):
            item.user_properties.append(("rule", marker.args[0]))
