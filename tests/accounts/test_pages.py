"""The accounts pages: two-step sign-in (ID-4), registration (ID-1, ID-2), recovery (ID-5),
password change (ID-6)."""

import pytest
from django.test import Client

from accounts.models import User
from tests.accounts.conftest import last_code, last_email_code, sms_password
from tests.factories import national_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    return Client()


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/signin/",
        "/en/accounts/signin/",
        "/admin/login/",
        "/admin/login/?next=/admin/",
        "/django-admin/login/",
        "/accounts/register/",
        "/accounts/recovery/",
    ],
)
def test_pages_render(browser, url):
    response = browser.get(url)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content


@pytest.mark.rule("ID-4")
def test_two_step_sign_in_ends_signed_in_at_next(browser, member, sms_outbox):
    """ID-4: national ID + password, then the temporary password; the browser ends signed in
    and goes to the (safe) next page."""
    response = browser.post(
        "/accounts/signin/?next=/accounts/password/",
        {
            "national_id": member.national_id,
            "password": "Correct-Horse-42",
            "next": "/accounts/password/",
        },
    )
    assert response.status_code == 302
    assert response.url.startswith("/accounts/signin/code/")
    page = browser.get(response.url)
    assert page.status_code == 200
    assert b"resend" in page.content

    response = browser.post(
        "/accounts/signin/code/",
        {"temp_password": last_code(sms_outbox), "next": "/accounts/password/"},
    )
    assert response.status_code == 302
    assert response.url == "/accounts/password/"
    assert browser.get("/accounts/password/").status_code == 200
    assert browser.session["_auth_user_id"] == str(member.pk)


@pytest.mark.rule("ID-4")
def test_unsafe_next_is_ignored(browser, member, sms_outbox):
    """ID-4: an off-site `next` is never followed."""
    browser.post(
        "/accounts/signin/",
        {
            "national_id": member.national_id,
            "password": "Correct-Horse-42",
            "next": "https://evil.example/",
        },
    )
    response = browser.post("/accounts/signin/code/", {"temp_password": last_code(sms_outbox)})
    assert response.url == "/portal/"  # the user's desk, not the off-site address


@pytest.mark.rule("ID-4")
def test_second_sign_in_page_says_already_sent_and_resend_works(browser, member, sms_outbox):
    """ID-4: the page says the temporary password was already sent; "resend" sends a new one
    that works while the old one does not."""
    creds = {"national_id": member.national_id, "password": "Correct-Horse-42"}
    browser.post("/en/accounts/signin/", creds)
    old = last_code(sms_outbox)
    browser.post("/en/accounts/signin/", creds)
    page = browser.get("/en/accounts/signin/code/")
    assert b"already sent" in page.content
    assert len(sms_outbox) == 1

    response = browser.post("/en/accounts/signin/code/", {"resend": "1"})
    assert response.status_code == 302
    assert len(sms_outbox) == 2
    new = last_code(sms_outbox)
    if new != old:
        refused = browser.post("/en/accounts/signin/code/", {"temp_password": old})
        assert refused.status_code == 200
        assert b"not valid" in refused.content
    assert browser.post("/en/accounts/signin/code/", {"temp_password": new}).status_code == 302
    assert browser.session["_auth_user_id"] == str(member.pk)


@pytest.mark.rule("ID-7")
def test_wrong_password_shows_a_readable_generic_error(browser, member):
    """ID-7: the page shows the same generic message as the API."""
    response = browser.post(
        "/en/accounts/signin/", {"national_id": member.national_id, "password": "wrong"}
    )
    assert response.status_code == 200
    assert b"is not correct" in response.content


@pytest.mark.rule("ID-13")
def test_staff_sign_in_through_the_admin_login_reaches_wagtail(browser, sms_outbox):
    """Staff sign in at /admin/login/ with the same two steps, then their second factor
    (ID-13), and reach Wagtail's admin."""
    from tests.factories import UserFactory
    from tests.factories.second_factor import authenticator, totp_code

    staff = UserFactory(is_staff=True, is_superuser=True)
    device = authenticator(staff)
    response = browser.post(
        "/admin/login/?next=/admin/",
        {"national_id": staff.national_id, "password": "Correct-Horse-42", "next": "/admin/"},
    )
    assert response.status_code == 302
    response = browser.post(
        response.url, {"temp_password": last_code(sms_outbox), "next": "/admin/"}
    )
    assert response.url == "/admin/"
    response = browser.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/accounts/second-factor/?next=%2Fadmin%2F"
    response = browser.post(response.url, {"code": totp_code(device)})
    assert response.url == "/admin/"
    assert browser.get("/admin/").status_code == 200


def test_sign_out_needs_post(browser, member):
    browser.force_login(member)
    assert browser.get("/accounts/signout/").status_code == 200
    assert browser.post("/accounts/signout/").status_code == 302
    assert "_auth_user_id" not in browser.session


@pytest.mark.rule("ID-1")
@pytest.mark.rule("ID-2")
def test_register_pages(browser, sms_outbox):
    """ID-1/ID-2: register on the site (Jalali birth date accepted), then verify the mobile
    and the email codes."""
    nid = national_code(31337)
    form = {
        "nationality": "IR",
        "id_scheme": "ir",
        "national_id": nid,
        "first_name": "Ali",
        "last_name": "Karimi",
        "birth_date": "۱۳۷۰/۰۵/۱۴",
        "id_card_serial": "123",
        "mobile": "09121234567",
        "email": "ali@example.ir",
        "password": "Zebra-Lantern-77",
        "password2": "Zebra-Lantern-77",
    }
    bad = browser.post(
        "/en/accounts/register/", {**form, "national_id": nid[:9] + str((int(nid[9]) + 1) % 10)}
    )
    assert bad.status_code == 200
    assert b"check digit" in bad.content
    response = browser.post("/accounts/register/", form)
    assert response.status_code == 302, response.content
    user = User.objects.get(national_id=nid)
    assert user.birth_date.isoformat() == "1991-08-05"
    response = browser.post(
        "/accounts/register/verify/",
        {"code": last_code(sms_outbox), "email_code": last_email_code("ali@example.ir")},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.status == User.Status.ACTIVE
    assert user.email_verified_at is not None


@pytest.mark.rule("ID-5")
@pytest.mark.rule("ID-6")
def test_recovery_and_forced_password_change_pages(browser, member, sms_outbox):
    """ID-5/ID-6: recover on the site; sign in with the SMS password; the password page comes
    first; changing it tells the user by SMS."""
    response = browser.post(
        "/accounts/recovery/",
        {
            "national_id": member.national_id,
            "birth_date": member.birth_date.isoformat(),
            "id_card_serial": member.id_card_serial,
            "mobile": str(member.mobile),
            "email": member.email,
        },
    )
    assert response.status_code == 302
    response = browser.post(
        "/accounts/recovery/confirm/",
        {"sms_code": last_code(sms_outbox), "email_code": last_email_code()},
    )
    assert response.status_code == 302
    password = sms_password(sms_outbox)

    browser.post("/accounts/signin/", {"national_id": member.national_id, "password": password})
    response = browser.post("/accounts/signin/code/", {"temp_password": last_code(sms_outbox)})
    assert response.url.startswith("/accounts/password/")
    sent = len(sms_outbox)
    response = browser.post(
        "/accounts/password/",
        {
            "current_password": password,
            "new_password": "Fresh-Meadow-88",
            "new_password2": "Fresh-Meadow-88",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Fresh-Meadow-88")
    assert not member.must_change_password
    assert len(sms_outbox) == sent + 1
    assert browser.session["_auth_user_id"] == str(member.pk)


def test_password_page_needs_sign_in(browser):
    response = browser.get("/accounts/password/")
    assert response.status_code == 302
    assert "/accounts/signin/" in response.url


def test_schema_documents_the_accounts_api(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/auth/signin/",
        "/api/v1/auth/signin/verify/",
        "/api/v1/auth/recovery/confirm/",
        "/api/v1/accounts/register/",
        "/api/v1/accounts/users/{id}/disable/",
    ):
        assert path in paths
    assert "bearerAuth" in response.json()["components"]["securitySchemes"]
