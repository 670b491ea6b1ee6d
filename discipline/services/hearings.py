"""Hearings (DIS-4; note 2 of art. 34): scheduling with a summons served through the notice
system, attendance (a session is valid only with all members), and each member's vote."""

import datetime as dt

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.dates import format_date
from core.exceptions import Conflict, NotFound, ValidationFailed
from core.transitions import apply_transition
from discipline import selectors
from discipline.models import Attendance, Board, Session, Vote, current_member_ids
from discipline.services.common import as_pk, locked, required_text
from discipline.services.decisions import check_decision


def _board_ready(board: Board) -> None:
    problems = selectors.composition_problems(board)
    if problems:
        raise Conflict(" ".join(problems), code="board_incomplete")
    if board.chair_id is None:
        raise Conflict(
            _("The board must first elect its chair from its judges (note 1 of art. 34)."),
            code="no_chair",
        )


def session_schedule(*, actor, case_id, scheduled_for: dt.datetime, place: str) -> Session:
    """The chair schedules a hearing; the accused is summoned by a notice of the board."""
    from notices import services as notice_services

    place = required_text(place, "place")
    if scheduled_for is None or scheduled_for <= timezone.now():
        raise ValidationFailed(
            fields={"scheduled_for": [_("A hearing is scheduled in the future.")]}
        )
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
        session._history_user = actor
        session._change_reason = "scheduled"
        session.save()
        accused = case.accused
        with translation.override(getattr(accused, "preferred_language", "") or "fa"):
            body = _(
                "You are summoned to the hearing of disciplinary case %(number)s before %(board)s "
                "on %(when)s at %(place)s. Allegation: %(allegation)s"
            ) % {
                "number": case.number,
                "board": board.name,
                "when": format_date(when, "long_datetime"),
                "place": place,
                "allegation": case.allegation,
            }
            subject = _("Summons to a disciplinary hearing")
        session.summons = notice_services.issue_board_notice(
            actor=actor,
            board_code=board.notice_code,
            board_name=board.name,
            recipient=accused,
            case_number=case.number,
            subject=subject,
            body=body,
        )
        session.save(update_fields=["summons"])
    return session


def session_record_attendance(*, actor, session_id, present: list[int]) -> Session:
    """The chair records who is present. With every member present the session is held and may
    rule; otherwise it is recorded as incomplete and cannot rule (DIS-4)."""
    with transaction.atomic():
        session = locked(selectors.sessions_visible_to(actor), session_id)
        if session.status != Session.Status.SCHEDULED:
            raise Conflict(_("Attendance is already recorded."), code="wrong_state")
        members = current_member_ids(session.board_id)
        present_ids = {as_pk(p) for p in (present or [])}
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
        from accounts.models import User

        for user in User.objects.filter(pk__in=members).order_by("pk"):
            row = Attendance(
                session=session,
                member=user,
                present=user.pk in present_ids,
                recorded_by=actor,
                recorded_at=session.attendance_recorded_at,
            )
            row._history_user = actor
            row.save()
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
    reasons = required_text(reasons, "reasons")
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
        vote._history_user = actor
        vote.save()
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


def get_session(actor, session_id) -> Session:
    session = selectors.sessions_visible_to(actor).filter(pk=as_pk(session_id)).first()
    if session is None:
        raise NotFound()
    return session


__all__ = [
    "get_session",
    "majority",
    "session_record_attendance",
    "session_schedule",
    "session_vote",
]
