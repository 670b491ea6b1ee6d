"""The signed-in user's own account: password (ID-6), mobile and email (ID-8)."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from accounts.models import OneTimeCode, User
from tests.accounts.conftest import last_code, last_email_code, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    """Registered, identity not verified: here a code to the new number is all a mobile change
    needs. A verified account's mobile also needs the operators' check (ID-10, proven in
    test_identity)."""
    return UserFactory(mobile="+989121111111", email="member@example.ir", identity_verified_at=None)


@pytest.fixture
def client_of(member):
    client = APIClient()
    client.force_authenticate(member)
    return client


@pytest.mark.rule("ID-6")
def test_password_change_needs_the_current_password_and_tells_by_sms(client_of, member, sms_outbox):
    """ID-6: the current password is required; the user is told by SMS."""
    wrong = client_of.post(
        "/api/v1/accounts/me/password/",
        {"current_password": "nope", "new_password": "Brand-New-Pass-31"},
        format="json",
    )
    assert wrong.status_code == 400
    assert "current_password" in wrong.json()["fields"]
    weak = client_of.post(
        "/api/v1/accounts/me/password/",
        {"current_password": "Correct-Horse-42", "new_password": "123"},
        format="json",
    )
    assert weak.status_code == 400
    assert "new_password" in weak.json()["fields"]
    assert sms_outbox == []

    response = client_of.post(
        "/api/v1/accounts/me/password/",
        {"current_password": "Correct-Horse-42", "new_password": "Brand-New-Pass-31"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    member.refresh_from_db()
    assert member.check_password("Brand-New-Pass-31")
    assert len(sms_outbox) == 1
    assert str(sms_outbox[0].recipient) == str(member.mobile)
    assert sms_outbox[0].purpose == "account.password_changed"


@pytest.mark.rule("ID-6")
def test_password_change_keeps_the_session(api, member, sms_outbox):
    """ID-6: after changing the password through a session, the session stays valid."""
    challenge = sign_in(api, member).json()["challenge"]
    api.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": last_code(sms_outbox)},
        format="json",
    )
    api.post(
        "/api/v1/accounts/me/password/",
        {"current_password": "Correct-Horse-42", "new_password": "Brand-New-Pass-31"},
        format="json",
    )
    assert api.get("/api/v1/accounts/me/").status_code == 200


@pytest.mark.rule("ID-8")
def test_mobile_change_is_verified_audited_and_told_to_the_old_number(
    client_of, member, sms_outbox
):
    """ID-8/AUD-1: a code goes to the new mobile; once confirmed the mobile switches, the
    history keeps who, when and why, and the old number is told."""
    response = client_of.post(
        "/api/v1/accounts/me/mobile/", {"mobile": "09351234567"}, format="json"
    )
    assert response.status_code == 202, response.json()
    assert str(sms_outbox[-1].recipient) == "+989351234567"
    member.refresh_from_db()
    assert str(member.mobile) == "+989121111111"  # nothing changes before the code

    code = last_code(sms_outbox, to="+989351234567")
    confirmed = client_of.post("/api/v1/accounts/me/mobile/confirm/", {"code": code}, format="json")
    assert confirmed.status_code == 200, confirmed.json()
    assert confirmed.json()["mobile"] == "+989351234567"
    member.refresh_from_db()
    assert str(member.mobile) == "+989351234567"
    latest = member.history.latest()
    assert str(latest.mobile) == "+989351234567"
    assert latest.history_user == member
    assert "mobile changed" in latest.history_change_reason
    previous = latest.prev_record
    assert str(previous.mobile) == "+989121111111"
    assert str(sms_outbox[-1].recipient) == "+989121111111"


@pytest.mark.rule("ID-8")
def test_mobile_change_with_a_wrong_code_changes_nothing(client_of, member, sms_outbox):
    """ID-8: a wrong code leaves the mobile as it was."""
    client_of.post("/api/v1/accounts/me/mobile/", {"mobile": "09351234567"}, format="json")
    code = last_code(sms_outbox)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    response = client_of.post("/api/v1/accounts/me/mobile/confirm/", {"code": wrong}, format="json")
    assert response.status_code == 400
    member.refresh_from_db()
    assert str(member.mobile) == "+989121111111"


@pytest.mark.rule("ID-8")
def test_mobile_change_retires_the_temporary_password_sent_to_the_old_number(
    api, member, sms_outbox
):
    """ID-8: the temporary password went to the old mobile: after the change a new one is
    sent to the new mobile."""
    sign_in(api, member)
    client = APIClient()
    client.force_authenticate(member)
    client.post("/api/v1/accounts/me/mobile/", {"mobile": "09351234567"}, format="json")
    client.post(
        "/api/v1/accounts/me/mobile/confirm/", {"code": last_code(sms_outbox)}, format="json"
    )
    started = sign_in(api, User.objects.get(pk=member.pk))
    assert started.json()["already_sent"] is False
    assert str(sms_outbox[-1].recipient) == "+989351234567"
    assert OneTimeCode.objects.get(user=member, purpose="signin").target == "+989351234567"


@pytest.mark.rule("ID-8")
def test_email_change_is_verified_and_audited(client_of, member, sms_outbox):
    """ID-8: a code goes to the new email; once confirmed it switches (history row), the old
    address and the mobile are told."""
    response = client_of.post(
        "/api/v1/accounts/me/email/", {"email": "new@example.ir"}, format="json"
    )
    assert response.status_code == 202
    code = last_email_code("new@example.ir")
    confirmed = client_of.post("/api/v1/accounts/me/email/confirm/", {"code": code}, format="json")
    assert confirmed.status_code == 200, confirmed.json()
    member.refresh_from_db()
    assert member.email == "new@example.ir"
    assert member.email_verified_at is not None
    assert "email changed" in member.history.latest().history_change_reason
    assert any(m.to == ["member@example.ir"] for m in mail.outbox)
    assert sms_outbox[-1].purpose == "account.email_changed"


@pytest.mark.rule("ID-8")
def test_me_changes_name_and_language_but_never_contacts_or_national_id(client_of, member):
    """ID-8: the profile endpoint cannot change the mobile, email or national ID."""
    response = client_of.patch(
        "/api/v1/accounts/me/",
        {
            "first_name": "Reza",
            "preferred_language": "en",
            "mobile": "+989350000000",
            "email": "x@example.ir",
            "national_id": "0000000000",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    member.refresh_from_db()
    assert (member.first_name, member.preferred_language) == ("Reza", "en")
    assert str(member.mobile) == "+989121111111"
    assert member.email == "member@example.ir"
    bad = client_of.patch("/api/v1/accounts/me/", {"preferred_language": "xx"}, format="json")
    assert bad.status_code == 400
    assert "preferred_language" in bad.json()["fields"]


def test_me_needs_a_signed_in_user(api):
    assert api.get("/api/v1/accounts/me/").status_code in (401, 403)
