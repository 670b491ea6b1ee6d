"""National IDs, mobiles and one-time codes typed in Persian digits work as Latin ones, on
the pages and in the API (ID-1, ID-2, ID-4)."""

import pytest
from django.test import Client

from accounts.models import User
from core.dates import to_persian_digits
from tests.accounts.conftest import PASSWORD, last_code
from tests.accounts.test_registration import NEW_ID, payload

pytestmark = pytest.mark.django_db


@pytest.mark.rule("ID-4")
def test_sign_in_with_persian_digits_api(api, member, sms_outbox):
    response = api.post(
        "/api/v1/auth/signin/",
        {"national_id": to_persian_digits(member.national_id), "password": PASSWORD},
        format="json",
    )
    assert response.status_code == 200, response.json()
    verified = api.post(
        "/api/v1/auth/signin/verify/",
        {
            "challenge": response.json()["challenge"],
            "temp_password": to_persian_digits(last_code(sms_outbox)),
        },
        format="json",
    )
    assert verified.status_code == 200, verified.json()
    assert verified.json()["user"]["national_id"] == member.national_id


@pytest.mark.rule("ID-4")
def test_sign_in_with_persian_digits_page(member, sms_outbox):
    browser = Client()
    response = browser.post(
        "/accounts/signin/",
        {"national_id": to_persian_digits(member.national_id), "password": PASSWORD},
    )
    assert response.status_code == 302 and response.url.startswith("/accounts/signin/code/")
    code = "  ".join([to_persian_digits(last_code(sms_outbox))])
    response = browser.post("/accounts/signin/code/", {"temp_password": code})
    assert response.status_code == 302
    assert browser.session["_auth_user_id"] == str(member.pk)


@pytest.mark.rule("ID-1")
@pytest.mark.rule("ID-2")
def test_registration_with_persian_digits_stores_latin(api, sms_outbox):
    response = api.post(
        "/api/v1/accounts/register/",
        payload(
            national_id=to_persian_digits(NEW_ID),
            mobile="۰۹۱۲ ۳۳۳ ۴۴۴۴",
            id_card_serial="۱۲۳۴۵۶",
            first_name="علي",
        ),
        format="json",
    )
    assert response.status_code == 202, response.json()
    user = User.objects.get(national_id=NEW_ID)
    assert str(user.mobile) == "+989123334444" and user.first_name == "علی"
    assert [str(m.recipient) for m in sms_outbox] == ["+989123334444"]
