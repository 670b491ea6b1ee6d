"""Opening cases (DIS-1), the catalogue (DIS-12), who sees what, withdrawal (DIS-10) and
criminal referral (DIS-11)."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.roles import Role
from discipline.models import Case, Violation
from licensing.models import Complaint, Inspection
from tests.discipline.conftest import log_rows
from tests.factories import discipline as f
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import centre_head, licensed_office

pytestmark = pytest.mark.django_db
URL = "/api/v1/discipline/cases/"


def payload(office, board, **extra):
    data = {
        "source": "gd",
        "office": office.code,
        "accused": office.manager.national_id,
        "violations": [2, 6],
        "allegation": "Absent in office hours; no receipts given.",
        "offence_date": (timezone.localdate() - dt.timedelta(days=3)).isoformat(),
        "board": board.pk,
    }
    data.update(extra)
    return data


@pytest.mark.rule("DIS-12")
def test_the_catalogue_has_the_fourteen_violations_of_article_37_in_persian_and_english():
    """DIS-12: 14 items, in the article's Persian wording and in English; public."""
    response = client_for(None).get("/api/v1/discipline/violations/")
    assert response.status_code == 200
    rows = response.json()
    assert [r["number"] for r in rows] == list(range(1, 15))
    assert rows[0]["title_fa"] == "عدم نصب هزینه خدمات در محل مناسب"
    assert rows[8]["title_en"] == "Not cooperating with inspectors"
    assert all(r["title_fa"] and r["title_en"] for r in rows)
    assert Violation.objects.count() == 14


@pytest.mark.rule("DIS-1")
def test_the_gd_opens_a_case_against_the_manager_citing_violations():
    """DIS-1: opened by the GD against an office and its manager, citing violations; logged."""
    office, board = licensed_office(), f.board()
    gd = f.gd()
    response = client_for(gd).post(URL, payload(office, board), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "first_instance"
    assert len(body["number"]) == 16
    assert body["accused_role"] == "manager"
    assert [v["number"] for v in body["violations"]] == [2, 6]
    case = Case.objects.get(pk=body["id"])
    [row] = log_rows(case)
    assert (row.transition, row.actor, row.target) == ("open", gd, "first_instance")


@pytest.mark.rule("DIS-1")
def test_a_case_against_a_staff_member():
    """DIS-1: against the office's staff as well as its manager."""
    office = licensed_office()
    clerk = office.people["clerk"][0]
    response = client_for(f.gd()).post(
        URL, payload(office, f.board(), accused=clerk.national_id), format="json"
    )
    assert response.status_code == 201
    assert response.json()["accused_role"] == "staff"


@pytest.mark.rule("DIS-1")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"violations": []}, "violations"),
        ({"violations": [15]}, "violations"),
        ({"accused": None}, "accused"),
        ({"offence_date": "2999-01-01"}, "offence_date"),
    ],
)
def test_refused_without_violations_or_against_someone_outside_the_office(change, field):
    """DIS-1: at least one violation of the catalogue; the accused is the manager or staff."""
    office = licensed_office()
    if change.get("accused", 1) is None:
        change = {"accused": UserFactory().national_id}
    response = client_for(f.gd()).post(URL, payload(office, f.board(), **change), format="json")
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not Case.objects.exists()


@pytest.mark.rule("DIS-1")
def test_opened_on_a_complaint_forwarded_by_the_association():
    """DIS-1, ASC-3: a lawyer's complaint, forwarded by the Association, opens a case; the
    complaint records the case number."""
    office = licensed_office()
    complaint = f.forwarded_complaint(office)
    response = client_for(f.gd()).post(
        URL,
        payload(
            office, f.board(), source="complaint", complaint=complaint.pk, complainant_kind="lawyer"
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REFERRED
    assert complaint.case_reference == response.json()["number"]


@pytest.mark.rule("DIS-1")
def test_opened_on_a_public_complaint_received_directly():
    """DIS-1: a member of the public's complaint received by the GD."""
    office = licensed_office()
    person = UserFactory(roles=[Role.PARTY])
    response = client_for(f.gd()).post(
        URL,
        payload(
            office,
            f.board(),
            source="complaint",
            complainant=person.national_id,
            complainant_kind="public",
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    case = Case.objects.get(pk=response.json()["id"])
    assert (case.source, case.complainant, case.complainant_kind) == ("complaint", person, "public")
    assert case.complaint is None and case.status == Case.Status.FIRST_INSTANCE


@pytest.mark.rule("DIS-1")
def test_opened_on_an_inspection_report():
    """DIS-1, ASC-2: an inspection report flagged for discipline opens a case."""
    office = licensed_office()
    inspection = f.inspection_report(office)
    response = client_for(f.gd()).post(
        URL,
        payload(office, f.board(), source="inspection", inspection=inspection.pk),
        format="json",
    )
    assert response.status_code == 201, response.content
    inspection.refresh_from_db()
    assert inspection.status == Inspection.Status.REFERRED


@pytest.mark.rule("DIS-1")
@pytest.mark.parametrize("who", ["centre_head", "board_member", "party", "manager"])
def test_only_the_gd_opens_cases(who):
    """DIS-1: others are refused (403) and nothing is created."""
    office, board = licensed_office(), f.board()
    actor = {
        "centre_head": centre_head,
        "board_member": lambda: board.chair,
        "party": lambda: UserFactory(roles=[Role.PARTY]),
        "manager": lambda: office.manager,
    }[who]()
    response = client_for(actor).post(URL, payload(office, board), format="json")
    assert response.status_code == 403
    assert not Case.objects.exists()


def test_who_sees_a_case():
    """Object scope (§1): the case's board members, the accused and the regulators see it;
    another board's members and strangers get 404."""
    case = f.open_case()
    other = f.board()
    for user in (case.test_board.chair, case.test_board.third, case.accused, f.gd(), centre_head()):
        assert client_for(user).get(f"{URL}{case.pk}/").status_code == 200
    for user in (other.chair, UserFactory(), case.office.people["clerk"][0]):
        assert client_for(user).get(f"{URL}{case.pk}/").status_code == 404
        assert client_for(user).get(URL).json()["count"] == 0
    assert client_for(None).get(f"{URL}{case.pk}/").status_code in (401, 403)


@pytest.mark.rule("DIS-10")
def test_withdrawal_of_the_complaint_is_recorded_and_the_case_goes_on():
    """DIS-10 (note 2 of art. 38): recorded with reason; the case continues; a sanction must
    then say how it was mitigated."""
    case = f.open_case(source=Case.Source.COMPLAINT)
    gd = f.gd()
    response = client_for(gd).post(f"{URL}{case.pk}/withdrawal/", {"note": "Letter of 3 Mehr."})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == Case.Status.FIRST_INSTANCE
    assert case.complaint_withdrawn_at is not None
    [row] = log_rows(case, "record_withdrawal")
    assert row.actor == gd and "Letter of 3 Mehr." in row.reason
    assert client_for(gd).post(f"{URL}{case.pk}/withdrawal/", {"note": "again"}).status_code == 409
    board = case.test_board
    session = f.held_session(case, board)
    f.decide(session, board, grade=2)
    draft = client_for(board.chair).post(
        f"/api/v1/discipline/sessions/{session.pk}/ruling/", {"text": "Proven."}
    )
    assert draft.status_code == 400
    assert draft.json()["code"] == "mitigation_required"
    draft = client_for(board.chair).post(
        f"/api/v1/discipline/sessions/{session.pk}/ruling/",
        {
            "text": "Proven.",
            "mitigation_note": "Grade 2 rather than 3: the complaint was withdrawn.",
        },
    )
    assert draft.status_code == 201
    assert draft.json()["mitigation_note"].startswith("Grade 2")


@pytest.mark.rule("DIS-10")
def test_withdrawal_only_for_a_case_opened_on_a_complaint():
    """DIS-10: there is nothing to withdraw in a case the GD opened on its own motion."""
    case = f.open_case()
    response = client_for(f.gd()).post(f"{URL}{case.pk}/withdrawal/", {"note": "x"})
    assert response.status_code == 409


@pytest.mark.rule("DIS-11")
def test_criminal_referral_is_recorded_and_the_case_goes_on():
    """DIS-11 (art. 38, note 1): the board refers a crime; the case continues."""
    case = f.open_case()
    member = case.test_board.third
    response = client_for(member).post(
        f"{URL}{case.pk}/referrals/",
        {
            "authority": "Tehran prosecutor's office",
            "facts": "Forged receipts.",
            "reference": "R-12",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "first_instance"
    assert body["referrals"][0]["authority"] == "Tehran prosecutor's office"
    [row] = log_rows(case, "refer_crime")
    assert row.actor == member
    # Another board's member may not see the case at all; the accused may not refer.
    assert (
        client_for(f.board().chair)
        .post(f"{URL}{case.pk}/referrals/", {"authority": "a", "facts": "b"})
        .status_code
        == 404
    )
    assert (
        client_for(case.accused)
        .post(f"{URL}{case.pk}/referrals/", {"authority": "a", "facts": "b"})
        .status_code
        == 403
    )
    # The case still goes to a ruling.
    ruling = f.ruling(case, grade=2)
    assert ruling.status == "issued"


def test_documents_are_checked_and_served_only_to_who_sees_the_case():
    """Case papers: PDF/JPEG by content, for the GD or the board; the accused downloads them."""
    from tests.factories.notices import pdf_upload

    case = f.open_case()
    gd = f.gd()
    response = client_for(gd).post(
        f"{URL}{case.pk}/documents/",
        {"title": "Inspection report", "file": pdf_upload()},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    doc_id = response.json()["id"]
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("x.pdf", b"not a pdf", content_type="application/pdf")
    assert (
        client_for(gd)
        .post(f"{URL}{case.pk}/documents/", {"title": "x", "file": bad}, format="multipart")
        .status_code
        == 400
    )
    assert client_for(case.accused).get(f"{URL}{case.pk}/documents/{doc_id}/").status_code == 200
    assert client_for(UserFactory()).get(f"{URL}{case.pk}/documents/{doc_id}/").status_code == 404
    assert (
        client_for(case.accused)
        .post(
            f"{URL}{case.pk}/documents/", {"title": "x", "file": pdf_upload()}, format="multipart"
        )
        .status_code
        == 403
    )
