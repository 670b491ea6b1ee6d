"""Every write of the discipline app (DIS-1 … DIS-13).

Each service takes keyword arguments and an `actor`, runs in one transaction, re-reads what it
changes under a row lock and takes transitions through `core.transitions.apply_transition`
(409 for a wrong state, 403 for an actor who may see the object but not act, one log row per
transition). Anything the actor may not see answers 404.
"""

from discipline.services.boards import board_create, chair_vote, seat_appoint, seat_end
from discipline.services.cases import (
    case_add_document,
    case_assign_appeal_board,
    case_open,
    case_record_withdrawal,
    case_refer_crime,
)
from discipline.services.decisions import check_decision
from discipline.services.hearings import (
    majority,
    session_record_attendance,
    session_schedule,
    session_vote,
)
from discipline.services.rulings import (
    finalise_due,
    ruling_appeal,
    ruling_draft,
    ruling_issue,
    ruling_object,
)

__all__ = [
    "board_create",
    "case_add_document",
    "case_assign_appeal_board",
    "case_open",
    "case_record_withdrawal",
    "case_refer_crime",
    "chair_vote",
    "check_decision",
    "finalise_due",
    "majority",
    "ruling_appeal",
    "ruling_draft",
    "ruling_issue",
    "ruling_object",
    "seat_appoint",
    "seat_end",
    "session_record_attendance",
    "session_schedule",
    "session_vote",
]
