"""Inspections by the Association (ASC-2) and complaints it receives (ASC-3)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from licensing import association as association_services
from licensing import selectors
from licensing.models import Complaint, Inspection
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import association, centre_head, licensing_staff
from tests.factories.offices import PDF_BYTES, OfficeFactory
from tests.licensing.conftest import log_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    assoc = association()
    board = UserFactory()
    association_services.board_appoint(
        actor=centre_head(), association_id=assoc.pk, user=board, seat="office_manager"
    )
    board = type(board).objects.get(pk=board.pk)
    inspector = UserFactory()
    association_services.inspector_add(actor=board, association_id=assoc.pk, user=inspector)
    return {"association": assoc, "board": board, "inspector": inspector, "office": OfficeFactory()}


def plan(setup, kind="periodic"):
    response = client_for(setup["board"]).post(
        "/api/v1/licensing/inspections/",
        {
            "office": setup["office"].code,
            "kind": kind,
            "inspector": setup["inspector"].national_id,
            "scheduled_for": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 201, response.json()
    return Inspection.objects.get(pk=response.json()["id"])


def report_payload(**extra):
    return {
        "findings": "The fee schedule was not displayed.",
        "reasoning": "Seen at the counter; photo attached.",
        "manager_cooperated": True,
        "recommends_discipline": True,
        "documents": [SimpleUploadedFile("photo.pdf", PDF_BYTES, content_type="application/pdf")],
        **extra,
    }


@pytest.mark.rule("ASC-2")
def test_inspector_files_a_reasoned_documented_report_that_can_open_a_case(setup):
    """ASC-2 (art. 33): the board plans a periodic or ad hoc inspection; the inspector files a
    reasoned report with documents to the GD; a report flagged for discipline is listed for the
    discipline app until a case is recorded."""
    inspection = plan(setup, "ad_hoc")
    url = f"/api/v1/licensing/inspections/{inspection.pk}/report/"
    inspector = client_for(setup["inspector"])
    no_documents = report_payload(documents=[])
    no_documents.pop("documents")
    response = inspector.post(url, no_documents, format="multipart")
    assert response.status_code == 400
    response = inspector.post(url, report_payload(), format="multipart")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "reported" and body["documents"] == ["photo.pdf"]
    assert list(selectors.inspection_reports_for_discipline()) == [inspection]
    staff = client_for(licensing_staff())
    assert staff.get(f"/api/v1/licensing/inspections/{inspection.pk}/").status_code == 200
    refer = staff.post(
        f"/api/v1/licensing/inspections/{inspection.pk}/refer/", {"case_reference": "D-1404-7"}
    )
    assert refer.json()["status"] == "referred"
    assert list(selectors.inspection_reports_for_discipline()) == []


@pytest.mark.rule("ASC-2")
@pytest.mark.parametrize(
    ("endpoint", "start", "allowed", "forbidden", "payload", "target"),
    [
        ("report", "planned", "inspector", "board", "report", "reported"),
        ("review", "reported", "staff", "inspector", {"notes": "Noted."}, "reviewed"),
        ("refer", "reported", "staff", "inspector", {"case_reference": "D-9"}, "referred"),
    ],
)
def test_inspection_transitions(setup, endpoint, start, allowed, forbidden, payload, target):
    """ASC-2: each step by its actor only (403 for others who see the inspection, 404 for
    strangers, nothing changes), one log row, 409 in a wrong state."""
    inspection = plan(setup)
    if start == "reported":
        association_services.inspection_report(
            actor=setup["inspector"],
            inspection_id=inspection.pk,
            findings="f",
            reasoning="r",
            manager_cooperated=False,
            documents=[SimpleUploadedFile("a.pdf", PDF_BYTES)],
        )
    people = {
        "inspector": setup["inspector"],
        "board": setup["board"],
        "staff": licensing_staff(),
    }
    url = f"/api/v1/licensing/inspections/{inspection.pk}/{endpoint}/"

    def send(user):
        if payload == "report":
            return client_for(user).post(url, report_payload(), format="multipart")
        return client_for(user).post(url, payload)

    assert send(UserFactory()).status_code == 404
    assert send(people[forbidden]).status_code == 403
    inspection.refresh_from_db()
    assert inspection.status == start
    count = len(log_rows(inspection))
    response = send(people[allowed])
    assert response.status_code == 200 and response.json()["status"] == target
    assert len(log_rows(inspection)) == count + 1
    assert send(people[allowed]).status_code == 409


@pytest.mark.rule("ASC-3")
def test_complaint_goes_to_the_association_serving_the_office_and_to_the_gd(setup):
    """ASC-3 (art. 28-e): a complaint about an office reaches the Association serving its
    province; the board reports it to the GD with findings; it is then listed for the
    discipline app; the complainant follows it; other people see nothing."""
    citizen = UserFactory()
    response = client_for(citizen).post(
        "/api/v1/licensing/complaints/",
        {"office": setup["office"].code, "subject": "Overcharged", "body": "Asked twice the fee."},
    )
    assert response.status_code == 201
    complaint = Complaint.objects.get(pk=response.json()["id"])
    assert complaint.association == setup["association"]
    forward = client_for(setup["board"]).post(
        f"/api/v1/licensing/complaints/{complaint.pk}/forward/",
        {"findings": "Receipts confirm the overcharge (art. 37-12)."},
    )
    assert forward.json()["status"] == "forwarded"
    assert list(selectors.complaints_for_discipline()) == [complaint]
    assert (
        client_for(citizen).get(f"/api/v1/licensing/complaints/{complaint.pk}/").json()["status"]
        == "forwarded"
    )
    assert (
        client_for(UserFactory()).get(f"/api/v1/licensing/complaints/{complaint.pk}/").status_code
        == 404
    )


@pytest.mark.rule("ASC-3")
@pytest.mark.parametrize(
    ("endpoint", "start", "allowed", "forbidden", "payload", "target"),
    [
        ("forward", "received", "board", "complainant", {"findings": "Confirmed."}, "forwarded"),
        ("dismiss", "received", "board", "complainant", {"findings": "Unfounded."}, "dismissed"),
        ("refer", "forwarded", "staff", "board", {"case_reference": "D-3"}, "referred"),
    ],
)
def test_complaint_transitions(setup, endpoint, start, allowed, forbidden, payload, target):
    """ASC-3: each step by its actor only (403/404 for others, nothing changes), one log row,
    409 in a wrong state."""
    complainant = UserFactory()
    complaint = association_services.complaint_file(
        actor=complainant, office_id=setup["office"].pk, subject="s", body="b"
    )
    if start == "forwarded":
        association_services.complaint_forward(
            actor=setup["board"], complaint_id=complaint.pk, findings="f"
        )
    people = {"board": setup["board"], "complainant": complainant, "staff": licensing_staff()}
    url = f"/api/v1/licensing/complaints/{complaint.pk}/{endpoint}/"
    assert client_for(UserFactory()).post(url, payload).status_code == 404
    assert client_for(people[forbidden]).post(url, payload).status_code == 403
    complaint.refresh_from_db()
    assert complaint.status == start
    count = len(log_rows(complaint))
    response = client_for(people[allowed]).post(url, payload)
    assert response.status_code == 200 and response.json()["status"] == target
    assert len(log_rows(complaint)) == count + 1
    assert client_for(people[allowed]).post(url, payload).status_code == 409


@pytest.mark.rule("ASC-2")
def test_board_of_another_association_cannot_plan_or_see(setup):
    """ASC-2: another Association's board member cannot plan an inspection of this office."""
    other = association("isfahan")
    member = UserFactory()
    association_services.board_appoint(
        actor=centre_head(), association_id=other.pk, user=member, seat="judge"
    )
    member = type(member).objects.get(pk=member.pk)
    response = client_for(member).post(
        "/api/v1/licensing/inspections/",
        {
            "office": setup["office"].code,
            "kind": "periodic",
            "inspector": setup["inspector"].national_id,
            "scheduled_for": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 403
