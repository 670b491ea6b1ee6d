"""Demo data for `make run`: loads once, idempotent."""

import pytest

from core import demo as core_demo
from discipline import demo
from discipline.models import Board, Case, Session
from offices import demo as offices_demo

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent():
    core_demo.seed_users()
    offices_demo.load()
    demo.seed()
    demo.seed()
    assert Board.objects.get().chair.national_id == demo.MEMBER_ID
    assert Case.objects.get().status == "first_instance"
    assert Session.objects.count() == 1
