"""Staff second factor (ID-13): no staff page or API without a TOTP code, a recovery code or a
passkey; enrolment; throttled codes; passkeys; and nobody changes a higher administrator or
their own roles."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.models import User
from accounts.roles import Role
from accounts.second_factor.models import Passkey
from tests.accounts.conftest import last_code, sign_in
from tests.factories import UserFactory
from tests.factories.second_factor import (
    SoftwareAuthenticator,
    authenticator,
    force_login_unverified,
    totp_code,
)

pytestmark = [pytest.mark.django_db, pytest.mark.rule("ID-13")]

STAFF_PAGE = "/staff/licensing/"
STAFF_API = "/api/v1/licensing/requests/"


@pytest.fixture
def staff(db):
    return UserFactory(mobile="+989121112222", roles=[Role.LICENSING_STAFF], is_staff=True)


def api_sign_in(api, user, sms_outbox, **extra):
    """Password and SMS steps of the API sign-in; returns the verify step's answer."""
    challenge = sign_in(api, user).json()["challenge"]
    return api.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": last_code(sms_outbox), **extra},
        format="json",
    )


def second_factor(api, challenge, **body):
    return api.post(
        "/api/v1/auth/signin/second-factor/", {"challenge": challenge, **body}, format="json"
    )


# --- the gate --------------------------------------------------------------------------------


def test_staff_without_a_second_factor_are_sent_to_enrolment_from_a_staff_page(staff):
    client = Client()
    force_login_unverified(client, staff)
    response = client.get(STAFF_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/second-factor/enrol/?next=")
    assert client.get("/django-admin/")["Location"].startswith("/accounts/second-factor/enrol/")
    assert client.get("/admin/")["Location"].startswith("/accounts/second-factor/enrol/")


def test_an_enrolled_staff_user_is_asked_for_the_second_factor(staff):
    authenticator(staff)
    client = Client()
    force_login_unverified(client, staff)
    response = client.get(STAFF_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/second-factor/?next=")


@pytest.mark.parametrize("enrolled", [False, True])
def test_the_api_refuses_an_unverified_staff_session_with_a_clear_code(staff, enrolled):
    if enrolled:
        authenticator(staff)
    client = APIClient()
    force_login_unverified(client, staff)
    response = client.get(STAFF_API)
    assert response.status_code == 403
    expected = "second_factor_required" if enrolled else "second_factor_enrolment_required"
    assert response.json()["code"] == expected


def test_a_staff_token_issued_without_the_second_factor_is_refused(staff):
    token = account_services.api_token_issue(user=staff)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.get(STAFF_API)
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_enrolment_required"


def test_people_without_a_staff_role_need_no_second_factor(sms_outbox):
    party = UserFactory(mobile="+989121113333", roles=[Role.PARTY])
    api = APIClient()
    response = api_sign_in(api, party, sms_outbox)
    assert response.status_code == 200
    assert response.json()["user"]["national_id"] == party.national_id
    assert api.get("/api/v1/accounts/me/").status_code == 200


# --- the API sign-in -------------------------------------------------------------------------


def test_the_api_sign_in_of_staff_needs_the_authenticator_code(staff, sms_outbox):
    device = authenticator(staff)
    api = APIClient()
    pending = api_sign_in(api, staff, sms_outbox)
    assert pending.status_code == 202
    assert pending.json()["methods"] == ["totp"]
    assert api.get(STAFF_API).status_code == 403  # no session yet
    done = second_factor(api, pending.json()["challenge"], code=totp_code(device))
    assert done.status_code == 200, done.json()
    assert done.json()["user"]["national_id"] == staff.national_id
    assert api.get(STAFF_API).status_code == 200


def test_a_token_from_the_second_factor_step_reaches_the_staff_api(staff, sms_outbox):
    device = authenticator(staff)
    pending = api_sign_in(APIClient(), staff, sms_outbox, issue_token=True)
    assert pending.status_code == 202
    assert "token" not in pending.json()
    done = second_factor(
        APIClient(), pending.json()["challenge"], code=totp_code(device), issue_token=True
    )
    assert done.status_code == 200, done.json()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {done.json()['token']}")
    assert client.get(STAFF_API).status_code == 200


def test_a_wrong_code_is_refused_and_signs_nobody_in(staff, sms_outbox):
    authenticator(staff)
    api = APIClient()
    challenge = api_sign_in(api, staff, sms_outbox).json()["challenge"]
    response = second_factor(api, challenge, code="000000")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_code"
    assert api.get(STAFF_API).status_code == 403


# --- TOTP enrolment and verification on the pages ----------------------------------------------


def test_enrolment_of_an_authenticator_then_the_staff_page(staff):
    client = Client()
    force_login_unverified(client, staff)
    page = client.get("/accounts/second-factor/enrol/?next=/staff/licensing/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert "otpauth://" not in page.content.decode()  # the key is in the QR code and as text
    done = client.post(
        "/accounts/second-factor/enrol/?next=/staff/licensing/", {"code": totp_code(device)}
    )
    assert done.status_code == 302
    assert done["Location"].startswith("/accounts/second-factor/recovery-codes/")
    device.refresh_from_db()
    assert device.confirmed
    codes_page = client.get(done["Location"])
    assert StaticToken.objects.filter(device__user=staff).count() == 10
    for token in StaticToken.objects.filter(device__user=staff):
        assert token.token in codes_page.content.decode()
    assert client.get(STAFF_PAGE).status_code == 200


def test_a_second_device_cannot_be_enrolled_before_the_first_verifies_the_session(staff):
    """A stolen password and SMS code do not let a thief add their own authenticator."""
    authenticator(staff)
    client = Client()
    force_login_unverified(client, staff)
    response = client.get("/accounts/second-factor/enrol/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/second-factor/")
    assert not TOTPDevice.objects.filter(user=staff, confirmed=False).exists()


def test_the_page_step_accepts_the_authenticator_code(staff):
    device = authenticator(staff)
    client = Client()
    force_login_unverified(client, staff)
    response = client.post("/accounts/second-factor/?next=/staff/licensing/", {"code": "123"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get(STAFF_PAGE).status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        response = client.post(
            "/accounts/second-factor/?next=/staff/licensing/", {"code": totp_code(device)}
        )
    assert response.status_code == 302
    assert response["Location"] == "/staff/licensing/"
    assert client.get(STAFF_PAGE).status_code == 200


def test_a_recovery_code_works_once(staff):
    from accounts.second_factor import services

    authenticator(staff)
    code = services.recovery_codes_renew(user=staff)[0]
    first = Client()
    force_login_unverified(first, staff)
    assert first.post("/accounts/second-factor/", {"code": code.upper()}).status_code == 302
    assert first.get(STAFF_PAGE).status_code == 200
    second = Client()
    force_login_unverified(second, staff)
    again = second.post("/accounts/second-factor/", {"code": code})
    assert again.status_code == 200
    assert "code" in again.context["form"].errors or again.context["form"].non_field_errors()
    assert StaticToken.objects.filter(device__user=staff).count() == 9


@pytest.mark.rule("ID-7")
def test_codes_are_throttled_after_a_failure(staff, settings):
    """After a wrong code even the right one is refused for a while (django-otp's back-off),
    and the refusal looks the same."""
    from accounts.second_factor import services

    device = authenticator(staff)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        with pytest.raises(services.ValidationFailed):
            services.verify_code(user=staff, code="000000")
        with pytest.raises(services.ValidationFailed):
            services.verify_code(user=staff, code=totp_code(device))
    with time_machine.travel(start + timedelta(seconds=3), tick=False):
        assert services.verify_code(user=staff, code=totp_code(device)).pk == device.pk


@pytest.mark.rule("ID-7")
def test_repeated_wrong_codes_lock_the_second_factor(staff, settings):
    from accounts.second_factor import services
    from core.exceptions import Locked

    device = authenticator(staff)
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    for _attempt in range(settings.ACCOUNTS["MAX_FAILURES"]):
        with pytest.raises(services.ValidationFailed):
            services.verify_code(user=staff, code="000000", source="10.0.0.1")
    with pytest.raises(Locked):
        services.verify_code(user=staff, code="000000", source="10.0.0.1")
    with pytest.raises(Locked):  # now even the right code, until the lock ends
        services.verify_code(user=staff, code=totp_code(device), source="10.0.0.1")


# --- passkeys -------------------------------------------------------------------------------


def register_passkey(user) -> SoftwareAuthenticator:
    """A software authenticator whose passkey the user registered on the enrolment page."""
    key = SoftwareAuthenticator()
    client = Client()
    force_login_unverified(client, user)
    options = client.post("/accounts/second-factor/passkey/register/options/").json()
    response = client.post(
        "/accounts/second-factor/passkey/register/",
        key.create(options),
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    return key


def test_a_passkey_registration_and_sign_in_round_trip(staff):
    key = SoftwareAuthenticator()
    client = Client()
    force_login_unverified(client, staff)
    options = client.post("/accounts/second-factor/passkey/register/options/").json()
    assert options["rp"]["id"] == "testserver"
    registered = client.post(
        "/accounts/second-factor/passkey/register/?next=/staff/licensing/",
        key.create(options),
        content_type="application/json",
    )
    assert registered.status_code == 200, registered.json()
    assert registered.json()["redirect"].startswith("/accounts/second-factor/recovery-codes/")
    passkey = Passkey.objects.get(user=staff)
    assert passkey.confirmed and passkey.credential_id == key.b64(key.credential_id)
    assert client.get(STAFF_PAGE).status_code == 200

    later = Client()
    force_login_unverified(later, staff)
    assert later.get(STAFF_PAGE).status_code == 302
    options = later.post("/accounts/second-factor/passkey/options/").json()
    assert options["allowCredentials"][0]["id"] == passkey.credential_id
    verified = later.post(
        "/accounts/second-factor/passkey/verify/?next=/staff/licensing/",
        key.get(options),
        content_type="application/json",
    )
    assert verified.status_code == 200, verified.json()
    assert verified.json()["redirect"] == "/staff/licensing/"
    assert later.get(STAFF_PAGE).status_code == 200
    passkey.refresh_from_db()
    assert passkey.sign_count == 1


def test_an_assertion_for_another_challenge_is_refused(staff):
    key = register_passkey(staff)
    later = Client()
    force_login_unverified(later, staff)
    later.post("/accounts/second-factor/passkey/options/")
    forged = later.post(
        "/accounts/second-factor/passkey/verify/",
        key.get({"challenge": key.b64(b"an old challenge")}),
        content_type="application/json",
    )
    assert forged.status_code == 400
    assert forged.json()["code"] == "invalid_passkey"
    assert later.get(STAFF_PAGE).status_code == 302


def test_the_api_sign_in_accepts_a_passkey(staff, sms_outbox):
    key = register_passkey(staff)
    api = APIClient()
    pending = api_sign_in(api, staff, sms_outbox, issue_token=True)
    assert "passkey" in pending.json()["methods"]
    done = second_factor(
        api,
        pending.json()["challenge"],
        passkey=key.get(pending.json()["passkey_options"]),
        issue_token=True,
    )
    assert done.status_code == 200, done.json()
    assert done.json()["token"]


# --- ranks: no one changes a higher administrator or their own roles --------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_licensing_staff_cannot_disable_the_superuser(staff, superuser):
    client = APIClient()
    client.force_authenticate(staff)
    response = client.post(
        f"/api/v1/accounts/users/{superuser.pk}/disable/", {"reason": "test"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "higher_rank"
    superuser.refresh_from_db()
    assert superuser.status == User.Status.ACTIVE and superuser.is_active


def test_nobody_disables_their_own_account(staff):
    client = APIClient()
    client.force_authenticate(staff)
    response = client.post(
        f"/api/v1/accounts/users/{staff.pk}/disable/", {"reason": "test"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "own_account"
    staff.refresh_from_db()
    assert staff.status == User.Status.ACTIVE


def test_the_django_admin_keeps_a_higher_administrator_read_only(staff, superuser):
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_user", "view_user"])
    )
    client = Client()
    client.force_login(staff)
    url = f"/django-admin/accounts/user/{superuser.pk}/change/"
    response = client.post(url, {"first_name": "x", "last_name": "y", "groups": []})
    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.first_name != "x"


def test_the_django_admin_refuses_a_role_above_the_editors_own(staff):
    from django.contrib.auth.models import Group, Permission

    staff.user_permissions.add(*Permission.objects.filter(codename__in=["change_user"]))
    party = UserFactory()
    client = Client()
    client.force_login(staff)
    head = Group.objects.get_or_create(name=Role.CENTRE_HEAD.value)[0]
    page = client.get(f"/django-admin/accounts/user/{party.pk}/change/")
    data = {k: v for k, v in page.context["adminform"].form.initial.items() if v not in (None, [])}
    data.update({"groups": [head.pk], "preferred_language": "fa", "nationality": "IR"})
    data.update({"first_name": party.first_name, "last_name": party.last_name})
    response = client.post(f"/django-admin/accounts/user/{party.pk}/change/", data)
    assert response.status_code == 200
    refusal = response.context["adminform"].form.errors.as_data()["__all__"][0]
    assert refusal.code == "above_own_rank"
    assert not party.groups.filter(name=Role.CENTRE_HEAD.value).exists()


def test_wagtails_users_admin_refuses_changes_to_ones_own_roles(superuser):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    client = Client()
    client.force_login(superuser)
    head = Group.objects.get_or_create(name=Role.CENTRE_HEAD.value)[0]
    url = reverse("wagtailusers_users:edit", args=[superuser.pk])
    response = client.post(url, {"national_id": superuser.national_id, "groups": [head.pk]})
    assert response.status_code == 302
    assert response.url == reverse("wagtailusers_users:index")
    assert not superuser.groups.filter(pk=head.pk).exists()
