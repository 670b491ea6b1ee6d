"""Calls for applicants (LIC-1) and applications with their automatic and staff vetting (LIC-2)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from licensing.models import Application
from offices.models import StaffRole
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import CallFactory, council_member, licensing_staff
from tests.factories.offices import PDF_BYTES, province, qualified_profile
from tests.licensing.conftest import log_rows

pytestmark = pytest.mark.django_db
URL = "/api/v1/licensing/applications/"

QUALIFICATIONS = {
    "sex": "female",
    "declarations": {"merchant": True},
    "degrees": [{"level": "bachelor", "field": "law"}],
    "experience": [{"title": "Paralegal", "started_on": "2023-01-01"}],
}


@pytest.mark.rule("LIC-1")
def test_licensing_staff_open_a_call_with_window_region_and_places(api):
    """LIC-1 (art. 22-a): the GD opens a call for a province, a window and a number of places;
    anyone can read it; nobody else may open one."""
    now = timezone.now()
    payload = {
        "title": "Tehran 1404",
        "province": "tehran",
        "places": 4,
        "opens_at": now.isoformat(),
        "closes_at": (now + dt.timedelta(days=20)).isoformat(),
    }
    assert client_for(council_member()).post("/api/v1/licensing/calls/", payload).status_code == 403
    response = client_for(licensing_staff()).post("/api/v1/licensing/calls/", payload)
    assert response.status_code == 201
    body = api.get(f"/api/v1/licensing/calls/{response.json()['id']}/").json()
    assert (body["province"], body["places"], body["is_open"]) == ("tehran", 4, True)
    bad = {**payload, "closes_at": (now - dt.timedelta(days=1)).isoformat()}
    assert client_for(licensing_staff()).post("/api/v1/licensing/calls/", bad).status_code == 400


@pytest.mark.rule("LIC-1")
@pytest.mark.parametrize("when", ["before", "after"])
def test_applications_are_accepted_only_while_the_call_is_open(when):
    """LIC-1: applying before the window opens or after it closes is refused (409) and nothing
    is stored."""
    now = timezone.now()
    window = (
        {"opens_at": now + dt.timedelta(days=1), "closes_at": now + dt.timedelta(days=10)}
        if when == "before"
        else {"opens_at": now - dt.timedelta(days=10), "closes_at": now - dt.timedelta(seconds=1)}
    )
    call = CallFactory(**window)
    profile = qualified_profile(StaffRole.MANAGER)
    response = client_for(profile.user).post(URL, {"call": call.pk}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "call_closed"
    assert not Application.objects.exists()


@pytest.mark.rule("LIC-2")
@pytest.mark.rule("OFF-3")
@pytest.mark.rule("OFF-4")
@pytest.mark.rule("OFF-5")
def test_automatic_vetting_lists_every_unmet_requirement_with_its_article():
    """LIC-2: the application carries the would-be manager's qualifications; the automatic
    vetting against art. 16-21 lists every unmet requirement with its article (no verified
    attestations, too little experience, no computer-skills certification, a merchant)."""
    applicant = UserFactory(birth_date=dt.date(1990, 1, 1))
    call = CallFactory()
    response = client_for(applicant).post(
        URL, {"call": call.pk, "qualifications": QUALIFICATIONS}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted" and body["qualified"] is False
    unmet = {(u["requirement"], u["article"]) for u in body["unmet_requirements"]}
    assert {
        ("general.no_criminal_record", "16(5)"),
        ("general.fitness", "16(7)"),
        ("specific.experience", "17(3)"),
        ("specific.computer_skills", "17(4)"),
        ("prohibited.merchant", "21(3)"),
    } <= unmet
    assert ("specific.degree", "17(1)") not in unmet
    assert ("general.military_service", "16(6)") not in unmet  # not required of women
    assert all(u["message"] for u in body["unmet_requirements"])


@pytest.mark.rule("LIC-2")
def test_qualified_applicant_is_accepted_by_staff_and_follows_the_status(
    django_capture_on_commit_callbacks, sms_outbox
):
    """LIC-2: a qualified application passes the automatic vetting; licensing staff accept it
    with reasons (one log row); the applicant follows the status and is told by SMS."""
    profile = qualified_profile(StaffRole.MANAGER)
    call = CallFactory()
    applicant = client_for(profile.user)
    created = applicant.post(URL, {"call": call.pk}, format="json").json()
    assert created["qualified"] is True and created["unmet_requirements"] == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(licensing_staff()).post(
            f"{URL}{created['id']}/accept/", {"reasons": "Meets every condition."}
        )
    assert response.status_code == 200
    followed = applicant.get(f"{URL}{created['id']}/").json()
    assert followed["status"] == "accepted"
    assert followed["decision_reasons"] == "Meets every condition."
    application = Application.objects.get(pk=created["id"])
    assert [r.transition for r in log_rows(application)] == ["accept"]
    assert len(sms_outbox) == 1 and sms_outbox[0].recipient == str(profile.user.mobile)


@pytest.mark.rule("LIC-2")
def test_staff_cannot_accept_an_applicant_with_unmet_requirements():
    """LIC-2: acceptance runs the vetting again and is refused (400) while any requirement is
    unmet; the application stays submitted."""
    profile = qualified_profile(StaffRole.MANAGER, merchant=True)
    call = CallFactory()
    created = client_for(profile.user).post(URL, {"call": call.pk}, format="json").json()
    response = client_for(licensing_staff()).post(
        f"{URL}{created['id']}/accept/", {"reasons": "ok"}
    )
    assert response.status_code == 400 and response.json()["code"] == "unqualified"
    assert any("21(3)" in m for m in response.json()["fields"]["requirements"])
    assert Application.objects.get(pk=created["id"]).status == "submitted"


@pytest.mark.rule("LIC-2")
@pytest.mark.parametrize(
    ("endpoint", "allowed", "forbidden", "payload", "target"),
    [
        ("accept", "staff", "council", {"reasons": "Qualified."}, "accepted"),
        ("reject", "staff", "council", {"reasons": "Not enough places."}, "rejected"),
        ("withdraw", "applicant", "staff", {}, "withdrawn"),
    ],
)
def test_application_transitions(endpoint, allowed, forbidden, payload, target):
    """LIC-2: accept and reject are the GD's, withdraw the applicant's: the allowed actor moves
    the application with one log row; another gets 403 (a stranger 404) and nothing changes;
    in a wrong state, 409."""
    profile = qualified_profile(StaffRole.MANAGER)
    call = CallFactory()
    created = client_for(profile.user).post(URL, {"call": call.pk}, format="json").json()
    people = {
        "staff": licensing_staff,
        "council": council_member,
        "applicant": lambda: profile.user,
    }
    url = f"{URL}{created['id']}/{endpoint}/"
    assert client_for(people[forbidden]()).post(url, payload).status_code == 403
    assert client_for(UserFactory()).post(url, payload).status_code == 404
    application = Application.objects.get(pk=created["id"])
    assert application.status == "submitted" and log_rows(application) == []
    response = client_for(people[allowed]()).post(url, payload)
    assert response.status_code == 200 and response.json()["status"] == target
    assert len(log_rows(application)) == 1
    assert client_for(people[allowed]()).post(url, payload).status_code == 409


@pytest.mark.rule("LIC-2")
def test_acceptance_is_limited_to_the_calls_places():
    """LIC-1, LIC-2: a call accepts at most its number of places."""
    call = CallFactory(places=1)
    staff = client_for(licensing_staff())
    ids = [
        client_for(qualified_profile(StaffRole.MANAGER).user)
        .post(URL, {"call": call.pk}, format="json")
        .json()["id"]
        for _ in range(2)
    ]
    assert staff.post(f"{URL}{ids[0]}/accept/", {"reasons": "First."}).status_code == 200
    response = staff.post(f"{URL}{ids[1]}/accept/", {"reasons": "Second."})
    assert response.status_code == 409 and response.json()["code"] == "no_places"


@pytest.mark.rule("LIC-2")
def test_documents_are_checked_by_content_and_only_the_applicant_adds_them():
    """LIC-2: the applicant attaches documents (PDF/JPEG/PNG by content); a file that is not
    one is refused and nothing is stored; other applicants cannot see the application."""
    profile = qualified_profile(StaffRole.MANAGER)
    created = client_for(profile.user).post(URL, {"call": CallFactory().pk}, format="json").json()
    url = f"{URL}{created['id']}/documents/"
    applicant = client_for(profile.user)
    good = SimpleUploadedFile("degree.pdf", PDF_BYTES, content_type="application/pdf")
    response = applicant.post(url, {"kind": "degree", "file": good}, format="multipart")
    assert response.status_code == 201
    assert [d["kind"] for d in response.json()["documents"]] == ["degree"]
    fake = SimpleUploadedFile("cv.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = applicant.post(url, {"kind": "other", "file": fake}, format="multipart")
    assert response.status_code == 400
    assert Application.objects.get(pk=created["id"]).documents.count() == 1
    assert client_for(UserFactory()).get(f"{URL}{created['id']}/").status_code == 404


@pytest.mark.rule("LIC-1")
def test_city_must_be_in_the_calls_region():
    """LIC-1: a call is for a region; an application for a city elsewhere is refused."""
    profile = qualified_profile(StaffRole.MANAGER)
    elsewhere = province("isfahan").cities.first()
    response = client_for(profile.user).post(
        URL, {"call": CallFactory().pk, "city": elsewhere.pk}, format="json"
    )
    assert response.status_code == 400
