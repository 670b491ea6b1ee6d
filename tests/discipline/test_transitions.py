"""Every transition endpoint: the allowed actor moves the object and writes exactly one log
row (DIS-13); a forbidden actor gets 403 (or 404 when they may not see the case) and nothing
changes; a wrong state gets 409."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import TransitionLog
from discipline.models import Case, Ruling, Session
from tests.discipline.conftest import log_rows
from tests.factories import discipline as f
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import centre_head

pytestmark = pytest.mark.django_db
API = "/api/v1/discipline"


def _case(state):
    """A case in `state` (first_instance, ruled with grade 5, appeal, closed)."""
    case = f.open_case()
    if state == "first_instance":
        return case, None
    r = f.ruling(case, grade=5, months=3)
    f.serve(r)
    if state == "ruled":
        return case, r
    from discipline import services

    services.ruling_appeal(actor=case.accused, case_id=case.pk, grounds="g")
    if state == "appeal":
        return case, r
    raise AssertionError(state)


def _session(status):
    case = f.open_case()
    board = case.test_board
    if status == "scheduled":
        return case, f.hearing_time_comes(f.schedule(case, board))
    session = f.held_session(case, board)
    if status == "held":
        return case, session
    raise AssertionError(status)


def schedule():
    case, _ = _case("first_instance")
    wrong, _ = _case("ruled")
    return {
        "obj": case,
        "url": f"{API}/cases/{case.pk}/sessions/",
        "wrong_url": f"{API}/cases/{wrong.pk}/sessions/",
        "allowed": case.test_board.chair,
        "wrong_actor": wrong.test_board.chair,
        "forbidden": case.test_board.third,
        "data": {
            "scheduled_for": (timezone.now() + dt.timedelta(days=2)).isoformat(),
            "place": "Hall",
        },
        "transition": "schedule_hearing",
        "state": "first_instance",
    }


def attendance():
    case, session = _session("scheduled")
    _c2, held = _session("held")
    b = case.test_board
    return {
        "obj": session,
        "url": f"{API}/sessions/{session.pk}/attendance/",
        "wrong_url": f"{API}/sessions/{held.pk}/attendance/",
        "allowed": b.chair,
        "wrong_actor": _c2.test_board.chair,
        "forbidden": b.third,
        "data": {"present": [m.pk for m in b.members]},
        "transition": "record_attendance",
        "state": "held",
    }


def vote():
    case, session = _session("held")
    c2, scheduled = _session("scheduled")
    return {
        "obj": session,
        "url": f"{API}/sessions/{session.pk}/vote/",
        "wrong_url": f"{API}/sessions/{scheduled.pk}/vote/",
        "allowed": case.test_board.third,
        "wrong_actor": c2.test_board.third,
        "forbidden": f.gd(),
        "data": {"outcome": "sanction", "grade": 2, "reasons": "Proven."},
        "transition": "vote",
        "state": "held",
    }


def draft():
    case, session = _session("held")
    f.decide(session, case.test_board, grade=2)
    c2, scheduled = _session("scheduled")
    return {
        "obj": session,
        "url": f"{API}/sessions/{session.pk}/ruling/",
        "wrong_url": f"{API}/sessions/{scheduled.pk}/ruling/",
        "allowed": case.test_board.chair,
        "wrong_actor": c2.test_board.chair,
        "forbidden": case.test_board.third,
        "data": {"text": "The chair's ruling."},
        "transition": "conclude",
        "state": "concluded",
    }


def issue():
    case = f.open_case()
    r = f.ruling(case, grade=2, issue=False)
    c2 = f.open_case()
    issued = f.ruling(c2, grade=2)
    return {
        "obj": r,
        "url": f"{API}/rulings/{r.pk}/issue/",
        "wrong_url": f"{API}/rulings/{issued.pk}/issue/",
        "allowed": case.test_board.chair,
        "wrong_actor": c2.test_board.chair,
        "forbidden": case.test_board.third,
        "data": {},
        "transition": "issue",
        "state": "issued",
    }


def appeal():
    case, _r = _case("ruled")
    wrong, _ = _case("first_instance")
    return {
        "obj": case,
        "url": f"{API}/cases/{case.pk}/appeal/",
        "wrong_url": f"{API}/cases/{wrong.pk}/appeal/",
        "allowed": case.accused,
        "wrong_actor": wrong.accused,
        "forbidden": centre_head(),
        "data": {"grounds": "Too harsh."},
        "transition": "appeal",
        "state": "appeal",
    }


def objection():
    case, _r = _case("ruled")
    wrong, _ = _case("first_instance")
    head = centre_head()
    return {
        "obj": case,
        "url": f"{API}/cases/{case.pk}/object/",
        "wrong_url": f"{API}/cases/{wrong.pk}/object/",
        "allowed": head,
        "wrong_actor": head,
        "forbidden": case.accused,
        "data": {"grounds": "Too lenient."},
        "transition": "object",
        "state": "appeal",
    }


def withdrawal():
    case = f.open_case(source=Case.Source.COMPLAINT)
    wrong = f.open_case(source=Case.Source.COMPLAINT)
    # A closed case: ruled, then the appeal board's ruling.
    r = f.ruling(wrong, grade=5, months=3)
    f.serve(r)
    from discipline import services

    services.ruling_appeal(actor=wrong.accused, case_id=wrong.pk, grounds="g")
    ab = f.appeal_board()
    services.case_assign_appeal_board(actor=f.gd(), case_id=wrong.pk, board=ab)
    wrong.refresh_from_db()
    f.ruling(wrong, ab, grade=4)
    gd = f.gd()
    return {
        "obj": case,
        "url": f"{API}/cases/{case.pk}/withdrawal/",
        "wrong_url": f"{API}/cases/{wrong.pk}/withdrawal/",
        "allowed": gd,
        "wrong_actor": gd,
        "forbidden": case.test_board.chair,
        "data": {"note": "Withdrawn by letter."},
        "transition": "record_withdrawal",
        "state": "first_instance",
    }


def assign():
    case, _r = _case("appeal")
    wrong, _ = _case("ruled")
    ab = f.appeal_board()
    gd = f.gd()
    return {
        "obj": case,
        "url": f"{API}/cases/{case.pk}/assign-appeal-board/",
        "wrong_url": f"{API}/cases/{wrong.pk}/assign-appeal-board/",
        "allowed": gd,
        "wrong_actor": gd,
        "forbidden": centre_head(),
        "data": {"board": ab.pk},
        "transition": "assign_appeal_board",
        "state": "appeal",
    }


def referral():
    case, _ = _case("first_instance")
    wrong, _ = _case("ruled")
    return {
        "obj": case,
        "url": f"{API}/cases/{case.pk}/referrals/",
        "wrong_url": f"{API}/cases/{wrong.pk}/referrals/",
        "allowed": case.test_board.third,
        "wrong_actor": wrong.test_board.third,
        "forbidden": case.accused,
        "data": {"authority": "Prosecutor", "facts": "Forgery."},
        "transition": "refer_crime",
        "state": "first_instance",
    }


SETUPS = [schedule, attendance, vote, draft, issue, appeal, objection, withdrawal, assign, referral]


def _status(obj):
    obj.refresh_from_db()
    return obj.status


@pytest.mark.rule("DIS-13")
@pytest.mark.parametrize("setup", SETUPS, ids=lambda s: s.__name__)
def test_allowed_actor_moves_it_with_exactly_one_log_row(setup):
    """DIS-13: every step in the history with actor, time and reason — one log row."""
    t = setup()
    response = client_for(t["allowed"]).post(t["url"], t["data"], format="json")
    assert response.status_code in (200, 201), response.content
    rows = log_rows(t["obj"], t["transition"])
    assert len(rows) == 1
    assert rows[0].actor == t["allowed"]
    assert rows[0].created_at is not None
    assert _status(t["obj"]) == t["state"]


@pytest.mark.rule("DIS-13")
@pytest.mark.parametrize("setup", SETUPS, ids=lambda s: s.__name__)
def test_forbidden_actor_changes_nothing(setup):
    """A forbidden actor: 403 if they may see the case, 404 if not; nothing changes."""
    t = setup()
    before_state, before_logs = _status(t["obj"]), TransitionLog.objects.count()
    response = client_for(t["forbidden"]).post(t["url"], t["data"], format="json")
    assert response.status_code == 403, response.content
    response = client_for(UserFactory()).post(t["url"], t["data"], format="json")
    assert response.status_code == 404
    assert _status(t["obj"]) == before_state
    assert TransitionLog.objects.count() == before_logs


@pytest.mark.rule("DIS-13")
@pytest.mark.parametrize("setup", SETUPS, ids=lambda s: s.__name__)
def test_wrong_state_is_409(setup):
    t = setup()
    before_logs = TransitionLog.objects.count()
    response = client_for(t["wrong_actor"]).post(t["wrong_url"], t["data"], format="json")
    assert response.status_code == 409, response.content
    assert TransitionLog.objects.count() == before_logs


def test_transition_models_cover_every_state():
    """The machines in use: Case, Session and Ruling."""
    assert set(Case.Status.values) >= {"first_instance", "ruled", "appeal", "closed"}
    assert "incomplete" in Session.Status.values
    assert set(Ruling.Status.values) >= {"issued", "final", "enforced", "superseded"}
