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


@pytest.fixture(scope="session", autouse=True)
def _force_login_passes_the_second_factor():
    """Staff need a second factor (ID-13): a test client's `force_login` gives a session that
    the user's authenticator verified, as a full staff sign-in does. Tests of the gate itself
    use `tests.factories.second_factor.force_login_unverified`."""
    from django.test import Client

    from tests.factories import second_factor

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "force_login", second_factor.force_login_verified)
        yield


@pytest.fixture
def sms_outbox():
    """SMS delivered by the in-memory backend during the test (like mail.outbox)."""
    return sms_backends.outbox


@pytest.fixture
def sms_provider(settings):
    """A local SMS provider on loopback (tests/factories/sms_provider.py), and the settings
    that send through it with the HTTP backend (its client gives up after half a second)."""
    from tests.factories.sms_provider import SMSProviderSimulator

    simulator = SMSProviderSimulator().start()
    settings.SMS_BACKEND = "core.messaging.provider.KavenegarSMSBackend"
    settings.SMS_PROVIDER = {
        **settings.SMS_PROVIDER,
        "BASE_URL": simulator.base_url,
        "API_KEY": simulator.api_key,
        "SENDER": simulator.sender,
        "TIMEOUT": 0.5,
    }
    yield simulator
    simulator.stop()


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


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    for item in items:
        for marker in item.iter_markers("rule"):
            item.user_properties.append(("rule", marker.args[0]))
        # Tests that commit (and so end with a flush of every table, the reference data the
        # migrations load included) are marked, so the parallel run leaves them to a serial
        # one after it: `make test` runs `-m "not transactional"` in parallel, then the rest.
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
