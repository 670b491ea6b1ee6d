"""Two-step sign-in (ID-4), legal persons' representatives (ID-3), generic refusals (ID-7)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts import services
from accounts.models import OneTimeCode, User
from tests.accounts.conftest import last_code, sign_in
from tests.factories import LegalPersonFactory, UserFactory, national_code

pytestmark = pytest.mark.django_db


def verify(api, challenge, code, **extra):
    return api.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": code, **extra},
        format="json",
    )


@pytest.mark.rule("ID-4")
def test_first_step_sends_a_temporary_password_valid_24_hours(api, member, sms_outbox):
    """ID-4: national ID + password → a temporary password by SMS, valid 24 hours."""
    response = sign_in(api, member)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["already_sent"] is False
    assert body["challenge"]
    assert len(sms_outbox) == 1
    assert str(sms_outbox[0].recipient) == "+989121111111"
    device = OneTimeCode.objects.get(user=member, purpose=OneTimeCode.Purpose.SIGNIN)
    validity = device.valid_until - device.generated_at
    assert validity == timedelta(hours=24)
    code = last_code(sms_outbox)
    assert code not in sms_outbox[0].redacted_body  # the kept copy hides the secret


@pytest.mark.rule("ID-4")
def test_second_step_signs_in_with_a_session(api, member, sms_outbox):
    """ID-4: the temporary password completes the sign-in; the session then works."""
    challenge = sign_in(api, member).json()["challenge"]
    response = verify(api, challenge, last_code(sms_outbox))
    assert response.status_code == 200, response.json()
    assert response.json()["user"]["national_id"] == member.national_id
    assert response.json()["token"] is None
    me = api.get("/api/v1/accounts/me/")
    assert me.status_code == 200
    assert me.json()["national_id"] == member.national_id


@pytest.mark.rule("ID-4")
def test_second_step_can_issue_a_bearer_token(api, member, sms_outbox):
    """ID-4: API clients ask for a token and use it as `Authorization: Bearer`."""
    challenge = sign_in(api, member).json()["challenge"]
    token = verify(api, challenge, last_code(sms_outbox), issue_token=True).json()["token"]
    assert token
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/accounts/me/").json()["national_id"] == member.national_id
    assert api.post("/api/v1/auth/signout/").status_code == 200
    assert api.get("/api/v1/accounts/me/").status_code in (401, 403)


@pytest.mark.rule("ID-4")
def test_temporary_password_is_reused_within_24_hours(api, member, sms_outbox):
    """ID-4: within its validity the same temporary password is reused: the second sign-in
    sends no SMS and says it was already sent; the first code still works, again and again."""
    first = sign_in(api, member).json()
    code = last_code(sms_outbox)
    assert verify(api, first["challenge"], code).status_code == 200
    api.post("/api/v1/auth/signout/")

    with time_machine.travel(timezone.now() + timedelta(hours=23), tick=False):
        second = sign_in(api, member)
        assert second.status_code == 200
        assert second.json()["already_sent"] is True
        assert second.json()["detail"] != first["detail"]  # "already sent", in words
        assert len(sms_outbox) == 1  # nothing new sent
        assert verify(api, second.json()["challenge"], code).status_code == 200


@pytest.mark.rule("ID-4")
def test_after_24_hours_a_new_temporary_password_is_issued(api, member, sms_outbox):
    """ID-4: once expired, the next sign-in issues a new one; the old one no longer works."""
    sign_in(api, member)
    old = last_code(sms_outbox)
    with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=1), tick=False):
        response = sign_in(api, member).json()
        assert response["already_sent"] is False
        assert len(sms_outbox) == 2
        new = last_code(sms_outbox)
        if new != old:
            assert verify(api, response["challenge"], old).status_code == 400
        assert verify(api, response["challenge"], new).status_code == 200


@pytest.mark.rule("ID-4")
def test_resend_issues_a_new_password_and_the_old_one_stops_working(api, member, sms_outbox):
    """ID-4: "resend" issues a new temporary password with a new expiry."""
    started = sign_in(api, member).json()
    old = last_code(sms_outbox)
    old_expiry = OneTimeCode.objects.get(user=member, purpose="signin").valid_until
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        resent = api.post(
            "/api/v1/auth/signin/resend/", {"challenge": started["challenge"]}, format="json"
        )
        assert resent.status_code == 200, resent.json()
        assert resent.json()["already_sent"] is False
        assert len(sms_outbox) == 2
        new = last_code(sms_outbox)
        device = OneTimeCode.objects.get(user=member, purpose="signin")
        assert device.valid_until > old_expiry
        if new != old:
            response = verify(api, started["challenge"], old)
            assert response.status_code == 400
            assert response.json()["code"] == "invalid_code"
        assert verify(api, started["challenge"], new).status_code == 200


@pytest.mark.rule("ID-4")
def test_challenge_is_signed_and_expires(api, member, sms_outbox):
    """ID-4: the second step needs the unaltered, recent challenge of the first."""
    started = sign_in(api, member).json()
    code = last_code(sms_outbox)
    tampered = verify(api, started["challenge"] + "x", code)
    assert tampered.status_code == 400
    assert tampered.json()["code"] == "challenge_invalid"
    assert "challenge" in tampered.json()["fields"]
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert verify(api, started["challenge"], code).json()["code"] == "challenge_invalid"


@pytest.mark.rule("ID-7")
def test_wrong_password_and_unknown_account_get_identical_answers(api, member, monkeypatch):
    """ID-7: a wrong password for an existing account and any password for a missing one give
    the same status and body, and both compute a password hash."""
    hashed = []
    original = User.set_password
    original_check = User.check_password
    monkeypatch.setattr(
        User, "set_password", lambda self, raw: hashed.append(1) or original(self, raw)
    )
    monkeypatch.setattr(
        User, "check_password", lambda self, raw: hashed.append(1) or original_check(self, raw)
    )
    existing = sign_in(api, member, password="Wrong-Password-1")
    assert len(hashed) == 1
    missing = api.post(
        "/api/v1/auth/signin/",
        {"national_id": national_code(424242), "password": "Wrong-Password-1"},
        format="json",
    )
    assert len(hashed) == 2
    assert existing.status_code == missing.status_code == 400
    assert existing.json() == missing.json()
    assert existing.json()["code"] == "invalid_credentials"


@pytest.mark.rule("ID-4")
@pytest.mark.rule("ID-7")
@pytest.mark.parametrize("status", [User.Status.PENDING, User.Status.DISABLED])
def test_pending_and_disabled_accounts_get_the_generic_refusal(api, sms_outbox, status):
    """ID-4/ID-7: a pending or disabled account cannot sign in, and the refusal is the same
    as for a wrong password."""
    user = UserFactory(status=status, is_active=status != User.Status.DISABLED)
    response = sign_in(api, user)
    wrong = sign_in(api, UserFactory(), password="Not-The-Password-9")
    assert response.status_code == 400
    assert response.json() == wrong.json()
    assert sms_outbox == []


@pytest.mark.rule("ID-3")
def test_representative_signs_in_for_the_legal_person(api, member, sms_outbox):
    """ID-3: an authorised natural person signs in with their own national ID and password
    plus the entity's ID; the session then acts for the legal person."""
    company = LegalPersonFactory()
    services.representation_grant(actor=None, legal_person=company, user=member, title="CEO")
    started = sign_in(api, member, legal_id=company.legal_id)
    assert started.status_code == 200, started.json()
    response = verify(api, started.json()["challenge"], last_code(sms_outbox))
    assert response.status_code == 200
    assert response.json()["acting_for"]["legal_id"] == company.legal_id
    assert api.session["acting_for_legal_person"] == company.pk


@pytest.mark.rule("ID-3")
def test_non_representative_cannot_sign_in_for_a_legal_person(api, member, sms_outbox):
    """ID-3: without an open representation the answer is the generic refusal."""
    company = LegalPersonFactory()
    representation = services.representation_grant(actor=None, legal_person=company, user=member)
    services.representation_revoke(actor=None, representation=representation)
    response = sign_in(api, member, legal_id=company.legal_id)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_credentials"
    stranger = sign_in(api, member, legal_id=LegalPersonFactory().legal_id)
    assert stranger.json() == response.json()
    assert sms_outbox == []


@pytest.mark.rule("ID-3")
def test_malformed_legal_id_is_a_field_error(api, member):
    """ID-3: the legal entity ID is checked (11 digits with its check digit)."""
    response = sign_in(api, member, legal_id="12345")
    assert response.status_code == 400
    assert "legal_id" in response.json()["fields"]


def test_bad_input_is_a_400_with_fields(api):
    response = api.post("/api/v1/auth/signin/", {"national_id": ""}, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) >= {"national_id", "password"}
    response = api.post("/api/v1/auth/signin/verify/", {}, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) >= {"challenge", "temp_password"}


@pytest.mark.rule("ID-4")
def test_signout_ends_the_session(api, member, sms_outbox):
    """ID-4: signing out ends the session."""
    challenge = sign_in(api, member).json()["challenge"]
    verify(api, challenge, last_code(sms_outbox))
    assert api.get("/api/v1/accounts/me/").status_code == 200
    assert api.post("/api/v1/auth/signout/").status_code == 200
    assert api.get("/api/v1/accounts/me/").status_code in (401, 403)
