import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from filings.payments import TestGateway
from tests.security import world as world_module


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The objects of tests/security/world.py, built once per module in a transaction that
    is rolled back at the end; each test runs in a savepoint of it (pytest-django's `db`)."""
    with django_db_blocker.unblock():
        TestGateway.reset()
        cache.clear()
        with transaction.atomic():
            w = world_module.build()
            w.clients = {}
            for role, user in w.users.items():
                client = Client(HTTP_ACCEPT_LANGUAGE="en")
                if user is not None:
                    client.force_login(user)
                w.clients[role] = client
            yield w
            transaction.set_rollback(True)
        TestGateway.reset()
