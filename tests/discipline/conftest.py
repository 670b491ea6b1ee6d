import pytest
from django.contrib.contenttypes.models import ContentType

from core.models import TransitionLog


def log_rows(obj, transition=None) -> list[TransitionLog]:
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    qs = TransitionLog.objects.filter(content_type=ct, object_id=str(obj.pk))
    if transition:
        qs = qs.filter(transition=transition)
    return list(qs)


@pytest.fixture(autouse=True)
def _catalogue(request):
    """Migration 0002 loads the catalogue; a transactional test's flush elsewhere removes it."""
    if "django_db_setup" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
        return
    request.getfixturevalue("db")
    from discipline.models import Violation
    from discipline.violations import load

    if Violation.objects.count() != 14:
        load(Violation)


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests compare messages with their English wording; the Persian catalogue is
    exercised by the pages and by tests/core/test_translations.py."""
    from django.utils import translation

    with translation.override("en"):
        yield
