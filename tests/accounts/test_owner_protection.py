"""Lock-outs that protect the owner (ID-11) and per-device tokens (ID-12)."""

import re

import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient

from accounts import guard
from accounts.models import DeviceToken
from core.models import OutboundMessage
from tests.accounts.conftest import PASSWORD, last_code
from tests.factories import UserFactory, national_code

pytestmark = pytest.mark.django_db

QUICK_CHALLENGE = {**settings.ACCOUNTS, "CHALLENGE_MAX_NUMBER": 200}


def signin(api, national_id, password, source, **extra):
    return api.post(
        "/api/v1/auth/signin/",
        {"national_id": national_id, "password": password, **extra},
        format="json",
        REMOTE_ADDR=source,
    )


def token_for(user, sms_outbox, name=""):
    api = APIClient()
    started = signin(api, user.national_id, PASSWORD, "10.20.0.1")
    assert started.status_code == 200, started.json()
    verified = api.post(
        "/api/v1/auth/signin/verify/",
        {
            "challenge": started.json()["challenge"],
            "temp_password": last_code(sms_outbox, to=user.mobile),
            "issue_token": True,
            "device_name": name,
        },
        format="json",
        REMOTE_ADDR="10.20.0.1",
    )
    assert verified.status_code == 200, verified.json()
    return verified.json()["token"]


def bearer(token):
    return APIClient(HTTP_AUTHORIZATION=f"Bearer {token}")


def refused(response) -> bool:
    """A token that no longer works: the API refuses the request as unauthenticated (403 here,
    since the session is the first authentication scheme), with the one error shape."""
    return response.status_code in (401, 403) and response.json()["code"] in (
        "authentication_failed",
        "not_authenticated",
    )


# --- ID-11 ------------------------------------------------------------------------------------


@pytest.mark.rule("ID-11")
@override_settings(ACCOUNTS=QUICK_CHALLENGE)
def test_a_thousand_wrong_passwords_from_strangers_leave_the_owner_able_to_sign_in(
    api, member, sms_outbox
):
    """ID-11: strangers' 1,000 wrong passwords (from 20 addresses) delay only their own
    (national ID, address) pairs; the owner, at their own address, is asked for a proof of
    work instead of being locked out, and signs in with it."""
    statuses = set()
    for attempt in range(1000):
        response = signin(api, member.national_id, "Wrong-Pass-123", f"10.66.0.{attempt % 20}")
        statuses.add((response.status_code, response.json()["code"]))
    assert statuses <= {
        (400, "invalid_credentials"),
        (429, "locked"),
        (429, "challenge_required"),
    }
    asked = signin(api, member.national_id, PASSWORD, "10.1.1.1")
    assert asked.status_code == 429 and asked.json()["code"] == "challenge_required"
    challenge = api.get("/api/v1/auth/challenge/").json()
    proof = guard.solve(challenge)
    started = signin(api, member.national_id, PASSWORD, "10.1.1.1", proof=proof)
    assert started.status_code == 200, started.json()
    verified = api.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": started.json()["challenge"], "temp_password": last_code(sms_outbox)},
        format="json",
        REMOTE_ADDR="10.1.1.1",
    )
    assert verified.status_code == 200 and verified.json()["user"]["id"] == member.pk
    # A proof is accepted once.
    assert not guard.verify_proof(proof)


@pytest.mark.rule("ID-11")
def test_the_pair_is_delayed_more_at_each_further_failure(api, member):
    """ID-11: past the pair's free failures each failure from that address delays it longer
    (429 `locked` with a growing Retry-After); another address is not delayed."""
    import time_machine
    from django.utils import timezone

    waits = []
    now = timezone.now()
    with time_machine.travel(now, tick=False) as clock:
        for _ in range(5):
            signin(api, member.national_id, "Wrong-Pass-123", "10.7.7.7")
        for _ in range(3):
            locked = signin(api, member.national_id, "Wrong-Pass-123", "10.7.7.7")
            if locked.status_code == 429:
                waits.append(int(locked["Retry-After"]))
                clock.shift(int(locked["Retry-After"]) + 1)
                locked = signin(api, member.national_id, "Wrong-Pass-123", "10.7.7.7")
                assert locked.status_code == 429 and locked.json()["code"] == "locked"
                waits.append(int(locked["Retry-After"]))
                break
    assert len(waits) == 2 and waits[1] > waits[0]
    other = signin(api, member.national_id, PASSWORD, "10.8.8.8")
    assert other.status_code == 200


@pytest.mark.rule("ID-11")
def test_the_101st_message_request_from_one_source_in_an_hour_sends_nothing(api, client):
    """ID-11: 100 registrations from one address each send their code; the 101st — on the
    API or the page — sends nothing and answers 429 `too_many_messages`."""
    for n in range(100):
        response = api.post(
            "/api/v1/accounts/register/",
            {
                "national_id": national_code(90_000 + n),
                "mobile": f"+98913{n:07d}",
                "password": "Correct-Horse-42",
                "first_name": "Ali",
                "last_name": "Karimi",
                "birth_date": "1990-01-01",
                "id_card_serial": "123456",
            },
            format="json",
            REMOTE_ADDR="10.5.5.5",
        )
        assert response.status_code == 202, (n, response.json())
    sent = OutboundMessage.objects.filter(channel="sms").count()
    assert sent == 100
    refused = api.post(
        "/api/v1/accounts/register/",
        {
            "national_id": national_code(91_000),
            "mobile": "+989140000001",
            "password": "Correct-Horse-42",
            "first_name": "Ali",
            "last_name": "Karimi",
            "birth_date": "1990-01-01",
            "id_card_serial": "123456",
        },
        format="json",
        REMOTE_ADDR="10.5.5.5",
    )
    assert refused.status_code == 429 and refused.json()["code"] == "too_many_messages"
    page = client.post(
        "/en/accounts/register/",
        {
            "nationality": "IR",
            "id_scheme": "ir",
            "national_id": national_code(91_001),
            "first_name": "Ali",
            "last_name": "Karimi",
            "birth_date": "1990-01-01",
            "id_card_serial": "123456",
            "mobile": "+989140000002",
            "password": "Correct-Horse-42",
            "password2": "Correct-Horse-42",
        },
        REMOTE_ADDR="10.5.5.5",
    )
    assert page.status_code == 429 and b"Too many messages" in page.content
    assert OutboundMessage.objects.filter(channel="sms").count() == sent


@pytest.mark.rule("ID-11")
def test_case_password_guesses_count_against_the_account_not_the_address(api):
    """ID-11, NOT-6: one account's wrong case passwords lock that account's retrieval; another
    account at the same address is not affected."""
    guesser, neighbour = UserFactory(), UserFactory()
    body = {"case_number": "1403123456780001", "case_sub_row": 1, "password": "00000000"}
    guesser_api, neighbour_api = APIClient(), APIClient()
    guesser_api.force_authenticate(guesser)
    neighbour_api.force_authenticate(neighbour)
    answers = [
        guesser_api.post(
            "/api/v1/notices/lookup/case/", body, format="json", REMOTE_ADDR="10.3.3.3"
        ).status_code
        for _ in range(6)
    ]
    assert answers == [404] * 5 + [429]
    neighbour_answer = neighbour_api.post(
        "/api/v1/notices/lookup/case/", body, format="json", REMOTE_ADDR="10.3.3.3"
    )
    assert neighbour_answer.status_code == 404 and neighbour_answer.json()["code"] == "not_found"


# --- ID-12 ------------------------------------------------------------------------------------


@pytest.mark.rule("ID-12")
def test_tokens_are_per_device_hashed_expiring_listed_and_revocable(member, sms_outbox):
    """ID-12: each sign-in with `issue_token` gives its own token; only a digest is stored,
    with an expiry; the owner lists them and revokes one, which then stops working."""
    laptop = token_for(member, sms_outbox, name="Office laptop")
    phone = token_for(member, sms_outbox, name="Phone")
    assert laptop != phone
    stored = DeviceToken.objects.filter(user=member)
    assert stored.count() == 2
    for row in stored:
        assert row.expiry is not None and laptop not in (row.digest, row.token_key)
        assert len(row.digest) == 128
    listed = bearer(laptop).get("/api/v1/accounts/me/tokens/")
    assert listed.status_code == 200
    rows = listed.json()["results"] if "results" in listed.json() else listed.json()
    assert {r["name"] for r in rows} == {"Office laptop", "Phone"}
    assert [r["current"] for r in rows if r["name"] == "Office laptop"] == [True]
    phone_key = next(r["key"] for r in rows if r["name"] == "Phone")
    revoked = bearer(laptop).delete(f"/api/v1/accounts/me/tokens/{phone_key}/")
    assert revoked.status_code == 204
    assert refused(bearer(phone).get("/api/v1/accounts/me/"))
    assert bearer(laptop).get("/api/v1/accounts/me/").status_code == 200
    stranger = UserFactory()
    other = bearer(token_for(stranger, sms_outbox)).delete(
        f"/api/v1/accounts/me/tokens/{rows[0]['key']}/"
    )
    assert other.status_code == 404 and other.json()["code"] == "not_found"


@pytest.mark.rule("ID-12")
def test_a_token_stops_working_after_a_password_change(member, sms_outbox):
    """ID-12: a password change made with one token ends every other token (and session);
    the token it was made with keeps working."""
    used = token_for(member, sms_outbox)
    other = token_for(member, sms_outbox)
    session = APIClient()
    session.force_login(member)
    changed = bearer(used).post(
        "/api/v1/accounts/me/password/",
        {"current_password": PASSWORD, "new_password": "Another-Horse-77"},
        format="json",
    )
    assert changed.status_code == 200
    assert refused(bearer(other).get("/api/v1/accounts/me/"))
    assert session.get("/api/v1/accounts/me/").status_code in (401, 403)
    assert bearer(used).get("/api/v1/accounts/me/").status_code == 200
    assert DeviceToken.objects.filter(user=member).count() == 1


@pytest.mark.rule("ID-12")
def test_recovery_ends_every_token(api, member, sms_outbox):
    """ID-12: password recovery ends every token of the account."""
    from django.core import mail

    token = token_for(member, sms_outbox)
    started = api.post(
        "/api/v1/auth/recovery/",
        {
            "national_id": member.national_id,
            "birth_date": member.birth_date.isoformat(),
            "id_card_serial": member.id_card_serial,
            "mobile": str(member.mobile),
            "email": member.email,
        },
        format="json",
    )
    sms_code = last_code(sms_outbox)
    email_code = re.search(r"(?<!\d)(\d{6})(?!\d)", mail.outbox[-1].body).group(1)
    done = api.post(
        "/api/v1/auth/recovery/confirm/",
        {"challenge": started.json()["challenge"], "sms_code": sms_code, "email_code": email_code},
        format="json",
    )
    assert done.status_code == 200, done.json()
    assert refused(bearer(token).get("/api/v1/accounts/me/"))
    assert not DeviceToken.objects.filter(user=member).exists()
