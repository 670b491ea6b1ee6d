import pytest
from django.contrib.contenttypes.models import ContentType

from core.models import TransitionLog


def log_rows(obj) -> list[TransitionLog]:
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return list(TransitionLog.objects.filter(content_type=ct, object_id=str(obj.pk)))


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests compare messages with their English wording; the Persian catalogue is
    exercised by the pages and by tests/core/test_translations.py."""
    from django.utils import translation

    with translation.override("en"):
        yield
