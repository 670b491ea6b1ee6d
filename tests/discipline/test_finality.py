"""Service, appeal, objection, finality and enforcement (DIS-6, DIS-7, DIS-8).

The clocks run from stored timestamps: the appeal window from the SERVICE of the ruling's
notice (first view, or deemed service), the objection window from the issue; the sweep makes a
ruling final at the moment its windows closed and enforces it, once."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from core.sweeping import run_all
from discipline import selectors
from discipline.models import Case, Challenge, Outcome, Ruling
from licensing.models import Licence
from tests.discipline.conftest import log_rows
from tests.factories import discipline as f
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import centre_head

pytestmark = pytest.mark.django_db
TZ = ZoneInfo(settings.TIME_ZONE)
DAY0 = dt.datetime(2025, 3, 3, 10, 0, tzinfo=TZ)


def day(n, hour=12):
    return (DAY0 + dt.timedelta(days=n)).replace(hour=hour, minute=0)


def at(moment):
    return time_machine.travel(moment, tick=False)


def issued(grade=5, months=6, outcome=Outcome.SANCTION, serve_on=0):
    """A first-instance ruling issued on day 0 and, unless `serve_on` is None, served (opened
    by the accused) on day `serve_on`."""
    with at(DAY0):
        case = f.open_case()
        r = f.ruling(
            case,
            outcome=outcome,
            grade=None if outcome == Outcome.ACQUITTAL else grade,
            months=months if grade == 5 and outcome == Outcome.SANCTION else None,
        )
    if serve_on is not None:
        with at(day(serve_on, 9)):
            f.serve(r)
    return case, r


def appeal(case, when):
    with at(when):
        return client_for(case.accused).post(
            f"/api/v1/discipline/cases/{case.pk}/appeal/", {"grounds": "Disproportionate."}
        )


@pytest.mark.rule("DIS-6")
@pytest.mark.parametrize(("on_day", "expected"), [(1, 201), (20, 201), (21, 409)])
def test_grade_5_can_be_appealed_until_20_days_after_service_and_not_after(on_day, expected):
    """DIS-6: a grade-5 ruling served on day 0 can be appealed on day 20, not on day 21."""
    case, r = issued(grade=5)
    response = appeal(case, day(on_day, 23))
    assert response.status_code == expected, response.content
    case.refresh_from_db()
    if expected == 201:
        assert case.status == Case.Status.APPEAL
        assert Challenge.objects.filter(ruling=r, kind="appeal").count() == 1
    else:
        assert response.json()["code"] == "appeal_window_closed"
        assert case.status == Case.Status.RULED
        assert not Challenge.objects.exists()


@pytest.mark.rule("DIS-6")
@pytest.mark.parametrize(("on_day", "expected"), [(24, 201), (25, 201), (26, 409)])
def test_the_clock_starts_at_first_view_not_at_issue(on_day, expected):
    """DIS-6, NOT-4: issued on day 0 but first viewed on day 5: still appealable on day 24 and
    on day 25 (the 20th day after service), not on day 26."""
    case, r = issued(grade=6, serve_on=5)
    assert selectors.appeal_window(r).last_day == day(25).date()
    assert appeal(case, day(on_day, 20)).status_code == expected


@pytest.mark.rule("DIS-6")
def test_a_ruling_issued_but_not_served_starts_no_clock():
    """DIS-6: before service the accused cannot appeal ("not served") and the sweep does not
    make the ruling final; deemed service (NOT-5, 10 days) starts the 20 days."""
    case, r = issued(grade=5, serve_on=None)
    response = appeal(case, day(9))
    assert response.status_code == 409
    assert response.json()["code"] == "not_served"
    with at(day(9)):
        assert run_all(only=["discipline.finality"]) == {"discipline.finality": 0}
    # Deemed served at the end of day 10's period: the window runs to day 30.
    with at(day(29)):
        run_all()
    r.refresh_from_db()
    assert r.status == Ruling.Status.ISSUED
    assert appeal(case, day(30, 22)).status_code == 201


@pytest.mark.rule("DIS-6")
@pytest.mark.rule("DIS-7")
def test_grade_3_cannot_be_appealed_but_the_centre_head_can_object():
    """DIS-6: grades 1-4 are final for the sanctioned person; DIS-7: the centre head may
    object to them, and the case goes to the appeal board."""
    case, r = issued(grade=3)
    response = appeal(case, day(2))
    assert response.status_code == 409
    assert response.json()["code"] == "not_appealable"
    head = centre_head()
    with at(day(3)):
        response = client_for(head).post(
            f"/api/v1/discipline/cases/{case.pk}/object/", {"grounds": "Too lenient."}
        )
    assert response.status_code == 201, response.content
    case.refresh_from_db()
    r.refresh_from_db()
    assert case.status == Case.Status.APPEAL
    assert r.status == Ruling.Status.CHALLENGED
    assert [x.actor for x in log_rows(case, "object")] == [head]


@pytest.mark.rule("DIS-7")
def test_the_centre_head_can_object_to_an_acquittal():
    """DIS-7: ANY first-instance ruling, acquittals included."""
    case, r = issued(outcome=Outcome.ACQUITTAL)
    with at(day(5)):
        response = client_for(centre_head()).post(
            f"/api/v1/discipline/cases/{case.pk}/object/", {"grounds": "The evidence was clear."}
        )
    assert response.status_code == 201
    case.refresh_from_db()
    assert case.status == Case.Status.APPEAL


@pytest.mark.rule("DIS-7")
@pytest.mark.parametrize(("on_day", "expected"), [(20, 201), (21, 409)])
def test_the_objection_window_is_a_setting_counted_from_issue(on_day, expected):
    """DIS-7: OBJECTION_DAYS (default 20) from the issue of the ruling."""
    assert settings.DISCIPLINE["OBJECTION_DAYS"] == 20
    case, _r = issued(grade=2)
    with at(day(on_day, 23)):
        response = client_for(centre_head()).post(
            f"/api/v1/discipline/cases/{case.pk}/object/", {"grounds": "Too lenient."}
        )
    assert response.status_code == expected
    if expected == 409:
        assert response.json()["code"] == "objection_window_closed"


@pytest.mark.rule("DIS-7")
def test_objection_window_follows_the_setting(settings):
    """DIS-7: the objection window is a setting."""
    settings.DISCIPLINE = {**settings.DISCIPLINE, "OBJECTION_DAYS": 5}
    case, _r = issued(grade=2)
    with at(day(6)):
        response = client_for(centre_head()).post(
            f"/api/v1/discipline/cases/{case.pk}/object/", {"grounds": "Late."}
        )
    assert response.status_code == 409


@pytest.mark.rule("DIS-8")
@pytest.mark.rule("DIS-6")
def test_sweep_makes_grade_5_final_after_the_window_and_suspends_the_licence_until_the_end():
    """DIS-8: the licence is suspended only when the ruling becomes final — after the appeal
    window (served on day 0: through day 20) — until the end of the suspension, and is
    reinstated when the suspension ends. The sweep is idempotent."""
    case, r = issued(grade=5, months=6)
    licence = Licence.objects.get(office=case.office)
    with at(day(20, 23)):
        assert run_all(only=["discipline.finality"])["discipline.finality"] == 0
    licence.refresh_from_db()
    assert licence.status == Licence.Status.ACTIVE
    with at(day(23)):  # a late sweep
        assert run_all(only=["discipline.finality"])["discipline.finality"] == 1
        assert run_all(only=["discipline.finality"])["discipline.finality"] == 0
        call_command("sweep", only=["discipline.finality"])
    r.refresh_from_db()
    case.refresh_from_db()
    licence.refresh_from_db()
    assert r.status == Ruling.Status.ENFORCED
    # Final at the moment the window closed (midnight after day 20), not when the sweep ran.
    assert r.final_at == dt.datetime.combine(day(21).date(), dt.time.min, tzinfo=TZ)
    assert case.status == Case.Status.CLOSED
    assert licence.status == Licence.Status.SUSPENDED
    assert licence.suspended_until == dt.date(2025, 9, 24)
    assert r.suspension_ends_on == licence.suspended_until
    assert len(log_rows(r, "finalise")) == 1
    assert len(log_rows(r, "enforce")) == 1
    assert len(log_rows(licence, "suspend")) == 1
    # The appeal is closed now.
    assert appeal(case, day(24)).status_code == 409
    # On the end date the licence is active again (LIC-6 sweep).
    with at(dt.datetime(2025, 9, 24, 1, 0, tzinfo=TZ)):
        run_all()
    licence.refresh_from_db()
    assert licence.status == Licence.Status.ACTIVE


@pytest.mark.rule("DIS-8")
def test_grade_6_revokes_the_licence_when_final():
    """DIS-8: grade 6 revokes the licence on finality."""
    case, r = issued(grade=6)
    licence = Licence.objects.get(office=case.office)
    with at(day(22)):
        run_all()
    licence.refresh_from_db()
    assert licence.status == Licence.Status.REVOKED


@pytest.mark.rule("DIS-8")
def test_grade_4_is_published_only_once_final():
    """DIS-8, CMS-4: the reprimand appears in the public list only once final, with only what
    the publication needs."""
    case, r = issued(grade=4)
    api = client_for(None)
    assert api.get("/api/v1/discipline/reprimands/").json()["count"] == 0
    with at(day(21, 1)):
        run_all()
        response = api.get("/api/v1/discipline/reprimands/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert len(rows) == 1
    assert set(rows[0]) == {
        "id",
        "name",
        "office_code",
        "office_name",
        "violations",
        "sanction",
        "final_on",
    }
    assert rows[0]["office_code"] == case.office.code
    assert case.accused.national_id not in response.content.decode()


@pytest.mark.rule("DIS-8")
@pytest.mark.parametrize("grade", [1, 2, 3])
def test_grades_1_to_3_go_in_the_office_file_when_final(grade):
    """DIS-8: grades 1-3 are recorded in the office's file, once final."""
    case, r = issued(grade=grade)
    gd = f.gd()
    url = f"/api/v1/discipline/office-records/?office={case.office.pk}"
    assert client_for(gd).get(url).json()["count"] == 0
    with at(day(21, 1)):
        run_all()
    rows = client_for(gd).get(url).json()["results"]
    assert [(x["grade"], x["enforcement"]) for x in rows] == [
        (grade, "Recorded in the office's file.")
    ]
    assert client_for(UserFactory()).get(url).status_code == 404


@pytest.mark.rule("DIS-8")
def test_an_acquittal_becomes_final_with_nothing_to_enforce():
    """DIS-8: final when the objection window closes; nothing to enforce."""
    case, r = issued(outcome=Outcome.ACQUITTAL)
    with at(day(21, 1)):
        run_all()
    r.refresh_from_db()
    assert r.status == Ruling.Status.FINAL


@pytest.mark.rule("DIS-7")
@pytest.mark.rule("DIS-8")
def test_the_appeal_board_hears_and_its_ruling_is_final_and_enforced():
    """DIS-7, DIS-8: after an appeal, the GD puts the case before an appeal board; its ruling
    is final at once, replaces the first one and is enforced."""
    case, first = issued(grade=5, months=3)
    assert appeal(case, day(3)).status_code == 201
    appeal_board = f.appeal_board()
    with at(day(4)):
        response = client_for(f.gd()).post(
            f"/api/v1/discipline/cases/{case.pk}/assign-appeal-board/", {"board": appeal_board.pk}
        )
        assert response.status_code == 200, response.content
        case.refresh_from_db()
        second = f.ruling(case, appeal_board, grade=5, months=12)
    second.refresh_from_db()
    first.refresh_from_db()
    case.refresh_from_db()
    assert second.status == Ruling.Status.ENFORCED
    assert first.status == Ruling.Status.SUPERSEDED
    assert case.status == Case.Status.CLOSED
    licence = Licence.objects.get(office=case.office)
    assert licence.status == Licence.Status.SUSPENDED
    assert licence.suspended_until == dt.date(2026, 3, 7)
    # The sweep does not touch it again.
    with at(day(40)):
        assert run_all(only=["discipline.finality"])["discipline.finality"] == 0
