"""What every accounts flow shares: lookups' normal forms, failure counting, signed
challenges, one-time codes and messages in the user's language.

Rules that hold across the accounts services:

* Failed attempts (wrong password, code, recovery details) are counted per national ID —
  existing or not — and per source address through `core.lockout`, *outside* any
  transaction that rolls back, so the count survives the refusal (ID-7).
* Refusals never tell whether an account exists: the same code, message and status for a
  missing, pending, disabled account or a wrong password, and a password hash is computed
  in every case so timing tells nothing either.
* Challenges (`django.core.signing`) carry a flow's state between its two requests; they are
  signed, not encrypted, so they never hold anything the caller may not know.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth import password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts import guard
from accounts.models import OneTimeCode, Representation, User
from accounts.names import normalize_name
from accounts.national_id import to_ascii_digits
from core import lockout
from core.dates import format_date, format_time
from core.exceptions import ValidationFailed
from core.messaging import send_email, send_sms

Purpose = OneTimeCode.Purpose

INVALID_CREDENTIALS = _("The national ID, password or legal entity ID is not correct.")
INVALID_CODE = _("The code is not valid or has expired.")
INVALID_RECOVERY_CODES = _("The activation codes are not valid.")
CHALLENGE_EXPIRED = _("This step has expired. Please start again.")


def _conf(name):
    return settings.ACCOUNTS[name]


def _open_representation(user: User, legal_person_id) -> bool:
    return Representation.objects.filter(
        user=user, legal_person_id=legal_person_id, revoked_at__isnull=True
    ).exists()


def clean_names(**values) -> dict:
    """Names and identifying text in their one normal form (ID-14); hidden characters are
    refused with a field error, whoever calls the service."""
    cleaned, errors = {}, {}
    for field, value in values.items():
        try:
            cleaned[field] = normalize_name(value)
        except ValidationError as exc:
            errors[field] = list(exc.messages)
    if errors:
        raise ValidationFailed(fields=errors)
    return cleaned


# --- helpers --------------------------------------------------------------------------------------


def normalize_national_id(value) -> str:
    """The form every lookup and lockout key uses: ASCII digits, no spaces or dashes, upper case."""
    return "".join(to_ascii_digits(str(value or "")).split()).replace("-", "").upper()


def normalize_code(value) -> str:
    return "".join(to_ascii_digits(str(value or "")).split())


def _keys(national_id: str, source: str | None) -> list[lockout.Key]:
    """The (national ID, source) pair, the national ID and the source (ID-11, accounts.guard)."""
    return guard.keys(normalize_national_id(national_id), source)


def _fail(keys, message, *, code, fields=None):
    """Count one failure (outside any transaction that rolls back) and refuse.

    The failure that crosses the limit answers 429 `locked` instead (ID-7).
    """
    lockout.guarded_failure(keys)
    raise ValidationFailed(message, code=code, fields=fields)


def _sign(kind: str, payload: dict) -> str:
    payload = {**payload, "t": timezone.now().timestamp(), "x": secrets.token_urlsafe(6)}
    return signing.dumps(payload, salt=f"accounts.challenge.{kind}", compress=True)


def _unsign(kind: str, challenge: str) -> dict:
    try:
        return signing.loads(
            str(challenge or ""),
            salt=f"accounts.challenge.{kind}",
            max_age=_conf("CHALLENGE_MAX_AGE"),
        )
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise ValidationFailed(
            CHALLENGE_EXPIRED, code="challenge_invalid", fields={"challenge": [CHALLENGE_EXPIRED]}
        ) from exc


def _device(user: User, purpose: str) -> OneTimeCode:
    """The user's code device for `purpose`, locked for the rest of the transaction."""
    device = OneTimeCode.objects.select_for_update().filter(user=user, purpose=purpose).first()
    if device is None:
        try:
            with transaction.atomic():
                device = OneTimeCode.objects.create(
                    user=user, purpose=purpose, name=str(purpose), target=""
                )
        except IntegrityError:  # created meanwhile by a parallel request
            device = OneTimeCode.objects.select_for_update().get(user=user, purpose=purpose)
    return device


def _issue_code(user: User, purpose: str, target: str, *, length=None, validity=None) -> tuple:
    device = _device(user, purpose)
    device.target = str(target)
    code = device.generate_token(
        length=length or _conf("CODE_LENGTH"),
        valid_secs=int((validity or _conf("CODE_VALIDITY")).total_seconds()),
    )
    return device, code


def _code_matches(device: OneTimeCode | None, code: str) -> bool:
    """Check a code without consuming it. A throttled device (exponential back-off) refuses
    even the right code, exactly like a wrong one, so throttling reveals nothing."""
    if device is None:
        return False
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        return False
    code = normalize_code(code)
    if (
        code
        and device.has_valid_token()
        and hmac.compare_digest(device._digest(code), device.token_hash)
    ):
        return True
    device.throttle_increment(commit=True)
    return False


def _consume(device: OneTimeCode) -> None:
    now = timezone.now()
    device.token_hash = ""  # nosec B105 # clears a used code, no password
    device.valid_until = now
    device.used_at = now
    device.throttle_reset(commit=False)
    device.save()


def _verify_single(user: User | None, purpose: str, code: str) -> OneTimeCode | None:
    """Verify (and consume, unless reusable) one code in its own committed transaction.
    Returns the device on success."""
    if user is None:
        return None
    with transaction.atomic():
        device = OneTimeCode.objects.select_for_update().filter(user=user, purpose=purpose).first()
        if device is None:
            return None
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            return None
        if device.verify_token(normalize_code(code)):
            return device
    return None


def mask_mobile(mobile) -> str:
    text = str(mobile or "")
    if len(text) <= 6:
        return "•" * len(text)
    return f"{text[:5]}{'•' * (len(text) - 8)}{text[-3:]}"


def format_expiry(moment: datetime, language: str) -> tuple[str, str]:
    """Date and time of an expiry for a message: Jalali in Persian, Gregorian otherwise."""
    return format_date(moment, "short", language), format_time(moment, language)


def _sms(user: User, body_fn, *, purpose: str, to=None, secret=None):
    """Send an SMS in the user's language; `body_fn` builds the text once the language is set."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        body = str(body_fn())
    return send_sms(to=to or user.mobile, body=body, purpose=purpose, user=user, secret=secret)


def _email(user: User, subject_fn, body_fn, *, purpose: str, to=None, secret=None):
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject, body = str(subject_fn()), str(body_fn())
    return send_email(
        to=to or user.email, subject=subject, body=body, purpose=purpose, user=user, secret=secret
    )


def _validate_password(password: str, user: User, field: str = "password") -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationFailed(fields={field: list(exc.messages)}) from exc


def _save_with_history(user: User, *, actor, reason: str, update_fields=None) -> None:
    user._history_user = actor if getattr(actor, "pk", None) else None
    user._change_reason = reason
    user.save(update_fields=update_fields)


def _forget_temp_password(user: User) -> None:
    """The sign-in temporary password was sent to the old mobile, or belongs to old credentials."""
    OneTimeCode.objects.filter(user=user, purpose=Purpose.SIGNIN).update(
        token_hash="",  # nosec B106 # clears the codes, no password
        valid_until=timezone.now(),
    )
