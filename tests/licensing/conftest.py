import pytest
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from core.models import TransitionLog


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    client.user = user
    return client


def log_rows(obj) -> list[TransitionLog]:
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return list(TransitionLog.objects.filter(content_type=ct, object_id=str(obj.pk)))


@pytest.fixture
def as_user():
    return client_for
