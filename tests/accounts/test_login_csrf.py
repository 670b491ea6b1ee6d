"""Login CSRF: a cross-site form cannot sign a victim's browser into the attacker's account."""

import pytest
from django.test import Client

from tests.accounts.conftest import last_code, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def attacker(db):
    return UserFactory(mobile="+989127777777")


def attackers_code(api, attacker, sms_outbox):
    """The attacker starts a sign-in to their own account and reads their own SMS."""
    challenge = sign_in(api, attacker).json()["challenge"]
    return challenge, last_code(sms_outbox, to="+989127777777")


def test_a_cross_site_form_post_to_the_verify_step_starts_no_session(api, attacker, sms_outbox):
    """The victim's browser posts the attacker's form (no CSRF cookie, no token): before the
    fix the answer was 200 and the browser was signed in as the attacker."""
    challenge, code = attackers_code(api, attacker, sms_outbox)
    victim = Client(enforce_csrf_checks=True)
    response = victim.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": code},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert "_auth_user_id" not in victim.session
    assert victim.get("/api/v1/accounts/me/").status_code == 403


def test_the_same_site_sign_in_with_the_csrf_token_still_starts_a_session(
    api, attacker, sms_outbox
):
    """A page of the site (with its CSRF cookie and header) signs in as before."""
    challenge, code = attackers_code(api, attacker, sms_outbox)
    browser = Client(enforce_csrf_checks=True)
    browser.get("/accounts/signin/")
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": code},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200, response.json()
    assert response.json()["user"]["national_id"] == attacker.national_id
    assert browser.session["_auth_user_id"] == str(attacker.pk)


def test_a_token_client_needs_no_csrf_token(api, attacker, sms_outbox):
    """`issue_token` starts no session, so no cookie is at stake and no CSRF token is asked."""
    challenge, code = attackers_code(api, attacker, sms_outbox)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": code, "issue_token": True},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["token"]
    assert "_auth_user_id" not in client.session
