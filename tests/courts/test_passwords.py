"""CAS-7 (NOT-6): a case password for each participant on joining, in their notices inbox
(issued by no clerk), renewable; case number + sub-row + password shows the status, the next
hearing and that participant's notices; wrong ones look like "not found" and count."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from courts import services
from notices.models import Notice

pytestmark = [pytest.mark.rule("CAS-7"), pytest.mark.rule("NOT-6")]


def _password(case, user) -> tuple[str, int]:
    notice = (
        Notice.objects.filter(
            case_number=case.number, recipient_user=user, subject__icontains="password"
        )
        .order_by("-id")
        .first()
    )
    return re.search(r"(?<!\d)(\d{8})(?!\d)", notice.body).group(1), notice.case_sub_row


def test_each_participant_gets_their_own_password_in_the_inbox(
    the_case, party, opponent, lawyer, clerk
):
    passwords = {u.pk: _password(the_case, u) for u in (party, opponent, lawyer)}
    assert len({p for p, _row in passwords.values()}) == 3
    assert {row for _p, row in passwords.values()} == {1, 2, 3}
    # No clerk reads it: the notice is issued in the name of a branch without clerks.
    notice = Notice.objects.filter(recipient_user=party, subject__icontains="password").get()
    assert notice.branch.clerks.count() == 0 and notice.issued_by_id is None
    from notices.selectors import notices_visible_to

    assert not notices_visible_to(clerk).filter(pk=notice.pk).exists()


def test_follow_a_case_with_its_password(the_case, party, clerk, client_for):
    services.hearing_schedule(
        actor=clerk, case_id=the_case.pk, starts_at=timezone.now() + timedelta(days=5), room="7"
    )
    password, row = _password(the_case, party)
    api = client_for(party)
    body = {"case_number": the_case.number, "sub_row": row, "password": password}
    found = api.post("/api/v1/courts/follow/", body, format="json")
    assert found.status_code == 200
    data = found.json()
    assert data["status"] == "open" and data["role"] == "claimant"
    assert data["next_hearing"]["room"] == "7"
    assert {n["subject"] for n in data["notices"]} >= {f"Hearing of case {the_case.number}"}


def test_a_wrong_password_looks_like_not_found_and_locks(
    the_case, party, opponent, client_for, settings
):
    api = client_for(party)
    password, row = _password(the_case, party)
    other_password, other_row = _password(the_case, opponent)
    for body in (
        {"case_number": the_case.number, "sub_row": row, "password": "00000000"},
        {"case_number": "1999999999999999", "sub_row": row, "password": password},
        {"case_number": the_case.number, "sub_row": other_row, "password": other_password},
    ):
        response = api.post("/api/v1/courts/follow/", body, format="json")
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    limit = settings.ACCOUNTS["MAX_FAILURES"]
    for _attempt in range(limit):
        api.post(
            "/api/v1/courts/follow/",
            {"case_number": the_case.number, "sub_row": row, "password": "11111111"},
            format="json",
        )
    locked = api.post(
        "/api/v1/courts/follow/",
        {"case_number": the_case.number, "sub_row": row, "password": password},
        format="json",
    )
    assert locked.status_code == 429


def test_renewing_replaces_the_password(the_case, party, client_for):
    old, row = _password(the_case, party)
    response = client_for(party).post(f"/api/v1/courts/cases/{the_case.pk}/password/renew/")
    assert response.status_code == 200
    new, _row = _password(the_case, party)
    assert new != old
    api = client_for(party)
    stale = api.post(
        "/api/v1/courts/follow/",
        {"case_number": the_case.number, "sub_row": row, "password": old},
        format="json",
    )
    assert stale.status_code == 404 and stale.json()["code"] == "not_found"
