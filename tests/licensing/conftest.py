import pytest
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from core.models import TransitionLog


def client_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(user)
    client.user = user
    return client


def log_rows(obj) -> list[TransitionLog]:
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return list(TransitionLog.objects.filter(content_type=ct, object_id=str(obj.pk)))


@pytest.fixture
def as_user():
    return client_for


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests compare messages with their English wording; the Persian catalogue is
    exercised by the pages and by tests/core/test_translations.py."""
    from django.utils import translation

    with translation.override("en"):
        yield
