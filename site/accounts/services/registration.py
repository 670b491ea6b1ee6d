"""Registration of a natural person (ID-1, ID-2)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts import guard
from accounts.models import User
from accounts.national_id import validate_national_id
from accounts.services.common import (
    INVALID_CODE,
    Purpose,
    _conf,
    _email,
    _fail,
    _issue_code,
    _keys,
    _save_with_history,
    _sign,
    _sms,
    _unsign,
    _validate_password,
    _verify_single,
    clean_names,
    normalize_code,
)
from core.exceptions import ValidationFailed
from core.transitions import apply_transition


@dataclass(frozen=True)
class RegistrationStarted:
    challenge: str


def register_start(
    *,
    national_id: str,
    id_scheme: str,
    nationality: str,
    mobile,
    password: str,
    first_name: str,
    last_name: str,
    birth_date,
    id_card_serial: str,
    email: str = "",
    preferred_language: str = "",
    source: str | None = None,
    proof: str = "",
) -> RegistrationStarted:
    """Register a natural person (ID-1) and send the mobile code (ID-2), and an email code.

    Enumeration-safe: for a national ID that already has an active or disabled account the
    answer is the same, nothing is sent to the requester's mobile and the owner is told by
    SMS on their registered number. A pending registration cannot be replaced (ID-10): a
    second registration of its national ID gets the same answer and sends nothing, until the
    pending one is older than `PENDING_REGISTRATION_HOLD` (abandoned); an office can register
    the person at once (ID-9).
    """
    try:
        national_id = validate_national_id(national_id, id_scheme)
    except ValidationError as exc:
        raise ValidationFailed(fields={"national_id": list(exc.messages)}) from exc
    guard.before_attempt(_keys(national_id, source), proof)
    names = clean_names(
        first_name=first_name, last_name=last_name, id_card_serial=normalize_code(id_card_serial)
    )
    details = {
        "id_scheme": id_scheme,
        "nationality": (nationality or "IR").upper(),
        "mobile": mobile,
        **names,
        "birth_date": birth_date,
        "email": (email or "").strip().lower(),
        "preferred_language": preferred_language or translation.get_language() or "fa",
    }
    if details["preferred_language"] not in dict(settings.LANGUAGES):
        details["preferred_language"] = settings.LANGUAGE_CODE
    _validate_password(password, User(national_id=national_id, **details))
    hashed = make_password(password)  # hashed in every branch: timing tells nothing
    guard.spend_message(source=source, mobile=str(mobile), national_id=national_id)

    with transaction.atomic():
        existing = (
            User.objects.select_for_update(of=("self",)).filter(national_id=national_id).first()
        )
        if existing is not None and existing.status != User.Status.PENDING:
            _sms(
                existing,
                lambda: gettext(
                    "Someone tried to register a new account with your national ID. If it was "
                    "you, sign in or recover your password; otherwise you can ignore this message."
                ),
                purpose="register.already_registered",
            )
            return RegistrationStarted(challenge=_sign("register", {"n": national_id}))
        if existing is not None and existing.date_joined > timezone.now() - _conf(
            "PENDING_REGISTRATION_HOLD"
        ):
            return RegistrationStarted(challenge=_sign("register", {"n": national_id}))
        if existing is None:
            try:
                with transaction.atomic():
                    user = User(
                        national_id=national_id, status=User.Status.PENDING, is_active=False
                    )
                    for name, value in details.items():
                        setattr(user, name, value)
                    user.password = hashed
                    user._change_reason = "registration"
                    user.save()
            except IntegrityError:
                # Registered meanwhile by a parallel request: answer as for an existing account.
                return RegistrationStarted(challenge=_sign("register", {"n": national_id}))
        else:
            user = existing
            for name, value in details.items():
                setattr(user, name, value)
            user.password = hashed
            user.email_verified_at = None
            user.date_joined = timezone.now()
            _save_with_history(user, actor=None, reason="abandoned pending registration replaced")
        _send_registration_codes(user, email=bool(user.email))
    return RegistrationStarted(challenge=_sign("register", {"n": national_id}))


def _send_registration_codes(user: User, *, mobile=True, email=True) -> None:
    if mobile:
        _device_, code = _issue_code(user, Purpose.MOBILE, user.mobile)
        _sms(
            user,
            lambda: gettext("Your Daftar registration code: %(code)s") % {"code": code},
            purpose="register.mobile_code",
            secret=code,
        )
    if email and user.email:
        _device_, code = _issue_code(user, Purpose.EMAIL, user.email)
        _email(
            user,
            lambda: gettext("Daftar: verify your email address"),
            lambda: (
                gettext(
                    "Your email verification code is %(code)s. Enter it to confirm this address. "
                    "Please do not reply."
                )
                % {"code": code}
            ),
            purpose="register.email_code",
            secret=code,
        )


def _pending_user(national_id: str) -> User | None:
    return User.objects.filter(national_id=national_id, status=User.Status.PENDING).first()


def register_verify(
    *, challenge: str, code: str, source: str | None = None, proof: str = ""
) -> User:
    """Verify the mobile code and activate the account (ID-2) through the `activate` transition."""
    national_id = _unsign("register", challenge)["n"]
    keys = _keys(national_id, source)
    guard.before_attempt(keys, proof)
    user = _pending_user(national_id)
    if _verify_single(user, Purpose.MOBILE, code) is None:
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"code": [INVALID_CODE]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
        apply_transition(user, "activate", actor=user, reason="mobile verified by code")
        _sms(
            user,
            lambda: (
                gettext("Your Daftar account is active. Your username is your national ID %(nid)s.")
                % {"nid": user.national_id}
            ),
            purpose="register.welcome",
        )
    guard.succeeded(keys)
    return user


def register_verify_email(
    *, challenge: str, code: str, source: str | None = None, proof: str = ""
) -> User:
    """Verify the email given at registration with its own code (ID-2)."""
    national_id = _unsign("register", challenge)["n"]
    keys = _keys(national_id, source)
    guard.before_attempt(keys, proof)
    user = User.objects.filter(national_id=national_id).exclude(status=User.Status.DISABLED).first()
    device = _verify_single(user, Purpose.EMAIL, code)
    if device is None or device.target != user.email:
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"code": [INVALID_CODE]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
        user.email_verified_at = timezone.now()
        _save_with_history(user, actor=user, reason="email verified by code")
    return user


def register_resend(
    *, challenge: str, channel: str = "mobile", source: str | None = None, proof: str = ""
) -> None:
    """A new code for a pending registration; silently nothing for any other national ID."""
    national_id = _unsign("register", challenge)["n"]
    guard.before_attempt(_keys(national_id, source), proof)
    guard.spend_message(source=source, national_id=national_id)
    with transaction.atomic():
        user = (
            User.objects.select_for_update(of=("self",))
            .filter(national_id=national_id)
            .exclude(status=User.Status.DISABLED)
            .first()
        )
        if user is None:
            return
        if channel == "email":
            if user.email and not user.email_verified_at:
                _send_registration_codes(user, mobile=False, email=True)
        elif user.status == User.Status.PENDING:
            _send_registration_codes(user, mobile=True, email=False)
