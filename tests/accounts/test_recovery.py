"""Password recovery (ID-5)."""

import pytest
from django.core import mail

from accounts.models import User
from tests.accounts.conftest import last_code, last_email_code, sign_in, sms_password
from tests.factories import UserFactory, national_code

pytestmark = pytest.mark.django_db


def details(user, **overrides):
    data = {
        "national_id": user.national_id,
        "birth_date": user.birth_date.isoformat(),
        "id_card_serial": user.id_card_serial,
        "mobile": str(user.mobile),
        "email": user.email,
    }
    data.update(overrides)
    return data


def start(api, data):
    return api.post("/api/v1/auth/recovery/", data, format="json")


def confirm(api, challenge, sms_code, email_code=""):
    return api.post(
        "/api/v1/auth/recovery/confirm/",
        {"challenge": challenge, "sms_code": sms_code, "email_code": email_code},
        format="json",
    )


@pytest.mark.rule("ID-5")
def test_recovery_needs_both_codes_then_sends_a_new_password(api, member, sms_outbox):
    """ID-5: matching details → separate codes by SMS and by email; both are required; a new
    password then goes by SMS and must be changed."""
    challenge = start(api, details(member)).json()["challenge"]
    sms_code = last_code(sms_outbox)
    email_code = last_email_code("member@example.ir")
    assert mail.outbox[-1].to == ["member@example.ir"]

    only_sms = confirm(api, challenge, sms_code)
    assert only_sms.status_code == 400
    assert only_sms.json()["code"] == "invalid_code"
    member.refresh_from_db()
    assert member.check_password("Correct-Horse-42")

    response = confirm(api, challenge, sms_code, email_code)
    assert response.status_code == 200, response.json()
    password = sms_password(sms_outbox)
    member.refresh_from_db()
    assert member.check_password(password)
    assert member.must_change_password
    assert password not in sms_outbox[-1].redacted_body
    assert sign_in(api, member, password=password).status_code == 200
    # The codes are used up.
    assert confirm(api, challenge, sms_code, email_code).status_code == 400


@pytest.mark.rule("ID-5")
def test_without_a_registered_email_the_sms_code_suffices(api, sms_outbox):
    """ID-5: where no email is registered, only the SMS code is asked."""
    user = UserFactory(email="")
    challenge = start(api, details(user)).json()["challenge"]
    assert mail.outbox == []
    assert confirm(api, challenge, last_code(sms_outbox)).status_code == 200


@pytest.mark.rule("ID-5")
@pytest.mark.rule("ID-7")
@pytest.mark.parametrize(
    "override",
    [
        {"birth_date": "1901-01-01"},
        {"id_card_serial": "999999"},
        {"mobile": "+989129999999"},
        {"email": ""},
        {"email": "other@example.ir"},
    ],
)
def test_any_mismatch_sends_nothing_and_looks_the_same(api, member, sms_outbox, override):
    """ID-5/ID-7: unless everything matches (the email too, where one is registered) nothing
    is sent; the answer is the same as for a match and for a missing account."""
    matched = start(api, details(member))
    sent = len(sms_outbox)
    mismatched = start(api, details(member, **override))
    missing = start(api, details(member, national_id=national_code(5151)))
    assert matched.status_code == mismatched.status_code == missing.status_code == 200
    assert matched.json()["detail"] == mismatched.json()["detail"] == missing.json()["detail"]
    assert len(sms_outbox) == sent


@pytest.mark.rule("ID-5")
@pytest.mark.rule("ID-7")
def test_recovery_failures_count_toward_the_lock(api, member, sms_outbox):
    """ID-7: wrong recovery codes are counted; the 6th locks, then even the right codes are
    refused."""
    challenge = start(api, details(member)).json()["challenge"]
    sms_code, email_code = last_code(sms_outbox), last_email_code()
    statuses = [confirm(api, challenge, "000000", "000000").status_code for _ in range(6)]
    assert statuses == [400] * 5 + [429]
    assert confirm(api, challenge, sms_code, email_code).status_code == 429
    assert User.objects.get(pk=member.pk).check_password("Correct-Horse-42")
