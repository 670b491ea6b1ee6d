"""CAS-6: the clerk schedules hearings, every participant is served; a new time re-serves
everyone; the result is recorded; my hearings with filters and a personal .ics feed at an
unguessable, revocable address."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courts import services
from notices.models import Notice

pytestmark = pytest.mark.rule("CAS-6")


def _hearing_notices(case):
    return Notice.objects.filter(case_number=case.number, subject__icontains="hearing")


def test_scheduling_serves_every_participant_and_moving_reserves_them(
    the_case, clerk, party, opponent, lawyer, client_for
):
    api = client_for(clerk)
    when = timezone.now() + timedelta(days=10)
    response = api.post(
        f"/api/v1/courts/cases/{the_case.pk}/hearings/",
        {"starts_at": when.isoformat(), "room": "Room 4"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["status"] == "scheduled"
    hearing_id = response.json()["id"]
    served = {n.recipient_user_id for n in _hearing_notices(the_case)}
    assert served == {party.pk, opponent.pk, lawyer.pk}
    response = api.post(
        f"/api/v1/courts/cases/{the_case.pk}/hearings/{hearing_id}/reschedule/",
        {"starts_at": (when + timedelta(days=7)).isoformat(), "room": "Room 5"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["room"] == "Room 5"
    moved = _hearing_notices(the_case).filter(subject__icontains="new time")
    assert sorted(n.recipient_user_id for n in moved) == sorted([party.pk, opponent.pk, lawyer.pk])
    response = api.post(
        f"/api/v1/courts/cases/{the_case.pk}/hearings/{hearing_id}/result/",
        {"result": "Heard; decision reserved."},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "held"


def test_a_party_cannot_schedule(the_case, party, client_for):
    response = client_for(party).post(
        f"/api/v1/courts/cases/{the_case.pk}/hearings/",
        {"starts_at": (timezone.now() + timedelta(days=3)).isoformat(), "room": "R"},
        format="json",
    )
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert not the_case.hearings.exists()


def test_my_hearings_filters_and_the_personal_feed(
    the_case, clerk, party, stranger, client, client_for
):
    soon = services.hearing_schedule(
        actor=clerk, case_id=the_case.pk, starts_at=timezone.now() + timedelta(days=2), room="A"
    )
    later = services.hearing_schedule(
        actor=clerk,
        case_id=the_case.pk,
        starts_at=timezone.now() + timedelta(days=40),
        room="B",
    )
    api = client_for(party)
    rows = api.get("/api/v1/courts/hearings/").json()["results"]
    assert [r["id"] for r in rows] == [soon.pk, later.pk]
    until = (timezone.localdate() + timedelta(days=10)).isoformat()
    rows = api.get("/api/v1/courts/hearings/", {"until": until}).json()["results"]
    assert [r["id"] for r in rows] == [soon.pk]
    assert client_for(stranger).get("/api/v1/courts/hearings/").json()["results"] == []
    feed = services.feed_for(party)
    assert len(feed.token) >= 40
    body = client.get(f"/cases/feed/{feed.token}/")
    assert body.status_code == 200 and body["Content-Type"].startswith("text/calendar")
    text = body.content.decode()
    assert text.count("BEGIN:VEVENT") == 2 and f"UID:{soon.uid}@daftar" in text
    old = feed.token
    services.feed_renew(actor=party)
    assert client.get(f"/cases/feed/{old}/").status_code == 404
    assert client.get(f"/cases/feed/{services.feed_for(party).token}/").status_code == 200
