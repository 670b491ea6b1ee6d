"""Boards (DIS-2) and the election of their chair (DIS-3)."""

import pytest

from discipline.models import Board, Seat, Tier
from tests.factories import discipline as f
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import centre_head

pytestmark = pytest.mark.django_db
URL = "/api/v1/discipline/boards/"


def new_board(tier=Tier.FIRST_INSTANCE):
    head = centre_head()
    response = client_for(head).post(URL, {"tier": tier, "name": "Tehran board"})
    assert response.status_code == 201, response.content
    return head, Board.objects.get(pk=response.json()["id"])


def appoint(head, board, user, kind, confirmation="Judiciary letter 12/3"):
    return client_for(head).post(
        f"{URL}{board.pk}/seats/",
        {"national_id": user.national_id, "kind": kind, "confirmation": confirmation},
    )


@pytest.mark.rule("DIS-2")
def test_first_instance_board_two_judges_and_an_association_representative():
    """DIS-2: two judges chosen by the centre head + one Association representative; a third
    judge, a GD representative or a second representative is refused."""
    head, board = new_board()
    for _ in range(2):
        assert appoint(head, board, f.member(), Seat.Kind.JUDGE).status_code == 201
    response = appoint(head, board, f.member(), Seat.Kind.JUDGE)
    assert response.status_code == 409
    assert response.json()["code"] == "seat_taken"
    assert appoint(head, board, f.member(), Seat.Kind.GD).status_code == 400
    rep = f.member()
    response = appoint(head, board, rep, Seat.Kind.ASSOCIATION)
    assert response.status_code == 201
    assert response.json()["complete"] is True
    assert appoint(head, board, f.member(), Seat.Kind.ASSOCIATION).status_code == 409


@pytest.mark.rule("DIS-2")
def test_the_association_representative_who_sits_on_the_association_board_is_refused():
    """DIS-2 (art. 34-2): the Association's representative must not be on its board."""
    head, board = new_board()
    on_the_board = f.association_board_member()
    response = appoint(head, board, on_the_board, Seat.Kind.ASSOCIATION)
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "association_board_member"
    assert "34-2" in body["message"]
    assert not Seat.objects.filter(board=board).exists()


@pytest.mark.rule("DIS-2")
def test_a_representative_who_joins_the_association_board_later_makes_the_board_unable_to_sit():
    """DIS-2: the composition is checked again when the board sits, not only at appointment."""
    from discipline import selectors
    from licensing import association as association_services
    from tests.factories.licensing import association

    board = f.board()
    association_services.board_appoint(
        actor=centre_head(),
        association_id=association().pk,
        user=board.third,
        seat="office_manager",
    )
    problems = selectors.composition_problems(board)
    assert any("34-2" in p for p in problems)
    case = f.open_case(first_board=board)
    response = client_for(board.chair).post(
        f"/api/v1/discipline/cases/{case.pk}/sessions/",
        {"scheduled_for": "2099-01-01T10:00:00+03:30", "place": "Hall"},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "board_incomplete"


@pytest.mark.rule("DIS-2")
def test_appeal_board_two_judges_and_a_gd_representative():
    """DIS-2: the appeal board has a GD representative, not an Association one."""
    head, board = new_board(Tier.APPEAL)
    assert appoint(head, board, f.member(), Seat.Kind.ASSOCIATION).status_code == 400
    assert appoint(head, board, f.member(), Seat.Kind.GD).status_code == 201


@pytest.mark.rule("DIS-2")
def test_only_the_centre_head_constitutes_boards_and_judges_need_the_confirmation():
    """DIS-2 (art. 34-1): judges chosen by the centre head and confirmed by the head of the
    judiciary (the confirmation is recorded)."""
    assert client_for(f.gd()).post(URL, {"tier": "appeal", "name": "x"}).status_code == 403
    head, board = new_board()
    assert appoint(head, board, f.member(), Seat.Kind.JUDGE, confirmation="").status_code == 400
    assert appoint(f.gd(), board, f.member(), Seat.Kind.JUDGE).status_code == 403


@pytest.mark.rule("DIS-3")
def test_chair_elected_from_the_judges_by_majority():
    """DIS-3 (note 1 of art. 34): each member votes for a judge; a majority elects; a non-judge
    cannot be chair; one vote per member per round."""
    board = f.board(elect=False)
    judge, other_judge = board.judges
    url = f"{URL}{board.pk}/elect-chair/"
    response = client_for(board.third).post(url, {"candidate": board.third.pk})
    assert response.status_code == 400
    assert response.json()["code"] == "not_a_judge"
    assert client_for(board.third).post(url, {"candidate": judge.pk}).status_code == 200
    board.refresh_from_db()
    assert board.chair is None  # one vote of three is no majority
    assert client_for(board.third).post(url, {"candidate": judge.pk}).status_code == 409
    assert client_for(UserFactory()).post(url, {"candidate": judge.pk}).status_code == 404
    response = client_for(other_judge).post(url, {"candidate": judge.pk})
    assert response.status_code == 200
    assert response.json()["chair"]["id"] == judge.pk


@pytest.mark.rule("DIS-3")
def test_a_change_of_members_requires_a_new_election():
    """DIS-3: when a member leaves, the chair is elected again by the board as it now sits."""
    board = f.board()
    head = centre_head()
    seat = Seat.objects.get(board=board, user=board.third)
    response = client_for(head).post(f"{URL}{board.pk}/seats/{seat.pk}/end/")
    assert response.status_code == 200
    board.refresh_from_db()
    assert board.chair is None
    assert board.election_round > 1
    seat.refresh_from_db()
    assert seat.ended_on is not None  # kept, not deleted (DIS-13)


@pytest.mark.rule("DIS-3")
def test_a_board_without_an_elected_chair_cannot_schedule():
    """DIS-3: the chair schedules hearings; before the election nobody may."""
    board = f.board(elect=False)
    case = f.open_case(first_board=board)
    response = client_for(board.judges[0]).post(
        f"/api/v1/discipline/cases/{case.pk}/sessions/",
        {"scheduled_for": "2099-01-01T10:00:00+03:30", "place": "Hall"},
    )
    assert response.status_code == 403


@pytest.mark.rule("DIS-2")
def test_a_seat_is_ended_only_through_its_own_board():
    """DIS-2: `boards/{id}/seats/{seat}/end/` ends a seat of that board; a seat of another
    board named under it is 404 and stays open."""
    head, board = new_board()
    other = f.board()
    seat = other.seats.filter(ended_on__isnull=True).first()
    response = client_for(head).post(f"{URL}{board.pk}/seats/{seat.pk}/end/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    seat.refresh_from_db()
    assert seat.ended_on is None
    response = client_for(head).post(f"{URL}{other.pk}/seats/{seat.pk}/end/")
    assert response.status_code == 200
    seat.refresh_from_db()
    assert seat.ended_on is not None
    assert response.json()["chair"] is None  # a change of members: a new election (DIS-3)
