"""Locking after repeated failures (ID-7), the source throttle and the codes' back-off."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from accounts.models import OneTimeCode
from tests.accounts.conftest import last_code, sign_in
from tests.factories import UserFactory, national_code

pytestmark = pytest.mark.django_db


def verify(api, challenge, code, **extra):
    return api.post(
        "/api/v1/auth/signin/verify/",
        {"challenge": challenge, "temp_password": code},
        format="json",
        **extra,
    )


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.mark.rule("ID-7")
def test_sixth_wrong_code_locks_and_then_even_the_right_code_is_refused(api, member, sms_outbox):
    """ID-7: five wrong temporary passwords are refused; the 6th locks (429 `locked` with
    Retry-After); while locked even the right code is refused; the lock lifts after the
    period, and the same temporary password then works."""
    challenge = sign_in(api, member).json()["challenge"]
    code = last_code(sms_outbox)
    for _ in range(5):
        response = verify(api, challenge, wrong(code))
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_code"
    sixth = verify(api, challenge, wrong(code))
    assert sixth.status_code == 429
    assert sixth.json()["code"] == "locked"
    assert int(sixth["Retry-After"]) > 0

    right = verify(api, challenge, code)
    assert right.status_code == 429
    assert right.json()["code"] == "locked"
    assert sign_in(api, member).status_code == 429  # the first step too

    with time_machine.travel(timezone.now() + timedelta(minutes=31), tick=False):
        again = sign_in(api, member)
        assert again.status_code == 200
        assert again.json()["already_sent"] is True
        assert verify(api, again.json()["challenge"], code).status_code == 200


@pytest.mark.rule("ID-7")
def test_lock_on_a_missing_account_looks_the_same(api, member):
    """ID-7: wrong passwords lock an existing and a missing national ID alike, with the same
    answers at every attempt."""
    ghost = national_code(777)
    for attempt in range(6):
        existing = api.post(
            "/api/v1/auth/signin/",
            {"national_id": member.national_id, "password": "Wrong-Pass-123"},
            format="json",
            REMOTE_ADDR="10.0.0.1",
        )
        missing = api.post(
            "/api/v1/auth/signin/",
            {"national_id": ghost, "password": "Wrong-Pass-123"},
            format="json",
            REMOTE_ADDR="10.0.0.2",
        )
        assert existing.status_code == missing.status_code == (429 if attempt == 5 else 400)
        assert existing.json() == missing.json()


@pytest.mark.rule("ID-7")
@pytest.mark.rule("ID-11")
def test_a_source_trying_many_national_ids_is_challenged_not_locked(api):
    """ID-7, ID-11: one source trying many national IDs is not locked (an office or a
    company's network serves many honest people): past its own limit its attempts need a
    proof of work (429 `challenge_required`); another source is not affected."""
    limit = settings.ACCOUNTS["CHALLENGE_AFTER"]["source"]
    assert limit > settings.ACCOUNTS["MAX_FAILURES"]
    users = [UserFactory()]
    ids = [users[0].national_id] + [national_code(7000 + i) for i in range(limit)]
    answers = [
        api.post(
            "/api/v1/auth/signin/",
            {"national_id": national_id, "password": "Wrong-Pass-123"},
            format="json",
            REMOTE_ADDR="10.9.9.9",
        )
        for national_id in ids
    ]
    assert [a.status_code for a in answers] == [400] * limit + [429]
    assert answers[-1].json()["code"] == "challenge_required"
    other_source = api.post(
        "/api/v1/auth/signin/",
        {"national_id": users[0].national_id, "password": "Correct-Horse-42"},
        format="json",
        REMOTE_ADDR="10.1.1.1",
    )
    assert other_source.status_code == 200


@pytest.mark.rule("ID-7")
def test_auth_endpoints_are_throttled_per_source(api, member, monkeypatch):
    """ID-7: the DRF scoped throttle "auth" limits requests per source address."""
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"auth": "3/min"})
    statuses = [api.post("/api/v1/auth/recovery/", {}, format="json").status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    assert api.post("/api/v1/auth/recovery/", {}, format="json").json()["code"] == "throttled"


@pytest.mark.rule("ID-7")
def test_codes_back_off_exponentially(api, member, sms_outbox):
    """ID-7: after a wrong code the next try must wait 1 s, then 2 s, 4 s…; within the wait
    even the right code is refused (and counted)."""
    start = timezone.now()
    accounts = {**settings.ACCOUNTS, "OTP_THROTTLE_FACTOR": 1}
    with override_settings(ACCOUNTS=accounts), time_machine.travel(start, tick=False) as clock:
        challenge = sign_in(api, member).json()["challenge"]
        code = last_code(sms_outbox)
        assert verify(api, challenge, wrong(code)).status_code == 400
        assert verify(api, challenge, code).status_code == 400  # within the 1 s wait
        clock.shift(timedelta(seconds=1.5))
        assert verify(api, challenge, wrong(code)).status_code == 400  # second failure
        clock.shift(timedelta(seconds=1.5))  # the wait is now 2 s
        assert verify(api, challenge, code).status_code == 400
        device = OneTimeCode.objects.get(user=member, purpose="signin")
        assert device.throttling_failure_count == 2
        clock.shift(timedelta(seconds=1))
        assert verify(api, challenge, code).status_code == 200
