"""Boards, their seats and the election of their chair (DIS-2, DIS-3; art. 34 and note 1)."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.records import locked, save_as
from discipline import selectors
from discipline.models import Board, ChairVote, Seat, Tier, is_centre_head
from discipline.services.common import display_name, required_text


def _require_centre_head(actor):
    if not (getattr(actor, "is_superuser", False) or is_centre_head(actor)):
        raise Forbidden(_("Disciplinary boards are constituted by the centre head (art. 34-1)."))


def board_create(*, actor, tier: str, name: str, province=None) -> Board:
    """`tier` and `name` come validated by the board's serializer."""
    _require_centre_head(actor)
    board = Board(tier=tier, name=name, province=province, created_by=actor)
    with transaction.atomic():
        save_as(board, actor=actor, reason="constituted")
    return board


def _membership_changed(board: Board, actor, reason: str) -> None:
    """A change of members starts a new election round: the chair must be elected again by the
    board as it now sits (DIS-3)."""
    board.chair = None
    board.election_round += 1
    save_as(board, actor=actor, reason=reason, update_fields=["chair", "election_round"])


def seat_appoint(*, actor, board_id, user, kind: str, confirmation: str = "") -> Seat:
    """Give `user` a seat on a board (DIS-2): two judges chosen by the centre head (and
    confirmed by the head of the judiciary), plus an Association representative who is not on
    the Association's board (first instance) or a General Directorate representative
    (appeal)."""
    _require_centre_head(actor)
    with transaction.atomic():
        board = locked(Board.objects.all(), board_id)
        third = Seat.Kind.ASSOCIATION if board.tier == Tier.FIRST_INSTANCE else Seat.Kind.GD
        if kind not in (Seat.Kind.JUDGE, third):
            raise ValidationFailed(
                _(
                    "A first-instance board has two judges and an Association representative; an "
                    "appeal board two judges and a General Directorate representative (art. 34)."
                ),
                code="wrong_seat",
                fields={"kind": [_("This seat does not belong on a board of this tier.")]},
            )
        seats = selectors.current_seats(board)
        if any(s.user_id == user.pk for s in seats):
            raise Conflict(_("This person already sits on the board."), code="already_member")
        taken = sum(1 for s in seats if s.kind == kind)
        if taken >= (2 if kind == Seat.Kind.JUDGE else 1):
            raise Conflict(
                _("The board already has its %(seat)s (art. 34).")
                % {"seat": Seat.Kind(kind).label},
                code="seat_taken",
            )
        if kind == Seat.Kind.ASSOCIATION and selectors.sits_on_association_board(user):
            raise Conflict(
                _(
                    "%(name)s sits on the Association's board; the Association's representative "
                    "on a first-instance board must not be a member of its board (art. 34-2)."
                )
                % {"name": display_name(user)},
                code="association_board_member",
                fields={"user": [_("A member of the Association's board.")]},
            )
        if kind == Seat.Kind.JUDGE:
            confirmation = required_text(confirmation, "confirmation")
        seat = Seat(
            board=board,
            user=user,
            kind=kind,
            confirmation=confirmation or "",
            appointed_by=actor,
        )
        save_as(seat, actor=actor, reason="appointed")
        user.groups.add(Group.objects.get_or_create(name=Role.BOARD_MEMBER.value)[0])
        _membership_changed(board, actor, f"seat appointed: {display_name(user)}")
    return seat


def seat_end(*, actor, board_id, seat_id) -> Seat:
    """End a member's seat on `board_id` (a seat of another board is 404)."""
    _require_centre_head(actor)
    with transaction.atomic():
        seat = locked(Seat.objects.filter(board_id=board_id), seat_id)
        if seat.ended_on is not None:
            raise Conflict(code="wrong_state")
        seat.ended_on = timezone.localdate()
        save_as(seat, actor=actor, reason="seat ended", update_fields=["ended_on"])
        board = Board.objects.select_for_update().get(pk=seat.board_id)
        _membership_changed(board, actor, f"seat ended: {display_name(seat.user)}")
    return seat


def chair_vote(*, actor, board_id, candidate) -> Board:
    """DIS-3 (note 1 of art. 34): each member votes for one of the board's judges; the judge
    who gets the votes of a majority of the members is the chair."""
    with transaction.atomic():
        board = locked(selectors.boards_visible_to(actor), board_id)
        seats = selectors.current_seats(board)
        members = {s.user_id for s in seats}
        if actor.pk not in members:
            raise Forbidden(_("Only the board's members elect its chair."))
        problems = selectors.composition_problems(board)
        if problems:
            raise Conflict(" ".join(problems), code="board_incomplete")
        if board.chair_id is not None:
            raise Conflict(_("The board has elected its chair."), code="chair_elected")
        judges = {s.user_id for s in seats if s.kind == Seat.Kind.JUDGE}
        if getattr(candidate, "pk", None) not in judges:
            raise ValidationFailed(
                _("The chair is one of the board's judges (note 1 of art. 34)."),
                code="not_a_judge",
                fields={"candidate": [_("Not a judge of this board.")]},
            )
        if ChairVote.objects.filter(
            board=board, election_round=board.election_round, voter=actor
        ).exists():
            raise Conflict(_("You have already voted in this election."), code="already_voted")
        vote = ChairVote(
            board=board, election_round=board.election_round, voter=actor, candidate=candidate
        )
        save_as(vote, actor=actor)
        votes = ChairVote.objects.filter(
            board=board,
            election_round=board.election_round,
            candidate=candidate,
            voter_id__in=members,
        ).count()
        if votes > len(members) // 2:
            board.chair = candidate
            save_as(
                board,
                actor=actor,
                reason=f"chair elected by majority: {display_name(candidate)}",
                update_fields=["chair"],
            )
    return board
