"""Registration by national ID and mobile (ID-1) verified by a code (ID-2)."""

from datetime import timedelta

import pytest
from django.core import mail

from accounts.models import User
from core.models import TransitionLog
from tests.accounts.conftest import last_code, last_email_code
from tests.factories import UserFactory, national_code

pytestmark = pytest.mark.django_db

NEW_ID = national_code(9001)


def payload(**overrides):
    data = {
        "national_id": NEW_ID,
        "id_scheme": "ir",
        "nationality": "IR",
        "mobile": "09123334444",
        "password": "Zebra-Lantern-77",
        "first_name": "Sara",
        "last_name": "Ahmadi",
        "birth_date": "1990-04-01",
        "id_card_serial": "123456",
    }
    data.update(overrides)
    return data


def register(api, **overrides):
    return api.post("/api/v1/accounts/register/", payload(**overrides), format="json")


@pytest.mark.rule("ID-1")
def test_registration_creates_a_pending_account_and_sends_a_mobile_code(api, sms_outbox):
    """ID-1/ID-2: a natural person registers with national ID, mobile and nationality; the
    account stays pending and a code goes to the mobile."""
    response = register(api)
    assert response.status_code == 202, response.json()
    user = User.objects.get(national_id=NEW_ID)
    assert user.status == User.Status.PENDING
    assert not user.is_active
    assert str(user.mobile) == "+989123334444"
    assert user.nationality == "IR"
    assert user.check_password("Zebra-Lantern-77")
    assert [str(m.recipient) for m in sms_outbox] == ["+989123334444"]
    assert response.json()["challenge"]


@pytest.mark.rule("ID-1")
def test_wrong_national_id_check_digit_is_refused(api, sms_outbox):
    """ID-1: the Iranian national code's check digit is validated."""
    bad = NEW_ID[:9] + str((int(NEW_ID[9]) + 1) % 10)
    response = register(api, national_id=bad)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "national_id" in response.json()["fields"]
    assert not User.objects.filter(national_id=bad).exists()
    assert sms_outbox == []


@pytest.mark.rule("ID-1")
def test_other_schemes_are_pluggable(api):
    """ID-1: an Azerbaijani FIN is validated by its own scheme."""
    assert register(api, national_id="5ZX3K7A", id_scheme="az", nationality="AZ").status_code == 202
    assert User.objects.get(national_id="5ZX3K7A").id_scheme == "az"
    refused = register(api, national_id="5ZX3K7", id_scheme="az", nationality="AZ")
    assert "national_id" in refused.json()["fields"]


@pytest.mark.rule("ID-1")
def test_weak_password_and_bad_fields_are_field_errors(api):
    """ID-1: Django's password validators apply; bad input answers 400 with fields."""
    response = register(api, password="12345678")
    assert response.status_code == 400
    assert "password" in response.json()["fields"]
    response = api.post("/api/v1/accounts/register/", {"mobile": "abc"}, format="json")
    assert response.status_code == 400
    assert {"national_id", "mobile", "password", "birth_date"} <= set(response.json()["fields"])


@pytest.mark.rule("ID-2")
def test_mobile_code_activates_the_account_with_a_transition_log(api, sms_outbox):
    """ID-2: the account is usable only once the mobile code is verified (activate
    transition, logged)."""
    challenge = register(api).json()["challenge"]
    user = User.objects.get(national_id=NEW_ID)
    signin = {"national_id": NEW_ID, "password": "Zebra-Lantern-77"}
    assert api.post("/api/v1/auth/signin/", signin, format="json").status_code == 400

    code = last_code(sms_outbox)
    response = api.post(
        "/api/v1/accounts/register/verify/", {"challenge": challenge, "code": code}, format="json"
    )
    assert response.status_code == 200, response.json()
    user.refresh_from_db()
    assert user.status == User.Status.ACTIVE
    assert user.mobile_verified_at is not None
    log = TransitionLog.objects.get(object_id=str(user.pk), transition="activate")
    assert (log.source, log.target, log.actor) == ("pending", "active", user)
    assert api.post("/api/v1/auth/signin/", signin, format="json").status_code == 200


@pytest.mark.rule("ID-2")
def test_wrong_registration_code_is_refused_and_counted(api, sms_outbox):
    """ID-2/ID-7: a wrong code does not activate; the 6th locks."""
    challenge = register(api).json()["challenge"]
    code = last_code(sms_outbox)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    statuses = [
        api.post(
            "/api/v1/accounts/register/verify/",
            {"challenge": challenge, "code": wrong},
            format="json",
        ).status_code
        for _ in range(6)
    ]
    assert statuses == [400] * 5 + [429]
    assert User.objects.get(national_id=NEW_ID).status == User.Status.PENDING


@pytest.mark.rule("ID-2")
def test_email_gets_its_own_code(api, sms_outbox):
    """ID-2: an email, if given, is verified by a code of its own."""
    challenge = register(api, email="sara@example.ir").json()["challenge"]
    sms_code = last_code(sms_outbox)
    email_code = last_email_code("sara@example.ir")
    assert mail.outbox[-1].to == ["sara@example.ir"]
    api.post(
        "/api/v1/accounts/register/verify/",
        {"challenge": challenge, "code": sms_code},
        format="json",
    )
    wrong = api.post(
        "/api/v1/accounts/register/verify-email/",
        {"challenge": challenge, "code": sms_code if sms_code != email_code else "000000"},
        format="json",
    )
    assert wrong.status_code == 400
    response = api.post(
        "/api/v1/accounts/register/verify-email/",
        {"challenge": challenge, "code": email_code},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert User.objects.get(national_id=NEW_ID).email_verified_at is not None


@pytest.mark.rule("ID-1")
@pytest.mark.rule("ID-7")
def test_registering_an_existing_national_id_reveals_nothing(api, sms_outbox):
    """ID-1/ID-7: registering an already-registered national ID answers exactly like a new
    one; nothing goes to the requester's mobile, the owner is told on theirs, and the
    account is unchanged."""
    owner = UserFactory(mobile="+989125550000")
    new = register(api)
    again = register(api, national_id=owner.national_id, mobile="09126667777")
    assert new.status_code == again.status_code == 202
    assert new.json().keys() == again.json().keys()
    assert new.json()["detail"] == again.json()["detail"]
    recipients = [str(m.recipient) for m in sms_outbox]
    assert "+989126667777" not in recipients
    assert "+989125550000" in recipients
    owner.refresh_from_db()
    assert str(owner.mobile) == "+989125550000"
    assert owner.check_password("Correct-Horse-42")
    # Its challenge leads nowhere: resend sends nothing, a code activates nothing.
    challenge = again.json()["challenge"]
    sent = len(sms_outbox)
    assert (
        api.post(
            "/api/v1/accounts/register/resend/", {"challenge": challenge}, format="json"
        ).status_code
        == 202
    )
    assert len(sms_outbox) == sent


@pytest.mark.rule("ID-1")
def test_re_registering_an_abandoned_pending_account_replaces_its_details(api, sms_outbox):
    """ID-1, ID-10: a pending registration never completed within the hold is abandoned: a
    new registration replaces its details and gets a new code. (Within the hold it cannot be
    replaced: test_identity.)"""
    import time_machine
    from django.conf import settings
    from django.utils import timezone

    register(api)
    later = timezone.now() + settings.ACCOUNTS["PENDING_REGISTRATION_HOLD"] + timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        second = register(api, mobile="09127778888", first_name="Mina", password="Other-Secret-55")
    user = User.objects.get(national_id=NEW_ID)
    assert User.objects.filter(national_id=NEW_ID).count() == 1
    assert (str(user.mobile), user.first_name) == ("+989127778888", "Mina")
    assert user.check_password("Other-Secret-55")
    code = last_code(sms_outbox, to="+989127778888")
    with time_machine.travel(later, tick=False):
        response = api.post(
            "/api/v1/accounts/register/verify/",
            {"challenge": second.json()["challenge"], "code": code},
            format="json",
        )
    assert response.status_code == 200 and User.objects.get(national_id=NEW_ID).is_usable


@pytest.mark.rule("ID-2")
def test_resend_sends_a_new_code_to_a_pending_registration(api, sms_outbox):
    """ID-2: "resend" sends a new code; the new one activates."""
    challenge = register(api).json()["challenge"]
    response = api.post(
        "/api/v1/accounts/register/resend/", {"challenge": challenge}, format="json"
    )
    assert response.status_code == 202
    assert len(sms_outbox) == 2
    code = last_code(sms_outbox)
    assert (
        api.post(
            "/api/v1/accounts/register/verify/",
            {"challenge": challenge, "code": code},
            format="json",
        ).status_code
        == 200
    )
