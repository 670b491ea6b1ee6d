"""Password recovery (ID-5)."""

from __future__ import annotations

import secrets
import string
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts import guard
from accounts.models import OneTimeCode, User
from accounts.services.common import (
    INVALID_RECOVERY_CODES,
    Purpose,
    _code_matches,
    _conf,
    _consume,
    _email,
    _fail,
    _forget_temp_password,
    _issue_code,
    _keys,
    _save_with_history,
    _sign,
    _sms,
    _unsign,
    normalize_code,
    normalize_national_id,
)
from accounts.services.tokens import end_other_sessions
from core import lockout


def recovery_start(
    *,
    national_id: str,
    birth_date,
    id_card_serial: str,
    mobile,
    email: str = "",
    source: str | None = None,
    proof: str = "",
) -> str:
    """Always the same answer (a challenge). Only when every detail matches an active account —
    including its email, where one is registered — separate codes go by SMS and by email.
    A mismatch counts as a failed attempt (ID-7)."""
    national_id = normalize_national_id(national_id)
    keys = _keys(national_id, source)
    guard.before_attempt(keys, proof)
    guard.spend_message(source=source, mobile=str(mobile), national_id=national_id)
    user = User.objects.filter(national_id=national_id, status=User.Status.ACTIVE).first()
    email = (email or "").strip().lower()
    matches = (
        user is not None
        and user.birth_date == birth_date
        and normalize_code(user.id_card_serial) == normalize_code(id_card_serial)
        and str(user.mobile) == str(mobile)
        and (user.email or "").lower() == email
    )
    challenge = _sign("recovery", {"n": national_id})
    if not matches:
        lockout.guarded_failure(keys)
        return challenge
    with transaction.atomic():
        _device_, sms_code = _issue_code(user, Purpose.RECOVERY_SMS, user.mobile)
        _sms(
            user,
            lambda: (
                gettext(
                    "Hello. As you requested, because you forgot your password, this is your "
                    "activation code: %(code)s. Enter it where the SMS activation code is asked. "
                    "Judiciary"
                )
                % {"code": sms_code}
            ),
            purpose="recovery.sms_code",
            secret=sms_code,
        )
        if user.email:
            _device_, email_code = _issue_code(user, Purpose.RECOVERY_EMAIL, user.email)
            _email(
                user,
                lambda: gettext("Judiciary. Forgotten password. Please do not reply"),
                lambda: (
                    gettext(
                        "Hello. As you requested, because you forgot your password, this is your "
                        "activation code: %(code)s. Enter it where the email activation code is "
                        "asked. Judiciary"
                    )
                    % {"code": email_code}
                ),
                purpose="recovery.email_code",
                secret=email_code,
            )
        else:
            OneTimeCode.objects.filter(user=user, purpose=Purpose.RECOVERY_EMAIL).update(
                token_hash="",  # nosec B106 # clears the codes, no password
                valid_until=timezone.now(),
            )
    return challenge


def recovery_confirm(
    *,
    challenge: str,
    sms_code: str,
    email_code: str = "",
    source: str | None = None,
    proof: str = "",
) -> None:
    """Both codes (the email one where an email is registered), then a new random password by
    SMS, to be changed at the next sign-in (ID-5)."""
    payload = _unsign("recovery", challenge)
    keys = _keys(payload["n"], source)
    guard.before_attempt(keys, proof)
    issued_after = datetime.fromtimestamp(payload["t"], tz=timezone.get_current_timezone())
    ok = False
    with transaction.atomic():
        user = (
            User.objects.select_for_update(of=("self",))
            .filter(national_id=payload["n"], status=User.Status.ACTIVE)
            .first()
        )
        if user is not None:
            devices = {
                d.purpose: d
                for d in OneTimeCode.objects.select_for_update().filter(
                    user=user, purpose__in=[Purpose.RECOVERY_SMS, Purpose.RECOVERY_EMAIL]
                )
            }
            wanted = [(Purpose.RECOVERY_SMS, sms_code)]
            if user.email:
                wanted.append((Purpose.RECOVERY_EMAIL, email_code))
            # Only codes sent for this very request count (not older ones).
            fresh = all(
                devices.get(p) is not None
                and devices[p].generated_at is not None
                and devices[p].generated_at >= issued_after
                for p, _code in wanted
            )
            results = [fresh and _code_matches(devices.get(p), code) for p, code in wanted]
            ok = fresh and all(results)
            if ok:
                for p, _code in wanted:
                    _consume(devices[p])
                password = _random_password()
                user.set_password(password)
                user.must_change_password = True
                _save_with_history(user, actor=user, reason="password recovered")
                _forget_temp_password(user)
                end_other_sessions(user)
                _sms(
                    user,
                    lambda: (
                        gettext(
                            "Your personal password: %(password)s. Please change it at the first "
                            "opportunity. Judiciary"
                        )
                        % {"password": password}
                    ),
                    purpose="recovery.new_password",
                    secret=password,
                )
    if not ok:
        _fail(keys, INVALID_RECOVERY_CODES, code="invalid_code")
    guard.succeeded(keys)


def _random_password() -> str:
    alphabet = string.ascii_letters + string.digits
    length = max(_conf("RECOVERY_PASSWORD_LENGTH"), 10)
    while True:
        value = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.islower() for c in value)
            and any(c.isupper() for c in value)
            and any(c.isdigit() for c in value)
        ):
            return value
