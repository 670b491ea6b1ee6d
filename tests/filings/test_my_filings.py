"""My filings with search and filters, and each filing's full timeline (FIL-11)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from filings.models import Kind
from tests.factories import filings as ff
from tests.factories.notices import BranchFactory

pytestmark = [pytest.mark.django_db, pytest.mark.rule("FIL-11")]


def ids(response):
    return sorted(row["id"] for row in response.json()["results"])


def test_filters_status_kind_court_date_and_search(filer, court, office, stranger, client_for):
    other_court = BranchFactory()
    brief = ff.sent(filer, court=court, office=office)
    request = ff.draft(filer, court=other_court, kind=Kind.REQUEST)
    ff.draft(stranger, court=court)
    api = client_for(filer)
    assert ids(api.get("/api/v1/filings/")) == sorted([brief.pk, request.pk])
    assert ids(api.get("/api/v1/filings/?status=sent")) == [brief.pk]
    assert ids(api.get("/api/v1/filings/?kind=request")) == [request.pk]
    assert ids(api.get(f"/api/v1/filings/?court={other_court.code}")) == [request.pk]
    today = brief.created_at.date().isoformat()
    assert ids(api.get(f"/api/v1/filings/?sent_from={today}")) == [brief.pk]
    assert ids(api.get("/api/v1/filings/?created_to=2000-01-01")) == []
    assert ids(api.get(f"/api/v1/filings/?q={brief.tracking_code}")) == [brief.pk]


def test_the_list_uses_a_constant_number_of_queries(filer, court, client_for):
    api = client_for(filer)
    ff.draft(filer, court=court)
    with CaptureQueriesContext(connection) as one:
        api.get("/api/v1/filings/")
    for _ in range(4):
        ff.draft(filer, court=court, kind=Kind.REQUEST)
    with CaptureQueriesContext(connection) as five:
        response = api.get("/api/v1/filings/")
    assert response.json()["count"] == 5
    assert len(five) == len(one)


def test_the_full_timeline(filer, court, office, staff, clerk, stranger, client_for):
    """FIL-11: every step, transition, signature and payment, with actors and reasons; the
    filing's timeline answers 404 to anyone who may not see it."""
    filing = ff.forwarded(filer, court=court, office=office, staff=staff)
    api = client_for(filer)
    entries = api.get(f"/api/v1/filings/{filing.pk}/timeline/").json()
    actions = [e["action"] for e in entries]
    for expected in ("created", "prepare", "signed", "send", "verify", "forward"):
        assert expected in actions
    assert any(a.startswith("payment online: succeeded") for a in actions)
    verify = next(e for e in entries if e["action"] == "verify")
    assert verify["actor"]["id"] == staff.pk
    times = [e["time"] for e in entries]
    assert times == sorted(times)
    assert client_for(stranger).get(f"/api/v1/filings/{filing.pk}/timeline/").status_code == 404
    audit = api.get(f"/api/v1/audit/timeline/filings.filing/{filing.pk}/")
    assert audit.status_code == 200
    assert (
        client_for(stranger).get(f"/api/v1/audit/timeline/filings.filing/{filing.pk}/").status_code
        == 404
    )
