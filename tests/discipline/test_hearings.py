"""Hearings and rulings (DIS-4, DIS-5) and recidivism (DIS-9)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from core.sweeping import run_all
from discipline import selectors
from discipline.models import Attendance, Grade, Ruling, Session, Vote
from notices.models import Notice
from tests.discipline.conftest import log_rows
from tests.factories import discipline as f
from tests.factories.clients import client_for
from tests.factories.licensing import licensed_office

pytestmark = pytest.mark.django_db


def vote(user, session, outcome="sanction", grade=3, months=None):
    return client_for(user).post(
        f"/api/v1/discipline/sessions/{session.pk}/vote/",
        {"outcome": outcome, "grade": grade, "suspension_months": months, "reasons": "Proven."},
        format="json",
    )


@pytest.mark.rule("DIS-4")
def test_scheduling_summons_the_accused_through_the_notice_system():
    """DIS-4, NOT-1: the chair schedules; the accused receives a board notice (by SMS alert)."""
    case = f.open_case()
    board = case.test_board
    response = client_for(board.chair).post(
        f"/api/v1/discipline/cases/{case.pk}/sessions/",
        {"scheduled_for": (timezone.now() + dt.timedelta(days=3)).isoformat(), "place": "Hall 2"},
    )
    assert response.status_code == 201, response.content
    session = Session.objects.get(pk=response.json()["id"])
    notice = session.summons
    assert notice.recipient_user == case.accused
    assert notice.case_number == case.number
    assert notice.branch.kind == "board"
    [row] = log_rows(case, "schedule_hearing")
    assert row.actor == board.chair and "Hall 2" in row.reason
    # A member who is not the chair may not schedule; a past date is refused.
    assert (
        client_for(board.third)
        .post(
            f"/api/v1/discipline/cases/{case.pk}/sessions/",
            {"scheduled_for": (timezone.now() + dt.timedelta(days=3)).isoformat(), "place": "x"},
        )
        .status_code
        == 403
    )
    assert (
        client_for(board.chair)
        .post(
            f"/api/v1/discipline/cases/{case.pk}/sessions/",
            {"scheduled_for": (timezone.now() - dt.timedelta(days=1)).isoformat(), "place": "x"},
        )
        .status_code
        == 400
    )
    assert Notice.objects.count() == 1


@pytest.mark.rule("DIS-4")
def test_a_session_missing_one_member_cannot_vote_or_rule():
    """DIS-4 (note 2 of art. 34): valid only with ALL members present."""
    case = f.open_case()
    board = case.test_board
    session = f.hearing_time_comes(f.schedule(case, board))
    response = client_for(board.chair).post(
        f"/api/v1/discipline/sessions/{session.pk}/attendance/",
        {"present": [board.judges[0].pk, board.judges[1].pk]},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "incomplete"
    assert Attendance.objects.filter(session=session, present=False).get().member == board.third
    response = vote(board.chair, session)
    assert response.status_code == 409
    assert response.json()["code"] == "session_incomplete"
    response = client_for(board.chair).post(
        f"/api/v1/discipline/sessions/{session.pk}/ruling/", {"text": "x"}
    )
    assert response.status_code == 409
    assert not Vote.objects.exists() and not Ruling.objects.exists()


@pytest.mark.rule("DIS-4")
def test_each_vote_is_recorded_the_majority_decides_and_the_chair_drafts():
    """DIS-4: every member's vote recorded (with a log row), the majority decides (2 of 3), the
    chair drafts; a member votes once; the draft waits for every vote."""
    case = f.open_case()
    board = case.test_board
    session = f.held_session(case, board)
    assert vote(board.judges[0], session, grade=3).status_code == 200
    assert vote(board.judges[0], session, grade=3).status_code == 409
    assert vote(board.judges[1], session, grade=2).status_code == 200
    url = f"/api/v1/discipline/sessions/{session.pk}/ruling/"
    response = client_for(board.chair).post(url, {"text": "x"})
    assert response.status_code == 409
    assert response.json()["code"] == "votes_missing"
    assert vote(board.third, session, grade=2).status_code == 200
    assert client_for(board.third).post(url, {"text": "x"}).status_code == 403
    response = client_for(board.chair).post(url, {"text": "Written by the chair."})
    assert response.status_code == 201, response.content
    assert (response.json()["outcome"], response.json()["grade"]) == ("sanction", 2)
    assert len(log_rows(session, "vote")) == 3
    votes = (
        client_for(board.third).get(f"/api/v1/discipline/sessions/{session.pk}/").json()["votes"]
    )
    assert sorted(v["grade"] for v in votes) == [2, 2, 3]
    # The accused does not see how each member voted.
    assert (
        client_for(case.accused).get(f"/api/v1/discipline/sessions/{session.pk}/").json()["votes"]
        is None
    )


@pytest.mark.rule("DIS-4")
def test_no_majority_no_ruling():
    """DIS-4: three different votes: no ruling from this session."""
    case = f.open_case()
    board = case.test_board
    session = f.held_session(case, board)
    for member, grade in zip(board.members, (1, 2, 3), strict=True):
        assert vote(member, session, grade=grade).status_code == 200
    response = client_for(board.chair).post(
        f"/api/v1/discipline/sessions/{session.pk}/ruling/", {"text": "x"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "no_majority"


@pytest.mark.rule("DIS-5")
@pytest.mark.parametrize(
    ("months", "expected"), [(2, 400), (3, 200), (24, 200), (25, 400), (None, 400)]
)
def test_suspension_length_between_3_months_and_2_years(months, expected):
    """DIS-5 (art. 35-5): grade 5 suspends for 3 months to 2 years."""
    case = f.open_case()
    board = case.test_board
    session = f.held_session(case, board)
    response = vote(board.chair, session, grade=5, months=months)
    assert response.status_code == expected
    if expected == 400:
        assert response.json()["code"] == "suspension_length"


@pytest.mark.rule("DIS-5")
@pytest.mark.parametrize(
    ("outcome", "grade", "months", "expected"),
    [
        ("acquittal", None, None, 200),
        ("acquittal", 2, None, 400),
        ("sanction", None, None, 400),
        ("sanction", 7, None, 400),
        ("sanction", 3, 6, 400),
        ("sanction", 6, None, 200),
    ],
)
def test_acquittal_or_one_of_the_six_grades(outcome, grade, months, expected):
    """DIS-5: acquittal, or a grade 1-6 with only the parameters it takes."""
    case = f.open_case()
    board = case.test_board
    session = f.held_session(case, board)
    assert vote(board.chair, session, outcome, grade, months).status_code == expected


@pytest.mark.rule("DIS-5")
def test_licence_sanctions_only_against_the_manager():
    """DIS-5: grades 5-6 act on the licence, which only the manager holds."""
    office = licensed_office()
    case = f.open_case(office=office, accused=office.people["clerk"][0])
    board = case.test_board
    session = f.held_session(case, board)
    response = vote(board.chair, session, grade=6)
    assert response.status_code == 400
    assert response.json()["code"] == "no_licence"
    assert vote(board.chair, session, grade=4).status_code == 200


def final_prior(office, grade, *, final_on):
    """A first case against the manager, ruled `grade` and final (through the sweep)."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(final_on - dt.timedelta(days=25), dt.time(10), tzinfo=tz)
    with time_machine.travel(start, tick=False):
        case = f.open_case(office=office, offence_date=final_on - dt.timedelta(days=40))
        r = f.ruling(case, grade=grade)
        f.serve(r)
    with time_machine.travel(start + dt.timedelta(days=22), tick=False):
        run_all()
    r.refresh_from_db()
    assert r.is_final
    return r


@pytest.mark.rule("DIS-9")
@pytest.mark.parametrize("grade", [1, 2])
def test_recidivist_sanction_not_higher_than_the_prior_final_one_is_refused_with_the_reason(grade):
    """DIS-9 (note 3 of art. 38): after a final grade-2 ruling, a new offence cannot be
    sanctioned with grade 1 or 2; the refusal says why; grade 3 is accepted."""
    office = licensed_office()
    prior = final_prior(office, 2, final_on=timezone.localdate() - dt.timedelta(days=30))
    case = f.open_case(office=office, offence_date=timezone.localdate() - dt.timedelta(days=5))
    board = case.test_board
    session = f.held_session(case, board)
    response = vote(board.chair, session, grade=grade)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "recidivism"
    assert "note 3 of article 38" in body["message"]
    assert prior.case.number in body["message"]
    assert "grade" in body["fields"]
    assert vote(board.chair, session, grade=3).status_code == 200


@pytest.mark.rule("DIS-9")
def test_no_recidivism_when_the_offence_came_before_the_prior_ruling_was_final():
    """DIS-9: only an offence committed AFTER the earlier ruling became final counts."""
    office = licensed_office()
    final_prior(office, 3, final_on=timezone.localdate() - dt.timedelta(days=10))
    case = f.open_case(office=office, offence_date=timezone.localdate() - dt.timedelta(days=20))
    board = case.test_board
    session = f.held_session(case, board)
    assert vote(board.chair, session, grade=1).status_code == 200


@pytest.mark.rule("DIS-9")
def test_recidivism_after_a_final_grade_4_requires_grade_5_or_6_and_acquittal_stays_possible():
    """DIS-9: after a final grade 4, only 5 or 6; an acquittal is not a sanction."""
    office = licensed_office()
    final_prior(office, 4, final_on=timezone.localdate() - dt.timedelta(days=30))
    case = f.open_case(office=office, offence_date=timezone.localdate() - dt.timedelta(days=2))
    board = case.test_board
    session = f.held_session(case, board)
    assert vote(board.judges[0], session, grade=4).status_code == 400
    assert vote(board.judges[0], session, outcome="acquittal", grade=None).status_code == 200
    assert vote(board.judges[1], session, grade=5, months=3).status_code == 200


@pytest.mark.rule("DIS-9")
def test_an_offence_on_the_day_the_prior_ruling_became_final_is_a_repeat_the_day_before_is_not():
    """DIS-9 (note 3 of art. 38): an offence on or after the day the earlier ruling became
    final is a repeat — on that very day too; the day before, it is not."""
    office = licensed_office()
    prior = final_prior(office, 2, final_on=timezone.localdate() - dt.timedelta(days=30))
    final_day = timezone.localdate(prior.final_at)
    on_the_day = f.open_case(office=office, offence_date=final_day)
    day_before = f.open_case(office=office, offence_date=final_day - dt.timedelta(days=1))
    assert selectors.minimum_grade(on_the_day) == (Grade.RECORDED_REPRIMAND, prior)
    assert selectors.minimum_grade(day_before) == (Grade.ORAL_WARNING, None)
    session = f.held_session(on_the_day, on_the_day.test_board)
    response = vote(on_the_day.test_board.chair, session, grade=2)
    assert response.status_code == 400
    assert response.json()["code"] == "recidivism"


@pytest.mark.rule("DIS-5")
@pytest.mark.rule("DIS-6")
def test_the_grades_know_which_act_on_the_licence_and_which_the_sanctioned_person_appeals():
    """DIS-5, DIS-6, DIS-8: grades 5 and 6 act on the licence and only they can be appealed;
    grade 4 is the published reprimand; grades 1-4 are those recidivism counts."""
    assert [g for g in Grade if g.acts_on_licence] == [Grade.SUSPENSION, Grade.REVOCATION]
    assert [g for g in Grade if g.appealable] == [5, 6]
    assert [g for g in Grade if g.published] == [Grade.PUBLISHED_REPRIMAND]
    assert Grade.below_licence() == [1, 2, 3, 4]
    assert Grade(5).label.startswith("Temporary suspension")


@pytest.mark.rule("DIS-4")
def test_no_attendance_before_the_hearings_time():
    """DIS-4: the chair cannot record attendance (so neither votes nor a ruling) for a hearing
    three days ahead: 409 `hearing_not_started`, nothing recorded; a member who is not the
    chair is refused as before (403), and a held session is in the wrong state (409)."""
    case = f.open_case()
    board = case.test_board
    session = f.schedule(case, board, days=3)
    url = f"/api/v1/discipline/sessions/{session.pk}/attendance/"
    present = {"present": [m.pk for m in board.members]}

    response = client_for(board.chair).post(url, present, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "hearing_not_started"
    session.refresh_from_db()
    assert session.status == "scheduled"
    assert not Attendance.objects.filter(session=session).exists()

    response = client_for(board.third).post(url, present, format="json")
    assert response.status_code == 403
    assert response.json()["code"] != "hearing_not_started"

    f.hearing_time_comes(session)
    response = client_for(board.chair).post(url, present, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "held"
    response = client_for(board.chair).post(url, present, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "wrong_state"
