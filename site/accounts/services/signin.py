"""Two-step sign-in (ID-3, ID-4) and API tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from accounts import guard
from accounts.models import LegalPerson, OneTimeCode, User
from accounts.national_id import validate_legal_id
from accounts.services.common import (
    CHALLENGE_EXPIRED,
    INVALID_CODE,
    INVALID_CREDENTIALS,
    Purpose,
    _conf,
    _device,
    _fail,
    _issue_code,
    _keys,
    _open_representation,
    _sign,
    _sms,
    _unsign,
    _verify_single,
    format_expiry,
    mask_mobile,
    normalize_national_id,
)
from core.exceptions import ValidationFailed


@dataclass(frozen=True)
class SignInStarted:
    challenge: str
    already_sent: bool
    expires_at: datetime
    sent_to: str


@dataclass(frozen=True)
class SignedIn:
    user: User
    legal_person: LegalPerson | None


def signin_start(
    *,
    national_id: str,
    password: str,
    legal_id: str = "",
    source: str | None = None,
    proof: str = "",
) -> SignInStarted:
    """First step: national ID + password (+ legal entity ID for a representative, ID-3).

    On success the temporary password goes by SMS, valid 24 hours; while a valid one exists it
    is not regenerated and `already_sent` says so (ID-4).
    """
    national_id = normalize_national_id(national_id)
    legal_person = None
    if legal_id:
        try:
            legal_id = validate_legal_id(legal_id)
        except ValidationError as exc:
            raise ValidationFailed(fields={"legal_id": list(exc.messages)}) from exc
    keys = _keys(national_id, source)
    guard.before_attempt(keys, proof)

    user = User.objects.filter(national_id=national_id).first() if national_id else None
    if user is None:
        User().set_password(password)  # the same work as a real check
        ok = False
    else:
        ok = user.check_password(password) and user.is_usable
    if ok and legal_id:
        legal_person = LegalPerson.objects.filter(legal_id=legal_id).first()
        ok = legal_person is not None and _open_representation(user, legal_person.pk)
    if not ok:
        _fail(keys, INVALID_CREDENTIALS, code="invalid_credentials")

    with transaction.atomic():
        device = _device(user, Purpose.SIGNIN)
        already_sent = device.has_valid_token() and device.target == str(user.mobile)
        if not already_sent:
            guard.spend_message(source=source, mobile=str(user.mobile), national_id=national_id)
            _send_temp_password(user)
            device.refresh_from_db()
    challenge = _sign(
        "signin", {"u": user.pk, "n": national_id, "lp": legal_person.pk if legal_person else None}
    )
    return SignInStarted(
        challenge=challenge,
        already_sent=already_sent,
        expires_at=device.valid_until,
        sent_to=mask_mobile(user.mobile),
    )


def _send_temp_password(user: User) -> OneTimeCode:
    device, code = _issue_code(
        user,
        Purpose.SIGNIN,
        user.mobile,
        length=_conf("TEMP_PASSWORD_LENGTH"),
        validity=_conf("TEMP_PASSWORD_VALIDITY"),
    )

    def body():
        day, hour = format_expiry(device.valid_until, translation.get_language())
        return gettext(
            "Your temporary password: %(code)s. It expires on %(day)s at %(hour)s. Judiciary"
        ) % {"code": code, "day": day, "hour": hour}

    _sms(user, body, purpose="signin.temp_password", secret=code)
    return device


def _signin_user(payload: dict) -> User | None:
    user = User.objects.filter(pk=payload.get("u"), national_id=payload.get("n")).first()
    if user is None or not user.is_usable:
        return None
    if payload.get("lp") and not _open_representation(user, payload["lp"]):
        return None
    return user


def signin_resend(*, challenge: str, source: str | None = None, proof: str = "") -> SignInStarted:
    """ "Resend": a new temporary password with a new expiry; the old one stops working (ID-4)."""
    payload = _unsign("signin", challenge)
    keys = _keys(payload["n"], source)
    # The second step: the signed challenge proves the password; no proof of work again.
    guard.before_attempt(keys, proof, challenge=False)
    user = _signin_user(payload)
    if user is None:
        raise ValidationFailed(
            CHALLENGE_EXPIRED, code="challenge_invalid", fields={"challenge": [CHALLENGE_EXPIRED]}
        )
    guard.spend_message(source=source, mobile=str(user.mobile), national_id=payload["n"])
    with transaction.atomic():
        device = _send_temp_password(user)
    return SignInStarted(
        challenge=challenge,
        already_sent=False,
        expires_at=device.valid_until,
        sent_to=mask_mobile(user.mobile),
    )


def signin_verify(
    *, challenge: str, temp_password: str, source: str | None = None, proof: str = ""
) -> SignedIn:
    """Second step: the temporary password. It stays valid for later sign-ins until it expires."""
    payload = _unsign("signin", challenge)
    keys = _keys(payload["n"], source)
    # The second step: the signed challenge proves the password; no proof of work again.
    guard.before_attempt(keys, proof, challenge=False)
    user = _signin_user(payload)
    device = _verify_single(user, Purpose.SIGNIN, temp_password)
    if device is None or device.target != str(user.mobile):
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"temp_password": [INVALID_CODE]})
    guard.succeeded(keys)
    legal_person = (
        LegalPerson.objects.filter(pk=payload["lp"]).first() if payload.get("lp") else None
    )
    return SignedIn(user=user, legal_person=legal_person)
