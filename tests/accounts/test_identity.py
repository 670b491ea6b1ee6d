"""Identity assurance (ID-9, ID-10) and names (ID-14): who may receive what is addressed to a
national ID, the two ways to a verified account, and the one normal form of names."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import identity
from accounts.identity import providers
from accounts.models import IdentityVerification, Level, User
from accounts.names import normalize_name
from core.models import OutboundMessage, TransitionLog
from notices import services as notice_services
from notices.models import Notice
from tests.accounts.conftest import last_code
from tests.factories import UserFactory
from tests.factories.notices import BranchFactory, court_clerk
from tests.factories.offices import operational_office

pytestmark = pytest.mark.django_db

# A person of the local civil register (accounts/identity/people.csv) with no account yet.
OWNER = {
    "national_id": "0020000014",
    "first_name": "پرویز",
    "last_name": "نادری",
    "birth_date": "1970-01-15",
    "id_card_serial": "A41022",
    "mobile": "+989350000101",
}
ATTACKER_MOBILE = "+989129999999"


def register(api, *, mobile, first_name=OWNER["first_name"], **extra):
    body = {
        "national_id": OWNER["national_id"],
        "mobile": mobile,
        "password": "Correct-Horse-42",
        "first_name": first_name,
        "last_name": OWNER["last_name"],
        "birth_date": OWNER["birth_date"],
        "id_card_serial": OWNER["id_card_serial"],
        **extra,
    }
    return api.post("/api/v1/accounts/register/", body, format="json")


def register_and_activate(api, sms_outbox, *, mobile):
    started = register(api, mobile=mobile)
    assert started.status_code == 202, started.json()
    code = last_code(sms_outbox, to=mobile)
    verified = api.post(
        "/api/v1/accounts/register/verify/",
        {"challenge": started.json()["challenge"], "code": code},
        format="json",
    )
    assert verified.status_code == 200, verified.json()
    return User.objects.get(national_id=OWNER["national_id"])


def issue_to_national_id(national_id):
    branch = BranchFactory()
    return notice_services.issue_notice(
        actor=court_clerk(branch),
        branch=branch,
        recipient=national_id,
        case_number="1403123456780001",
        subject="Summons",
        body="You are summoned.",
    )


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


# --- ID-14 -------------------------------------------------------------------------------------


@pytest.mark.rule("ID-14")
def test_a_name_with_a_right_to_left_override_is_refused(api, sms_outbox):
    """ID-14: U+202E in a name is refused with a field error; nothing is stored or sent."""
    response = register(api, mobile=OWNER["mobile"], first_name="\u202eپرویز")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and "first_name" in body["fields"]
    assert not User.objects.filter(national_id=OWNER["national_id"]).exists()
    assert sms_outbox == []


@pytest.mark.rule("ID-14")
def test_names_are_normalised_everywhere_they_are_taken(api, member):
    """ID-14: Arabic yeh and kaf become the Persian ones, presentation forms fold (NFKC), the
    ZWNJ between two letters is kept; a zero-width space is refused, on the own-account API
    too."""
    assert normalize_name("  علي   كريمي ") == "علی کریمی"
    assert normalize_name("ﻙﺮﯾﻤﯽ") == "کریمی"
    assert normalize_name("حسین\u200cزاده") == "حسین\u200cزاده"
    for hidden in ("Ali\u200b", "\u200cAli", "A\u2066li", "Ali\u200f"):
        with pytest.raises(Exception) as refused:
            normalize_name(hidden)
        assert refused.value.code in ("zero_width", "bidi_control")
    api.force_authenticate(member)
    changed = api.patch("/api/v1/accounts/me/", {"first_name": "علي"}, format="json")
    assert changed.status_code == 200 and changed.json()["first_name"] == "علی"
    refused = api.patch("/api/v1/accounts/me/", {"last_name": "Do\u200be"}, format="json")
    assert refused.status_code == 400 and "last_name" in refused.json()["fields"]
    member.refresh_from_db()
    assert member.last_name != "Do\u200be"


# --- ID-10 -------------------------------------------------------------------------------------


@pytest.mark.rule("ID-10")
def test_a_second_registration_cannot_replace_a_pending_one(api, sms_outbox):
    """ID-10: the second registration gets the same answer but sends nothing and changes
    nothing; the first one's code still completes it."""
    first = register(api, mobile=OWNER["mobile"])
    assert first.status_code == 202
    code = last_code(sms_outbox, to=OWNER["mobile"])
    second = register(api, mobile=ATTACKER_MOBILE, first_name="Someone")
    assert second.status_code == 202
    assert second.json()["detail"] == first.json()["detail"]
    assert not [m for m in sms_outbox if m.recipient == ATTACKER_MOBILE]
    pending = User.objects.get(national_id=OWNER["national_id"])
    assert str(pending.mobile) == OWNER["mobile"] and pending.first_name == OWNER["first_name"]
    done = api.post(
        "/api/v1/accounts/register/verify/",
        {"challenge": first.json()["challenge"], "code": code},
        format="json",
    )
    assert done.status_code == 200
    pending.refresh_from_db()
    assert pending.status == User.Status.ACTIVE and pending.level == Level.REGISTERED


# --- ID-9 --------------------------------------------------------------------------------------


@pytest.mark.rule("ID-9")
def test_a_squatter_of_someone_elses_national_id_never_sees_their_notices(api, sms_outbox):
    """ID-9: someone registers the owner's national ID with their own mobile. The notice for
    that national ID waits: no view, no deemed service; the squatter cannot verify remotely
    (the operator does not confirm the mobile); the owner is verified at an office with
    their own mobile, the notice is delivered to them, and the squatter's access ends."""
    notice = issue_to_national_id(OWNER["national_id"])
    assert notice.status == Notice.Status.WAITING and notice.recipient_user_id is None
    assert notice.delivered_at is None and notice.deemed_service_due_at is None
    assert sms_outbox == []  # nobody to alert yet

    squatter = register_and_activate(api, sms_outbox, mobile=ATTACKER_MOBILE)
    assert squatter.level == Level.REGISTERED
    squatter_api = APIClient()
    signed = squatter_api.post(
        "/api/v1/auth/signin/",
        {"national_id": OWNER["national_id"], "password": "Correct-Horse-42"},
        format="json",
    )
    token = squatter_api.post(
        "/api/v1/auth/signin/verify/",
        {
            "challenge": signed.json()["challenge"],
            "temp_password": last_code(sms_outbox, to=ATTACKER_MOBILE),
            "issue_token": True,
        },
        format="json",
    ).json()["token"]
    squatter_api = APIClient(HTTP_AUTHORIZATION=f"Bearer {token}")

    inbox = squatter_api.get("/api/v1/notices/")
    assert inbox.status_code == 403 and inbox.json()["code"] == "verification_required"
    assert "identity" in inbox.json()["fields"]
    opened = squatter_api.post(f"/api/v1/notices/{notice.pk}/view/")
    assert opened.status_code == 404
    attempt = squatter_api.post(
        "/api/v1/accounts/me/verify/",
        {k: OWNER[k] for k in ("first_name", "last_name", "birth_date", "id_card_serial")},
        format="json",
    )
    assert attempt.status_code == 400 and attempt.json()["code"] == "identity_not_confirmed"
    notice.refresh_from_db()
    assert notice.status == Notice.Status.WAITING and notice.first_viewed_at is None

    office = operational_office()
    staff = office.people["clerk"][0]
    verified = client_for(staff).post(
        f"/api/v1/offices/{office.code}/identity/",
        {**OWNER, "card_seen": True},
        format="json",
    )
    assert verified.status_code == 200, verified.json()
    assert verified.json()["level"] == "verified" and verified.json()["created"] is False
    owner = User.objects.get(national_id=OWNER["national_id"])
    assert str(owner.mobile) == OWNER["mobile"] and owner.is_verified
    record = IdentityVerification.objects.get(user=owner)
    assert record.method == "office" and record.verified_by == staff
    assert record.office_id == office.pk and record.id_card_serial == OWNER["id_card_serial"]

    notice.refresh_from_db()
    assert notice.status == Notice.Status.PENDING and notice.recipient_user == owner
    assert notice.delivered_at is not None and notice.deemed_service_due_at is not None
    assert TransitionLog.objects.filter(object_id=str(notice.pk), transition="deliver").exists()
    ended = squatter_api.get("/api/v1/notices/")  # the squatter's token ended
    assert ended.status_code in (401, 403)
    assert ended.json()["code"] in ("authentication_failed", "not_authenticated")
    assert OutboundMessage.objects.filter(
        recipient=OWNER["mobile"], purpose="identity.office_password"
    ).exists()
    assert OutboundMessage.objects.filter(user=owner, purpose="notices.issued").exists()


@pytest.mark.rule("ID-9")
def test_remote_verification_by_registry_and_operator_delivers_waiting_notices(api, sms_outbox):
    """ID-9 (a): the civil registry and the mobile operator confirm the owner's details;
    the account is verified and the waiting notice reaches it with its alert."""
    notice = issue_to_national_id(OWNER["national_id"])
    owner = register_and_activate(api, sms_outbox, mobile=OWNER["mobile"])
    me = client_for(owner)
    wrong = me.post(
        "/api/v1/accounts/me/verify/",
        {
            "first_name": OWNER["first_name"],
            "last_name": OWNER["last_name"],
            "birth_date": "1971-01-15",
            "id_card_serial": OWNER["id_card_serial"],
        },
        format="json",
    )
    assert wrong.status_code == 400 and wrong.json()["code"] == "identity_not_confirmed"
    owner.refresh_from_db()
    assert owner.level == Level.REGISTERED
    right = me.post(
        "/api/v1/accounts/me/verify/",
        {
            "first_name": "پرويز",  # Arabic yeh: the same name once normalised (ID-14)
            "last_name": OWNER["last_name"],
            "birth_date": OWNER["birth_date"],
            "id_card_serial": OWNER["id_card_serial"],
        },
        format="json",
    )
    assert right.status_code == 200 and right.json()["level"] == "verified"
    owner.refresh_from_db()
    me = client_for(owner)  # the verified account, as the next request would load it
    notice.refresh_from_db()
    assert notice.status == Notice.Status.PENDING and notice.recipient_user_id == owner.pk
    assert OutboundMessage.objects.filter(user=owner, purpose="notices.issued").exists()
    inbox = me.get("/api/v1/notices/")
    assert inbox.status_code == 200 and inbox.json()["count"] == 1
    again = me.post(
        "/api/v1/accounts/me/verify/",
        {k: OWNER[k] for k in ("first_name", "last_name", "birth_date", "id_card_serial")},
        format="json",
    )
    assert again.status_code == 409 and again.json()["code"] == "already_verified"


@pytest.mark.rule("ID-9")
def test_an_unavailable_registry_is_retried_then_answers_503(monkeypatch, member):
    """ID-9: a provider that times out is retried, then the caller gets 503
    `provider_unavailable` (never "not verified"), and the account stays as it was."""
    member.identity_verified_at = None
    member.save()
    calls = []

    def timeout(self, person, *, timeout):
        calls.append(timeout)
        raise TimeoutError

    from accounts.identity.local import LocalCivilRegistry

    monkeypatch.setattr(LocalCivilRegistry, "check", timeout)
    monkeypatch.setattr(providers.time, "sleep", lambda s: None)
    response = client_for(member).post(
        "/api/v1/accounts/me/verify/",
        {
            "first_name": member.first_name,
            "last_name": member.last_name,
            "birth_date": str(member.birth_date),
            "id_card_serial": member.id_card_serial,
        },
        format="json",
    )
    assert response.status_code == 503 and response.json()["code"] == "provider_unavailable"
    assert len(calls) == 3 and calls[0] == 5.0
    member.refresh_from_db()
    assert member.identity_verified_at is None


@pytest.mark.rule("ID-9")
def test_in_person_registration_at_an_office_and_who_may_do_it(sms_outbox):
    """ID-9 (b): staff of the office register a person who has no account, after seeing the
    ID card; without `card_seen` nothing is stored; staff of another office get 404."""
    office = operational_office()
    other = operational_office()
    person = {**OWNER, "national_id": "0020000022", "mobile": "+989350000102"}
    staff = client_for(office.people["manager"])
    unseen = staff.post(f"/api/v1/offices/{office.code}/identity/", person, format="json")
    assert unseen.status_code == 400 and "card_seen" in unseen.json()["fields"]
    assert not User.objects.filter(national_id="0020000022").exists()
    outsider = client_for(other.people["manager"]).post(
        f"/api/v1/offices/{office.code}/identity/", {**person, "card_seen": True}, format="json"
    )
    assert outsider.status_code == 404 and outsider.json()["code"] == "not_found"
    done = staff.post(
        f"/api/v1/offices/{office.code}/identity/", {**person, "card_seen": True}, format="json"
    )
    assert done.status_code == 200 and done.json()["created"] is True
    user = User.objects.get(national_id="0020000022")
    assert user.is_verified and user.must_change_password and user.status == "active"
    assert any(m.recipient == "+989350000102" for m in sms_outbox)


@pytest.mark.rule("ID-9")
def test_case_access_and_booking_need_their_levels():
    """ID-9: following a case by its password needs a verified identity (403
    `verification_required` saying how); booking needs only a registered account."""
    from notices import selectors

    registered = UserFactory(identity_verified_at=None)
    with pytest.raises(identity.VerificationRequired) as refused:
        selectors.by_case_password(
            actor=registered, case_number="1403123456780001", sub_row=1, password="x"
        )
    assert refused.value.code == "verification_required"
    assert str(refused.value.fields["identity"][0])  # how to get verified
    assert identity.has_level(registered, "booking")
    assert not identity.has_level(registered, "filing_signature")
    assert identity.has_level(UserFactory(), "filing_signature")
    assert not identity.has_level(UserFactory(status="pending", is_active=False), "booking")


@pytest.mark.rule("ID-9")
def test_a_notice_to_an_unverified_account_waits_and_its_deadline_does_not_run(member):
    """ID-9, NOT-5: addressed to an account that is only registered, the notice waits with no
    recipient; the deemed-service sweep passes it by."""
    member.identity_verified_at = None
    member.save()
    notice = issue_to_national_id(member.national_id)
    assert notice.status == Notice.Status.WAITING and notice.addressed_national_id
    later = timezone.now() + timedelta(days=365)
    assert notice_services.deem_overdue_notices(now=later) == 0
    notice.refresh_from_db()
    assert notice.status == Notice.Status.WAITING and notice.served_at is None
    assert notice_services.served_at(notice) == (None, None)


@pytest.mark.rule("ID-9")
def test_people_register_is_a_data_set_not_a_yes():
    """ID-9: the development registry says no to a person it does not hold."""
    from accounts.identity.local import LocalCivilRegistry, LocalMobileOwnership

    person = providers.Person("0020000014", "پرویز", "نادری", date(1970, 1, 15), "A41022")
    assert LocalCivilRegistry().check(person, timeout=1)
    stranger = providers.Person("0020000014", "پرویز", "نادری", date(1970, 1, 15), "Z00000")
    assert not LocalCivilRegistry().check(stranger, timeout=1)
    assert LocalMobileOwnership().check("0020000014", "+989350000101", timeout=1)
    assert not LocalMobileOwnership().check("0020000014", ATTACKER_MOBILE, timeout=1)


@pytest.mark.rule("ID-9")
def test_the_pages_say_what_is_missing_and_the_office_page_verifies(client, sms_outbox):
    """ID-9: an unverified account's notices page says how to get verified; the office's
    identity page (its staff only) verifies a person with the same action as the API."""
    registered = UserFactory(identity_verified_at=None)
    client.force_login(registered)
    inbox = client.get("/en/notices/")
    assert inbox.status_code == 200 and b'data-code="verification_required"' in inbox.content
    verify_page = client.get("/en/accounts/verify/")
    assert verify_page.status_code == 200 and b'data-level="registered"' in verify_page.content

    office = operational_office()
    client.force_login(office.people["clerk"][0])
    form = client.get(f"/en/office/{office.code}/identity/")
    assert form.status_code == 200 and b'name="card_seen"' in form.content
    person = {**OWNER, "national_id": registered.national_id, "mobile": str(registered.mobile)}
    done = client.post(
        f"/en/office/{office.code}/identity/verify/", {**person, "card_seen": "true"}
    )
    assert done.status_code == 302
    registered.refresh_from_db()
    assert registered.is_verified and registered.identity_method == "office"


@pytest.mark.rule("ID-10")
def test_a_verified_accounts_mobile_changes_only_to_one_the_operator_confirms(sms_outbox):
    """ID-10: a verified account cannot move to a mobile that the operators do not register
    to its national ID (no code is sent); one they confirm gets its code."""
    owner = UserFactory(
        national_id=OWNER["national_id"], mobile="+989350000199", id_card_serial="A41022"
    )
    me = client_for(owner)
    refused = me.post("/api/v1/accounts/me/mobile/", {"mobile": ATTACKER_MOBILE}, format="json")
    assert refused.status_code == 400 and refused.json()["code"] == "mobile_not_confirmed"
    assert "mobile" in refused.json()["fields"]
    assert not [m for m in sms_outbox if m.recipient == ATTACKER_MOBILE]
    accepted = me.post("/api/v1/accounts/me/mobile/", {"mobile": OWNER["mobile"]}, format="json")
    assert accepted.status_code == 202
    assert [m for m in sms_outbox if m.recipient == OWNER["mobile"]]


@pytest.mark.rule("ID-9")
def test_the_demo_has_verified_users_and_one_to_verify():
    """ID-9: every demo user is verified except one, whom the development civil registry and
    operator know, so the README's online and office verification both work."""
    from accounts import demo

    demo.seed_users()
    demo.seed_users()  # idempotent
    unverified = User.objects.filter(
        national_id__in=[row[0] for row in demo.DEMO_USERS], identity_verified_at__isnull=True
    )
    assert [u.national_id for u in unverified] == ["0010000178"]
    assert (
        User.objects.filter(identity_verified_at__isnull=False).count() == len(demo.DEMO_USERS) - 1
    )
    person = unverified.get()
    registry = providers.Person(
        person.national_id, person.first_name, person.last_name, person.birth_date, "123456"
    )
    assert providers.call("CIVIL_REGISTRY", registry)
    assert providers.call("MOBILE_OWNERSHIP", person.national_id, str(person.mobile))
