import pytest
from rest_framework.test import APIClient

from core.messaging import backends as sms_backends


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


def pytest_collection_modifyitems(config, items):
    for item in items:
        for marker in item.iter_markers("rule"):
            item.user_properties.append(("rule", marker.args[0]))
