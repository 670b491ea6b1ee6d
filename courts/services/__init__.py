"""Every write of courts and cases (CAS-2 … CAS-9). `from courts import services` reaches
each service; the filings app calls `case_open_or_join` when a court accepts a filing."""

from courts.services.acts import (
    act_issue,
    enforcement_open,
    period_notice_issue,
    render_act,
    verify_document,
)
from courts.services.cases import (
    Joining,
    add_participants,
    case_open_or_join,
    case_update,
    participant_add,
    participant_remove,
)
from courts.services.hearings import (
    feed_for,
    feed_owner,
    feed_renew,
    hearing_record_result,
    hearing_reschedule,
    hearing_schedule,
)
from courts.services.passwords import case_password_renew, give_case_password

__all__ = [
    "Joining",
    "act_issue",
    "enforcement_open",
    "period_notice_issue",
    "render_act",
    "verify_document",
    "add_participants",
    "case_open_or_join",
    "case_password_renew",
    "case_update",
    "feed_for",
    "feed_owner",
    "feed_renew",
    "give_case_password",
    "hearing_record_result",
    "hearing_reschedule",
    "hearing_schedule",
    "participant_add",
    "participant_remove",
]
