import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory

PASSWORD = "Correct-Horse-42"


@pytest.fixture(autouse=True)
def _deliver_after_each_request(monkeypatch, django_capture_on_commit_callbacks):
    """Each test runs in one transaction, so `on_commit` (where messages are handed to the
    delivery job) would never fire: run those callbacks at the end of every request, as the
    real commit would."""
    original = Client.request

    def request(self, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(self, **kwargs)

    monkeypatch.setattr(Client, "request", request)


@pytest.fixture(autouse=True)
def _fresh_throttle_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """For service calls made directly in a test: `with deliver(): services.x(...)`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def last_code(outbox, to=None) -> str:
    """The 6-digit code of the last SMS (to `to`, when given)."""
    messages = [m for m in outbox if to is None or str(m.recipient) == str(to)]
    assert messages, "no SMS was sent"
    found = re.search(r"(?<!\d)(\d{6})(?!\d)", messages[-1].body)
    assert found, messages[-1].body
    return found.group(1)


def last_email_code(to=None) -> str:
    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, "no email was sent"
    found = re.search(r"(?<!\d)(\d{6})(?!\d)", messages[-1].body)
    assert found, messages[-1].body
    return found.group(1)


@pytest.fixture
def member(db):
    """An active natural person with a known password, mobile and email."""
    return UserFactory(mobile="+989121111111", email="member@example.ir")


def sign_in(api, user, password=PASSWORD, **extra):
    return api.post(
        "/api/v1/auth/signin/",
        {"national_id": user.national_id, "password": password, **extra},
        format="json",
    )


def sms_password(outbox) -> str:
    """The 12-character password that recovery sends by SMS (ID-5)."""
    found = re.search(r"(?<![A-Za-z0-9])([A-Za-z0-9]{12})(?![A-Za-z0-9])", outbox[-1].body)
    assert found, outbox[-1].body
    return found.group(1)
