"""Inbox, retrieval and who may see what (NOT-3, NOT-6, NOT-7)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import jdatetime
import pytest
import time_machine
from django.utils import timezone
from guardian.shortcuts import remove_perm

from notices import services
from tests.factories import UserFactory
from tests.factories.notices import NoticeFactory, pdf_upload

pytestmark = pytest.mark.django_db

TEHRAN = ZoneInfo("Asia/Tehran")


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


def same_error(response):
    return {k: response.json()[k] for k in ("code", "fields")}


@pytest.mark.rule("NOT-3")
def test_inbox_new_and_viewed_with_unseen_count(issue, recipient, client_for, stranger):
    """NOT-3: new notices with an unseen count; viewed notices with case number, subject,
    branch, first view time and view count. Someone else's notices are not listed."""
    a = issue(subject="Summons A")
    b = issue(subject="Summons B", case_number="1403000000000002")
    issue(recipient=stranger)
    api = client_for(recipient)
    assert api.get("/api/v1/notices/unseen-count/").json() == {"unseen": 2}

    api.post(f"/api/v1/notices/{a.pk}/view/")
    api.post(f"/api/v1/notices/{a.pk}/view/")
    assert api.get("/api/v1/notices/unseen-count/").json() == {"unseen": 1}

    new = api.get("/api/v1/notices/?seen=false").json()
    assert [n["id"] for n in new["results"]] == [b.pk]
    row = new["results"][0]
    assert row["notice_number"] == b.notice_number and row["issued_at"]
    assert row["subject"] is None and row["case_number"] is None  # revealed when opened

    viewed = api.get("/api/v1/notices/?seen=true").json()
    assert viewed["count"] == 1
    row = viewed["results"][0]
    assert row["case_number"] == a.case_number
    assert row["subject"] == "Summons A"
    assert row["branch"]["name"] == a.branch.name
    assert row["first_viewed_at"] is not None
    assert row["view_count"] == 2

    everything = api.get("/api/v1/notices/").json()
    assert [n["id"] for n in everything["results"]] == [b.pk, a.pk]  # newest first
    assert api.get("/api/v1/notices/?case_number=1403000000000002").json()["count"] == 1


@pytest.mark.rule("NOT-3")
def test_inbox_list_is_a_constant_number_of_queries(
    recipient, client_for, django_assert_max_num_queries
):
    """The inbox page costs the same few queries whatever the page size."""
    for _ in range(30):
        NoticeFactory(recipient_user=recipient)
    api = client_for(recipient)
    with django_assert_max_num_queries(4):
        response = api.get("/api/v1/notices/?page_size=30")
    assert len(response.json()["results"]) == 30


@pytest.mark.rule("NOT-7")
def test_strangers_get_404_on_everything(issue, recipient, stranger, client_for):
    """NOT-7: content and attachments are visible only to the recipient (and the issuer);
    a stranger gets the same 404 as for a missing notice."""
    notice = issue(attachments=[pdf_upload()])
    attachment = notice.attachments.get()
    api = client_for(stranger)
    urls = [
        f"/api/v1/notices/{notice.pk}/",
        f"/api/v1/notices/{notice.pk}/service/",
        f"/api/v1/notices/{notice.pk}/attachments/{attachment.pk}/",
    ]
    for url in urls:
        response = api.get(url)
        assert response.status_code == 404, url
        assert same_error(response) == {"code": "not_found", "fields": {}}
    assert api.post(f"/api/v1/notices/{notice.pk}/view/").status_code == 404
    missing = api.get("/api/v1/notices/999999999/")
    assert missing.status_code == 404 and same_error(missing) == same_error(api.get(urls[0]))
    assert api.get("/api/v1/notices/").json()["count"] == 0


@pytest.mark.rule("NOT-7")
def test_attachment_download_by_recipient_and_issuer(issue, recipient, clerk, client_for):
    """NOT-7: the recipient downloads an attachment once the notice is opened (a download
    never serves it); the issuer can always download."""
    notice = issue(attachments=[pdf_upload()])
    attachment = notice.attachments.get()
    url = f"/api/v1/notices/{notice.pk}/attachments/{attachment.pk}/"
    api = client_for(recipient)
    before = api.get(url)
    assert before.status_code == 409 and before.json()["code"] == "not_opened"

    api.post(f"/api/v1/notices/{notice.pk}/view/")
    response = api.get(url, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]

    issuer = client_for(clerk).get(url)
    assert issuer.status_code == 200


@pytest.mark.rule("NOT-7")
def test_representative_sees_the_legal_persons_notices(issue, company, representative, client_for):
    """NOT-7: an authorised person of a legal recipient sees its notices and its opening
    serves them; once the representation is revoked, the notices are gone (404)."""
    notice = issue(recipient=company, attachments=[pdf_upload()])
    api = client_for(representative)
    listed = api.get("/api/v1/notices/").json()
    assert [n["id"] for n in listed["results"]] == [notice.pk]
    assert listed["results"][0]["recipient"]["name"] == company.name
    opened = api.post(f"/api/v1/notices/{notice.pk}/view/")
    assert opened.status_code == 200
    notice.refresh_from_db()
    assert notice.first_viewed_by == representative
    att = notice.attachments.get()
    assert api.get(f"/api/v1/notices/{notice.pk}/attachments/{att.pk}/").status_code == 200

    rep = representative.representations.get()
    rep.revoked_at = timezone.now()
    rep.save()
    revoked = client_for(UserFactory._meta.model.objects.get(pk=representative.pk))
    assert revoked.get("/api/v1/notices/").json()["count"] == 0
    assert revoked.get(f"/api/v1/notices/{notice.pk}/").status_code == 404
    assert revoked.get(f"/api/v1/notices/{notice.pk}/attachments/{att.pk}/").status_code == 404
    assert revoked.post(f"/api/v1/notices/{notice.pk}/view/").status_code == 404


@pytest.mark.rule("NOT-7")
def test_representation_without_the_permission_is_not_enough(
    issue, company, representative, client_for
):
    """NOT-7: authorised persons hold both an open representation and the permission."""
    notice = issue(recipient=company)
    remove_perm("accounts.act_for_legalperson", representative, company)
    api = client_for(UserFactory._meta.model.objects.get(pk=representative.pk))
    assert api.get(f"/api/v1/notices/{notice.pk}/").status_code == 404


@pytest.mark.rule("NOT-3")
@pytest.mark.rule("NOT-7")
def test_lookup_by_notice_number_and_issue_date(issue, recipient, stranger, client_for):
    """NOT-3: retrieval by notice number + issue date (Gregorian or Jalali); someone else's
    notice answers exactly like a missing one."""
    issued = datetime(2025, 8, 3, 10, 0, tzinfo=TEHRAN)
    with time_machine.travel(issued, tick=False):
        notice = issue()
    api = client_for(recipient)
    jalali = jdatetime.date.fromgregorian(date=issued.date()).strftime("%Y/%m/%d")
    for issue_date in ("2025-08-03", jalali):
        found = api.post(
            "/api/v1/notices/lookup/number/",
            {"notice_number": notice.notice_number, "issue_date": issue_date},
        )
        assert found.status_code == 200, found.json()
        assert found.json()["id"] == notice.pk
    wrong_date = api.post(
        "/api/v1/notices/lookup/number/",
        {"notice_number": notice.notice_number, "issue_date": "2025-08-04"},
    )
    theirs = client_for(stranger).post(
        "/api/v1/notices/lookup/number/",
        {"notice_number": notice.notice_number, "issue_date": "2025-08-03"},
    )
    missing = api.post(
        "/api/v1/notices/lookup/number/",
        {"notice_number": "140499999999999999", "issue_date": "2025-08-03"},
    )
    for response in (wrong_date, theirs, missing):
        assert response.status_code == 404
        assert response.json() == missing.json()
        assert response.json()["code"] == "not_found"
    notice.refresh_from_db()
    assert notice.view_count == 0


@pytest.mark.rule("NOT-6")
@pytest.mark.rule("NOT-3")
def test_lookup_by_case_password(issue, clerk, recipient, client_for):
    """NOT-6: each person of a case has their own case password, kept hashed; with it the
    person retrieves the case's notices addressed to them for that sub-row."""
    lawyer = UserFactory(bar_licence_number="B-1")
    mine = issue(case_sub_row=2)
    issue(case_sub_row=1)
    to_lawyer = issue(recipient=lawyer, case_sub_row=2)
    password = services.set_case_password(
        actor=clerk, case_number=mine.case_number, person=recipient, role="party", notify=False
    )
    lawyer_password = services.set_case_password(
        actor=clerk, case_number=mine.case_number, person=lawyer, role="lawyer", password="L-77"
    )
    from notices.models import CasePassword

    row = CasePassword.objects.get(user=recipient)
    assert password not in row.password_hash and row.password_hash.startswith("md5$")

    found = client_for(recipient).post(
        "/api/v1/notices/lookup/case/",
        {"case_number": mine.case_number, "case_sub_row": 2, "password": password},
    )
    assert found.status_code == 200
    assert [n["id"] for n in found.json()] == [mine.pk]

    # Another person's password of the same case does not open the recipient's notices.
    other = client_for(recipient).post(
        "/api/v1/notices/lookup/case/",
        {"case_number": mine.case_number, "case_sub_row": 2, "password": lawyer_password},
    )
    assert other.status_code == 404
    lawyer_found = client_for(lawyer).post(
        "/api/v1/notices/lookup/case/",
        {"case_number": mine.case_number, "case_sub_row": 2, "password": "L-77"},
    )
    assert [n["id"] for n in lawyer_found.json()] == [to_lawyer.pk]


@pytest.mark.rule("NOT-6")
def test_wrong_case_password_looks_like_not_found_and_locks(
    issue, clerk, recipient, client_for, settings
):
    """NOT-6 + ID-7: a wrong case password and an unknown case give the same 404 as each
    other; wrong passwords count toward a lock of the signed-in account (ID-11), after
    which even the right password is refused (429) until the lock ends."""
    notice = issue()
    password = services.set_case_password(
        actor=clerk, case_number=notice.case_number, person=recipient, role="party", notify=False
    )
    api = client_for(recipient)
    url = "/api/v1/notices/lookup/case/"
    wrong = api.post(
        url, {"case_number": notice.case_number, "case_sub_row": 1, "password": "nope"}
    )
    unknown = api.post(url, {"case_number": "1111111111111111", "case_sub_row": 1, "password": "x"})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert wrong.json()["code"] == "not_found" and wrong.json()["fields"] == {}

    limit = settings.ACCOUNTS["MAX_FAILURES"]
    statuses = [
        api.post(
            url, {"case_number": notice.case_number, "case_sub_row": 1, "password": f"bad{i}"}
        ).status_code
        for i in range(limit)
    ]
    assert statuses[: limit - 2] == [404] * (limit - 2)
    assert statuses[-1] == 429
    right = api.post(
        url, {"case_number": notice.case_number, "case_sub_row": 1, "password": password}
    )
    assert right.status_code == 429
    assert right.json()["code"] == "locked"
    assert "Retry-After" in right

    # The lock is on this account's retrieval; another account from the same address is
    # still answered (ID-11: the address is not locked).
    other = client_for(UserFactory()).post(
        url, {"case_number": notice.case_number, "case_sub_row": 1, "password": "x"}
    )
    assert other.status_code == 404

    with time_machine.travel(timezone.now() + settings.ACCOUNTS["LOCKOUT"] + timedelta(minutes=1)):
        again = api.post(
            url, {"case_number": notice.case_number, "case_sub_row": 1, "password": password}
        )
        assert again.status_code == 200


@pytest.mark.rule("NOT-6")
def test_only_clerks_set_case_passwords(recipient, stranger):
    """NOT-6: case passwords are given by the court, not by anyone."""
    from core.exceptions import Forbidden

    with pytest.raises(Forbidden):
        services.set_case_password(
            actor=stranger, case_number="1403123456789012", person=recipient, role="party"
        )


@pytest.mark.rule("NOT-6")
def test_case_password_is_sent_by_sms_and_redacted(
    clerk, recipient, sms_outbox, django_capture_on_commit_callbacks
):
    """NOT-6: the person gets their password by SMS; the kept copy is redacted."""
    from core.models import OutboundMessage

    with django_capture_on_commit_callbacks(execute=True):
        password = services.set_case_password(
            actor=clerk, case_number="1403123456789012", person=recipient, role="party"
        )
    assert password in sms_outbox[0].body
    kept = OutboundMessage.objects.get(purpose="notices.case_password")
    assert password not in kept.redacted_body


@pytest.mark.rule("NOT-6")
@pytest.mark.rule("ID-11")
def test_wrong_case_passwords_from_one_address_do_not_lock_the_address(issue, client_for, settings):
    """NOT-6 + ID-11: case-password guesses count against the signed-in account that makes
    them, not against everyone at the same address: many accounts at one address, each
    under its own limit, are all still answered."""
    notice = issue()
    url = "/api/v1/notices/lookup/case/"
    payload = {"case_number": notice.case_number, "case_sub_row": 1, "password": "guess"}
    limit = settings.ACCOUNTS["MAX_FAILURES"]
    answers = [
        client_for(UserFactory()).post(url, payload, REMOTE_ADDR="10.4.4.4")
        for _ in range(limit + 3)
    ]
    assert [a.status_code for a in answers] == [404] * (limit + 3)
    assert {a.json()["code"] for a in answers} == {"not_found"}
