import pytest
from django.core.cache import cache

from filings.payments import TestGateway
from tests.factories import UserFactory
from tests.factories import filings as ff
from tests.factories.notices import BranchFactory, court_clerk
from tests.factories.offices import operational_office


@pytest.fixture(autouse=True)
def _fresh_gateway():
    TestGateway.reset()
    cache.clear()
    yield
    TestGateway.reset()


@pytest.fixture
def court(db):
    return BranchFactory(name="Branch 4 of the Tabriz civil court")


@pytest.fixture
def clerk(court):
    return court_clerk(court)


@pytest.fixture
def office(db):
    ff.ensure_fee_schedule()
    return operational_office()


@pytest.fixture
def staff(office):
    return office.people["clerk"][0]


@pytest.fixture
def other_office(db):
    return operational_office()


@pytest.fixture
def other_staff(other_office):
    return other_office.people["clerk"][0]


@pytest.fixture
def filer(db):
    ff.ensure_fee_schedule()
    return UserFactory(mobile="+989141234567", email="filer@example.ir")


@pytest.fixture
def stranger(db):
    return UserFactory()


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests compare messages with their English wording; the Persian catalogue is
    exercised by the pages and by tests/core/test_translations.py."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def gateway(settings):
    """The card gateway simulator on loopback (tests/support/gateway_simulator.py), and the
    site configured to pay through it with the redirect-and-verify protocol."""
    from tests.support import gateway_simulator

    with gateway_simulator.running() as simulator:
        settings.FILINGS = {
            **settings.FILINGS,
            "PAYMENT_GATEWAY": "core.payments.redirect.RedirectGateway",
        }
        settings.PAYMENT_REDIRECT = {
            "BASE_URL": simulator.base_url,
            "MERCHANT_ID": gateway_simulator.MERCHANT_ID,
            "CONNECT_TIMEOUT": 2,
            "READ_TIMEOUT": 0.5,
            "CALLBACK_BASE_URL": "http://testserver",
        }
        yield simulator
