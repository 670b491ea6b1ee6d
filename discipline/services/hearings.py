"""Hearings (DIS-4; note 2 of art. 34): scheduling with a summons served through the notice
system, attendance (a session is valid only with all members), and each member's vote."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.dates import format_date
from core.exceptions import Conflict, ValidationFailed
from core.notify import in_language_of
from core.records import locked, save_as
from core.transitions import apply_transition
from discipline import selectors
from discipline.models import Attendance, Board, Session, Vote, current_member_ids
from discipline.services.decisions import check_decision
from notices import services as notice_services


def _board_ready(board: Board) -> None:
    problems = selectors.composition_problems(board)
    if problems:
        raise Conflict(" ".join(problems), code="board_incomplete")
    if board.chair_id is None:
        raise Conflict(
            _("The board must first elect its chair from its judges (note 1 of art. 34)."),
            code="no_chair",
        )


def _summons_body(case, board, when, place) -> str:
    return _(
        "You are summoned to the hearing of disciplinary case %(number)s before %(board)s "
        "on %(when)s at %(place)s. Allegation: %(allegation)s"
    ) % {
        "number": case.number,
        "board": board.name,
        "when": format_date(when, "long_datetime"),
        "place": place,
        "allegation": case.allegation,
    }


def session_schedule(*, actor, case_id, scheduled_for: dt.datetime, place: str) -> Session:
    """The chair schedules a hearing (in the future, checked by `ScheduleInput`); the accused
    is summoned by a notice of the board."""
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        when = timezone.localtime(scheduled_for)
        apply_transition(
            case,
            "schedule_hearing",
            actor=actor,
            reason=_("Hearing on %(when)s at %(place)s")
            % {"when": format_date(when, "datetime"), "place": place},
        )
        board = Board.objects.get(pk=case.current_board_id)
        _board_ready(board)
        session = Session(
            case=case,
            board=board,
            tier=board.tier,
            scheduled_for=scheduled_for,
            place=place,
            scheduled_by=actor,
        )
        save_as(session, actor=actor, reason="scheduled")
        accused = case.accused
        body = in_language_of(accused, lambda: _summons_body(case, board, when, place))
        subject = in_language_of(accused, lambda: _("Summons to a disciplinary hearing"))
        session.summons = notice_services.issue_board_notice(
            actor=actor,
            board_code=board.notice_code,
            board_name=board.name,
            recipient=accused,
            case_number=case.number,
            subject=subject,
            body=body,
        )
        save_as(session, actor=actor, update_fields=["summons"])
    return session


def session_record_attendance(*, actor, session_id, present: list[int]) -> Session:
    """The chair records who is present, once the hearing's time has come. With every member
    present the session is held and may rule; otherwise it is recorded as incomplete and cannot
    rule (DIS-4)."""
    with transaction.atomic():
        session = locked(selectors.sessions_visible_to(actor), session_id)
        if session.status != Session.Status.SCHEDULED:
            raise Conflict(_("Attendance is already recorded."), code="wrong_state")
        members = current_member_ids(session.board_id)
        present_ids = set(present)
        if not present_ids <= members:
            raise ValidationFailed(fields={"present": [_("Only the board's members attend.")]})
        board = Board.objects.get(pk=session.board_id)
        all_present = present_ids == members and not selectors.composition_problems(board)
        apply_transition(
            session,
            "record_attendance",
            actor=actor,
            reason=(
                _("All members present")
                if all_present
                else _("Not all members present: the session cannot rule")
            ),
            all_present=all_present,
        )
        # After the actor's permission is checked (a forbidden actor learns nothing more):
        # nobody attends a hearing before its time, so nothing is recorded before it.
        if session.scheduled_for > timezone.now():
            raise Conflict(
                _("The hearing has not started: attendance is recorded from %(when)s.")
                % {"when": format_date(timezone.localtime(session.scheduled_for), "datetime")},
                code="hearing_not_started",
            )
        for user in User.objects.filter(pk__in=members).order_by("pk"):
            row = Attendance(
                session=session,
                member=user,
                present=user.pk in present_ids,
                recorded_by=actor,
                recorded_at=session.attendance_recorded_at,
            )
            save_as(row, actor=actor)
    return session


def session_vote(
    *,
    actor,
    session_id,
    outcome: str,
    grade: int | None = None,
    suspension_months: int | None = None,
    reasons: str,
) -> Vote:
    """A member votes in a held session (DIS-4); the decision voted for must be lawful (DIS-5,
    DIS-9), so the member learns at once why a decision is refused."""
    with transaction.atomic():
        session = locked(selectors.sessions_visible_to(actor), session_id)
        if session.status == Session.Status.INCOMPLETE:
            raise Conflict(
                _("Not all members were present: this session cannot rule (note 2 of art. 34)."),
                code="session_incomplete",
            )
        apply_transition(session, "vote", actor=actor, reason=_("Vote recorded"))
        if Vote.objects.filter(session=session, member_id=actor.pk).exists():
            raise Conflict(_("Your vote is already recorded."), code="already_voted")
        grade, suspension_months = check_decision(session.case, outcome, grade, suspension_months)
        vote = Vote(
            session=session,
            member=actor,
            outcome=outcome,
            grade=grade,
            suspension_months=suspension_months,
            reasons=reasons,
        )
        save_as(vote, actor=actor)
    return vote


def majority(session: Session):
    """DIS-4: the decision of a majority of the members, or None. Returns (decision, votes)."""
    votes = list(session.votes.all())
    members = current_member_ids(session.board_id)
    counts = {}
    for v in votes:
        counts.setdefault(v.decision_key, []).append(v)
    for key, group in counts.items():
        if len(group) > len(members) // 2:
            return key, votes
    return None, votes


__all__ = [
    "majority",
    "session_record_attendance",
    "session_schedule",
    "session_vote",
]
