"""Demo data that walks every journey of the portal: every member of a demo board signs in,
a Tabriz office takes appointments, the demo party has notices, offices have their province's
telephone area code."""

import pytest
from django.contrib.auth import authenticate

from accounts import demo as accounts_demo
from accounts.roles import Role, has_role
from discipline import demo as discipline_demo
from discipline import selectors
from discipline.models import Board
from notices import demo as notices_demo
from notices.models import Notice
from offices import demo as offices_demo
from offices.models import Office
from offices.selectors import operational_status

pytestmark = pytest.mark.django_db


def test_the_demo_walks_every_journey():
    """Each seat of both demo boards is a sign-in with the demo password and the board
    member's role; the Tabriz office is operational; the party has two notices, once."""
    accounts_demo.seed_users()
    offices_demo.load()
    notices_demo.seed()
    discipline_demo.seed()

    for board in Board.objects.all():
        for seat in selectors.current_seats(board):
            user = authenticate(
                national_id=seat.user.national_id, password=accounts_demo.DEMO_PASSWORD
            )
            assert user is not None, seat.user.national_id
            assert has_role(user, Role.BOARD_MEMBER)

    tabriz = Office.objects.get(province__code="east-azerbaijan")
    assert operational_status(tabriz).operational
    assert str(tabriz.phone).startswith("+9841")
    assert str(Office.objects.get(province__code="tehran").phone).startswith("+9821")

    party = accounts_demo.DEMO_USERS[0][0]
    assert Notice.objects.filter(recipient_user__national_id=party).count() == 2
    notices_demo.seed()  # idempotent
    assert Notice.objects.filter(recipient_user__national_id=party).count() == 2
