"""The screens: the board member's agenda and case page, the centre head's objection button,
the accused's case page with the appeal button only while the window is open."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from discipline.models import Case, Session
from tests.factories import discipline as f
from tests.factories.accounts import UserFactory
from tests.factories.licensing import centre_head

pytestmark = pytest.mark.django_db


def browser(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def page(user, case):
    return browser(user).get(f"/en/discipline/cases/{case.pk}/")


@pytest.mark.rule("DIS-4")
def test_board_member_agenda_and_the_chair_records_attendance_and_votes_on_the_page():
    """DIS-4: the agenda lists the coming hearing; the chair's page has the attendance form;
    members vote from the page."""
    case = f.open_case()
    board = case.test_board
    session = f.schedule(case, board)
    response = browser(board.third).get("/en/discipline/")
    assert response.status_code == 200
    assert case.number in response.content.decode()
    html = page(board.chair, case).content.decode()
    assert "Record attendance" in html
    assert "Record attendance" not in page(board.third, case).content.decode()
    f.hearing_time_comes(session)
    response = browser(board.chair).post(
        f"/en/discipline/cases/{case.pk}/attendance/",
        {"session": session.pk, "present": [m.pk for m in board.members]},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.HELD
    assert "Cast my vote" in page(board.third, case).content.decode()
    member = browser(board.third)
    response = member.post(
        f"/en/discipline/cases/{case.pk}/vote/",
        {
            "session": session.pk,
            "outcome": "sanction",
            "grade": "5",
            "suspension_months": "1",
            "reasons": "x",
        },
        follow=True,
    )
    assert "3 months to 2 years" in response.content.decode()  # the refusal, with its reason
    assert not session.votes.exists()


@pytest.mark.rule("DIS-6")
def test_accused_page_has_the_appeal_button_only_while_the_window_is_open():
    """DIS-6: the accused sees their case; the ruling's content only after service; the
    appeal button while the 20 days after service run."""
    case = f.open_case()
    ruling = f.ruling(case, grade=5, months=3)
    html = page(case.accused, case).content.decode()
    assert "Open the notice" in html
    assert "The board finds the violation proven." not in html
    assert f'action="/en/discipline/cases/{case.pk}/appeal/"' not in html
    f.serve(ruling)
    html = page(case.accused, case).content.decode()
    assert "The board finds the violation proven." in html
    assert f'action="/en/discipline/cases/{case.pk}/appeal/"' in html
    with time_machine.travel(timezone.now() + dt.timedelta(days=22)):
        html = page(case.accused, case).content.decode()
    assert f'action="/en/discipline/cases/{case.pk}/appeal/"' not in html
    response = browser(case.accused).post(
        f"/en/discipline/cases/{case.pk}/appeal/", {"grounds": "Too harsh."}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.APPEAL


@pytest.mark.rule("DIS-7")
def test_centre_head_objection_button():
    """DIS-7: the centre head's screen lists rulings open to objection; the button objects."""
    case = f.open_case()
    f.ruling(case, grade=1)
    head = centre_head()
    assert case.number in browser(head).get("/en/discipline/").content.decode()
    html = page(head, case).content.decode()
    assert f'action="/en/discipline/cases/{case.pk}/object/"' in html
    assert (
        f'action="/en/discipline/cases/{case.pk}/object/"'
        not in page(case.accused, case).content.decode()
    )
    browser(head).post(f"/en/discipline/cases/{case.pk}/object/", {"grounds": "Too lenient."})
    case.refresh_from_db()
    assert case.status == Case.Status.APPEAL


def test_others_get_404_and_the_ruling_pdf():
    case = f.open_case()
    ruling = f.ruling(case, grade=2)
    assert page(UserFactory(), case).status_code == 404
    assert page(f.board().chair, case).status_code == 404
    assert browser(case.accused).get(f"/en/discipline/rulings/{ruling.pk}/pdf/").status_code == 404
    response = browser(case.test_board.chair).get(f"/en/discipline/rulings/{ruling.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.rule("DIS-4")
def test_the_page_forms_are_checked_like_the_api_and_act_only_on_the_cases_own_hearings():
    """DIS-4: the page's forms go through the API's serializers — a hearing in the past is
    refused with its field's label and reason; attendance with no box ticked records an
    incomplete session (a form sends nothing for no box); a hearing of another case named in
    the form is 404."""
    case = f.open_case()
    board = case.test_board
    chair = browser(board.chair)
    response = chair.post(
        f"/en/discipline/cases/{case.pk}/schedule/",
        {"scheduled_for": "2001-01-01T10:00", "place": "Hall 2"},
        follow=True,
    )
    assert "Date and time: A hearing is scheduled in the future." in response.content.decode()
    assert not case.sessions.exists()
    when = timezone.localtime(timezone.now() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = chair.post(
        f"/en/discipline/cases/{case.pk}/schedule/", {"scheduled_for": when, "place": "Hall 2"}
    )
    assert response.status_code == 302
    [session] = case.sessions.all()
    assert session.place == "Hall 2" and session.summons_id is not None
    other = f.open_case(first_board=board)
    response = chair.post(f"/en/discipline/cases/{other.pk}/attendance/", {"session": session.pk})
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED
    response = chair.post(
        f"/en/discipline/cases/{case.pk}/attendance/", {"session": session.pk}, follow=True
    )
    assert "The hearing has not started" in response.content.decode()  # two days ahead
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED
    f.hearing_time_comes(session)
    response = chair.post(f"/en/discipline/cases/{case.pk}/attendance/", {"session": session.pk})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.INCOMPLETE
    assert not session.attendance.filter(present=True).exists()
