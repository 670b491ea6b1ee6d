"""One case from a lawyer's complaint to an enforced suspension, through the API, with the
full timeline (DIS-1 … DIS-8, DIS-13)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings

from core.sweeping import run_all
from discipline.models import Case, Ruling
from licensing.models import Licence
from tests.factories import discipline as f
from tests.factories.clients import client_for
from tests.factories.licensing import licensed_office

pytestmark = pytest.mark.django_db
TZ = ZoneInfo(settings.TIME_ZONE)
T0 = dt.datetime(2025, 5, 4, 9, 0, tzinfo=TZ)
API = "/api/v1/discipline"


def at(days, hour=10):
    return time_machine.travel((T0 + dt.timedelta(days=days)).replace(hour=hour), tick=False)


@pytest.mark.rule("DIS-1")
@pytest.mark.rule("DIS-4")
@pytest.mark.rule("DIS-6")
@pytest.mark.rule("DIS-8")
@pytest.mark.rule("DIS-13")
def test_from_complaint_to_enforced_suspension_with_the_full_timeline():
    """DIS-13: every step — opening, hearing scheduling, attendance, votes, ruling, service,
    finality, enforcement — is in the case's history with actor, time and reason."""
    with at(0):
        office = licensed_office()
        complaint = f.forwarded_complaint(office)
        board = f.board()
        gd = f.gd()
        response = client_for(gd).post(
            f"{API}/cases/",
            {
                "source": "complaint",
                "complaint": complaint.pk,
                "complainant_kind": "lawyer",
                "office": office.code,
                "accused": office.manager.national_id,
                "violations": [12],
                "allegation": "Charged twice the fee for a petition.",
                "offence_date": "2025-04-20",
                "board": board.pk,
            },
            format="json",
        )
        assert response.status_code == 201, response.content
        case_id = response.json()["id"]
        chair = client_for(board.chair)
        session = chair.post(
            f"{API}/cases/{case_id}/sessions/",
            {"scheduled_for": "2025-05-10T09:00:00+03:30", "place": "Hall 1"},
        ).json()
    with at(6):
        response = chair.post(
            f"{API}/sessions/{session['id']}/attendance/",
            {"present": [m.pk for m in board.members]},
            format="json",
        )
        assert response.json()["status"] == "held"
        for member in board.members:
            response = client_for(member).post(
                f"{API}/sessions/{session['id']}/vote/",
                {"outcome": "sanction", "grade": 5, "suspension_months": 4, "reasons": "Proven."},
                format="json",
            )
            assert response.status_code == 200, response.content
        ruling = chair.post(
            f"{API}/sessions/{session['id']}/ruling/", {"text": "Suspended for four months."}
        ).json()
        assert chair.post(f"{API}/rulings/{ruling['id']}/issue/").status_code == 200
    accused = client_for(office.manager)
    with at(8):
        # The accused sees the case, but not the ruling's content before opening its notice.
        body = accused.get(f"{API}/cases/{case_id}/").json()
        assert body["rulings"][0]["text"] is None
        assert body["rulings"][0]["appeal_window"]["started"] is False
        notice_id = Ruling.objects.get(pk=ruling["id"]).notice_id
        assert accused.post(f"/api/v1/notices/{notice_id}/view/").status_code == 200
        body = accused.get(f"{API}/cases/{case_id}/").json()
        assert body["rulings"][0]["text"] == "Suspended for four months."
        assert body["rulings"][0]["appeal_window"]["open"] is True
        assert "appeal" in body["actions"]
    licence = Licence.objects.get(office=office)
    with at(20):
        run_all()
        licence.refresh_from_db()
        assert licence.status == Licence.Status.ACTIVE  # not final yet: no enforcement
    with at(29, 1):
        run_all()
    licence.refresh_from_db()
    assert licence.status == Licence.Status.SUSPENDED
    assert licence.suspended_until == dt.date(2025, 10, 2)
    case = Case.objects.get(pk=case_id)
    assert case.status == Case.Status.CLOSED
    with at(29, 2):
        history = client_for(gd).get(f"{API}/cases/{case_id}/history/").json()
        timeline = client_for(gd).get(f"/api/v1/audit/timeline/discipline.case/{case_id}/")
    assert timeline.status_code == 200
    steps = [(e["object"], e["action"]) for e in history]
    for step in [
        ("case", "open"),
        ("case", "schedule_hearing"),
        ("session", "record_attendance"),
        ("session", "vote"),
        ("vote", "recorded"),
        ("attendance", "recorded"),
        ("session", "conclude"),
        ("ruling", "issue"),
        ("case", "rule"),
        ("notice", "serve_on_first_view"),
        ("ruling", "finalise"),
        ("case", "finalise"),
        ("ruling", "enforce"),
    ]:
        assert step in steps, step
    assert steps.count(("session", "vote")) == 3
    for entry in history:
        assert entry["time"] and entry["actor"]["name"]
    by_action = {(e["object"], e["action"]): e for e in history}
    assert by_action[("case", "open")]["actor"]["id"] == gd.pk
    assert by_action[("notice", "serve_on_first_view")]["actor"]["id"] == office.manager.pk
    assert by_action[("ruling", "enforce")]["reason"].startswith("Licence")
    assert "Hall 1" in by_action[("case", "schedule_hearing")]["reason"]
    # The accused's view of the same history does not show how each member voted.
    with at(29, 3):
        mine = client_for(office.manager).get(f"{API}/cases/{case_id}/history/").json()
    assert all(e["reason"] == "" for e in mine if e["object"] == "vote")
    # Nothing is ever deleted: history rows of every record remain.
    assert Case.history.filter(id=case_id).count() >= 2
