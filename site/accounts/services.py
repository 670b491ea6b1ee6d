"""Every write on accounts (ID-1 … ID-8): registration, two-step sign-in, recovery,
password and contact changes, representation of legal persons, disabling accounts.

Rules that hold across this module:

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
import string
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm, remove_perm
from rest_framework.authtoken.models import Token

from accounts.models import LegalPerson, OneTimeCode, Representation, User
from accounts.national_id import to_ascii_digits, validate_legal_id, validate_national_id
from core import lockout
from core.dates import format_date, format_time
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.messaging import send_email, send_sms
from core.transitions import apply_transition

Purpose = OneTimeCode.Purpose

INVALID_CREDENTIALS = _("The national ID, password or legal entity ID is not correct.")
INVALID_CODE = _("The code is not valid or has expired.")
INVALID_RECOVERY_CODES = _("The activation codes are not valid.")
CHALLENGE_EXPIRED = _("This step has expired. Please start again.")


def _conf(name):
    return settings.ACCOUNTS[name]


# --- helpers --------------------------------------------------------------------------------------


def normalize_national_id(value) -> str:
    """The form every lookup and lockout key uses: ASCII digits, no spaces or dashes, upper case."""
    return "".join(to_ascii_digits(str(value or "")).split()).replace("-", "").upper()


def normalize_code(value) -> str:
    return "".join(to_ascii_digits(str(value or "")).split())


def _keys(national_id: str, source: str | None) -> list[lockout.Key]:
    keys = [lockout.Key("account", normalize_national_id(national_id) or "-")]
    if source:
        keys.append(lockout.Key("source", source))
    return keys


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


# --- registration (ID-1, ID-2) --------------------------------------------------------------------


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
) -> RegistrationStarted:
    """Register a natural person (ID-1) and send the mobile code (ID-2), and an email code.

    Enumeration-safe: for a national ID that already has an active or disabled account the
    answer is the same, nothing is sent to the requester's mobile and the owner is told by
    SMS on their registered number. A still-pending account is replaced by the new details.
    """
    try:
        national_id = validate_national_id(national_id, id_scheme)
    except ValidationError as exc:
        raise ValidationFailed(fields={"national_id": list(exc.messages)}) from exc
    lockout.ensure_not_locked(_keys(national_id, source))
    details = {
        "id_scheme": id_scheme,
        "nationality": (nationality or "IR").upper(),
        "mobile": mobile,
        "first_name": first_name.strip(),
        "last_name": last_name.strip(),
        "birth_date": birth_date,
        "id_card_serial": normalize_code(id_card_serial),
        "email": (email or "").strip().lower(),
        "preferred_language": preferred_language or translation.get_language() or "fa",
    }
    if details["preferred_language"] not in dict(settings.LANGUAGES):
        details["preferred_language"] = settings.LANGUAGE_CODE
    _validate_password(password, User(national_id=national_id, **details))
    hashed = make_password(password)  # hashed in every branch: timing tells nothing

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
            _save_with_history(user, actor=None, reason="registration details replaced")
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


def register_verify(*, challenge: str, code: str, source: str | None = None) -> User:
    """Verify the mobile code and activate the account (ID-2) through the `activate` transition."""
    national_id = _unsign("register", challenge)["n"]
    keys = _keys(national_id, source)
    lockout.ensure_not_locked(keys)
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
    lockout.reset(keys[:1])
    return user


def register_verify_email(*, challenge: str, code: str, source: str | None = None) -> User:
    """Verify the email given at registration with its own code (ID-2)."""
    national_id = _unsign("register", challenge)["n"]
    keys = _keys(national_id, source)
    lockout.ensure_not_locked(keys)
    user = User.objects.filter(national_id=national_id).exclude(status=User.Status.DISABLED).first()
    device = _verify_single(user, Purpose.EMAIL, code)
    if device is None or device.target != user.email:
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"code": [INVALID_CODE]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
        user.email_verified_at = timezone.now()
        _save_with_history(user, actor=user, reason="email verified by code")
    return user


def register_resend(*, challenge: str, channel: str = "mobile", source: str | None = None) -> None:
    """A new code for a pending registration; silently nothing for any other national ID."""
    national_id = _unsign("register", challenge)["n"]
    lockout.ensure_not_locked(_keys(national_id, source))
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


# --- two-step sign-in (ID-3, ID-4) ----------------------------------------------------------------


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


def _open_representation(user: User, legal_person_id) -> bool:
    return Representation.objects.filter(
        user=user, legal_person_id=legal_person_id, revoked_at__isnull=True
    ).exists()


def signin_start(
    *, national_id: str, password: str, legal_id: str = "", source: str | None = None
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
    lockout.ensure_not_locked(keys)

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


def signin_resend(*, challenge: str, source: str | None = None) -> SignInStarted:
    """ "Resend": a new temporary password with a new expiry; the old one stops working (ID-4)."""
    payload = _unsign("signin", challenge)
    keys = _keys(payload["n"], source)
    lockout.ensure_not_locked(keys)
    user = _signin_user(payload)
    if user is None:
        raise ValidationFailed(
            CHALLENGE_EXPIRED, code="challenge_invalid", fields={"challenge": [CHALLENGE_EXPIRED]}
        )
    with transaction.atomic():
        device = _send_temp_password(user)
    return SignInStarted(
        challenge=challenge,
        already_sent=False,
        expires_at=device.valid_until,
        sent_to=mask_mobile(user.mobile),
    )


def signin_verify(*, challenge: str, temp_password: str, source: str | None = None) -> SignedIn:
    """Second step: the temporary password. It stays valid for later sign-ins until it expires."""
    payload = _unsign("signin", challenge)
    keys = _keys(payload["n"], source)
    lockout.ensure_not_locked(keys)
    user = _signin_user(payload)
    device = _verify_single(user, Purpose.SIGNIN, temp_password)
    if device is None or device.target != str(user.mobile):
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"temp_password": [INVALID_CODE]})
    lockout.reset(keys[:1])
    legal_person = (
        LegalPerson.objects.filter(pk=payload["lp"]).first() if payload.get("lp") else None
    )
    return SignedIn(user=user, legal_person=legal_person)


def api_token_issue(*, user: User) -> str:
    token, _created = Token.objects.get_or_create(user=user)
    return token.key


def api_token_revoke(*, user: User) -> None:
    Token.objects.filter(user=user).delete()


# --- recovery (ID-5) ------------------------------------------------------------------------------


def recovery_start(
    *,
    national_id: str,
    birth_date,
    id_card_serial: str,
    mobile,
    email: str = "",
    source: str | None = None,
) -> str:
    """Always the same answer (a challenge). Only when every detail matches an active account —
    including its email, where one is registered — separate codes go by SMS and by email.
    A mismatch counts as a failed attempt (ID-7)."""
    national_id = normalize_national_id(national_id)
    keys = _keys(national_id, source)
    lockout.ensure_not_locked(keys)
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
    *, challenge: str, sms_code: str, email_code: str = "", source: str | None = None
) -> None:
    """Both codes (the email one where an email is registered), then a new random password by
    SMS, to be changed at the next sign-in (ID-5)."""
    payload = _unsign("recovery", challenge)
    keys = _keys(payload["n"], source)
    lockout.ensure_not_locked(keys)
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
                Token.objects.filter(user=user).delete()
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
    lockout.reset(keys[:1])


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


# --- the signed-in user's own account (ID-6, ID-8) ------------------------------------------------


def password_change(
    *, actor: User, current_password: str, new_password: str, source: str | None = None
) -> User:
    """Change the password with the current one; the user is told by SMS (ID-6)."""
    keys = _keys(actor.national_id, source)
    lockout.ensure_not_locked(keys)
    if not actor.check_password(current_password or ""):
        message = _("The current password is not correct.")
        _fail(keys, message, code="invalid_password", fields={"current_password": [message]})
    _validate_password(new_password, actor, field="new_password")
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        user.set_password(new_password)
        user.must_change_password = False
        _save_with_history(user, actor=actor, reason="password changed")
        _sms(
            user,
            lambda: gettext("Your Daftar password was changed. If it was not you, recover it now."),
            purpose="account.password_changed",
        )
    lockout.reset(keys[:1])
    return user


def profile_update(*, actor: User, **changes) -> User:
    """Name and language only; mobile, email and national ID change through their own flows."""
    allowed = {"first_name", "last_name", "preferred_language"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationFailed(
            fields={name: [_("This field cannot be changed here.")] for name in unknown}
        )
    if "preferred_language" in changes and changes["preferred_language"] not in dict(
        settings.LANGUAGES
    ):
        raise ValidationFailed(fields={"preferred_language": [_("Unknown language.")]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        for name, value in changes.items():
            setattr(user, name, value.strip() if isinstance(value, str) else value)
        _save_with_history(user, actor=actor, reason="profile updated")
    return user


def mobile_change_request(*, actor: User, mobile, source: str | None = None) -> None:
    """Send a code to the new mobile; nothing changes until it is confirmed (ID-8)."""
    lockout.ensure_not_locked(_keys(actor.national_id, source))
    if str(mobile) == str(actor.mobile):
        raise ValidationFailed(fields={"mobile": [_("This is already your mobile number.")]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        _device_, code = _issue_code(user, Purpose.NEW_MOBILE, mobile)
        _sms(
            user,
            lambda: (
                gettext("Your code to confirm this mobile number for Daftar: %(code)s")
                % {"code": code}
            ),
            purpose="account.new_mobile_code",
            to=mobile,
            secret=code,
        )


def mobile_change_confirm(*, actor: User, code: str, source: str | None = None) -> User:
    """Switch to the confirmed mobile; the history row carries the reason and the old number is
    told by SMS (ID-8, AUD-1)."""
    keys = _keys(actor.national_id, source)
    lockout.ensure_not_locked(keys)
    device = _verify_single(actor, Purpose.NEW_MOBILE, code)
    if device is None:
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"code": [INVALID_CODE]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        old = str(user.mobile)
        user.mobile = device.target
        user.mobile_verified_at = timezone.now()
        _save_with_history(user, actor=actor, reason="mobile changed, new number verified by code")
        _forget_temp_password(user)
        new_masked = mask_mobile(user.mobile)
        _sms(
            user,
            lambda: (
                gettext(
                    "The mobile number of your Daftar account was changed to %(mobile)s. If it was "
                    "not you, contact support."
                )
                % {"mobile": new_masked}
            ),
            purpose="account.mobile_changed",
            to=old,
        )
    return user


def email_change_request(*, actor: User, email: str, source: str | None = None) -> None:
    """Send a code to the (new, or not yet verified) email address (ID-2, ID-8)."""
    lockout.ensure_not_locked(_keys(actor.national_id, source))
    email = (email or "").strip().lower()
    if email == (actor.email or "").lower() and actor.email_verified_at:
        raise ValidationFailed(fields={"email": [_("This is already your verified email.")]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        _device_, code = _issue_code(user, Purpose.NEW_EMAIL, email)
        _email(
            user,
            lambda: gettext("Daftar: confirm your email address"),
            lambda: gettext("Your code to confirm this email address: %(code)s") % {"code": code},
            purpose="account.new_email_code",
            to=email,
            secret=code,
        )


def email_change_confirm(*, actor: User, code: str, source: str | None = None) -> User:
    keys = _keys(actor.national_id, source)
    lockout.ensure_not_locked(keys)
    device = _verify_single(actor, Purpose.NEW_EMAIL, code)
    if device is None:
        _fail(keys, INVALID_CODE, code="invalid_code", fields={"code": [INVALID_CODE]})
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        old = user.email
        user.email = device.target
        user.email_verified_at = timezone.now()
        _save_with_history(user, actor=actor, reason="email changed, new address verified by code")
        if old and old.lower() != user.email.lower():
            _email(
                user,
                lambda: gettext("Daftar: your email address was changed"),
                lambda: gettext(
                    "The email address of your Daftar account was changed. If it was not you, "
                    "contact support."
                ),
                purpose="account.email_changed",
                to=old,
            )
        _sms(
            user,
            lambda: gettext("The email address of your Daftar account was changed."),
            purpose="account.email_changed",
        )
    return user


# --- legal persons (ID-3) -------------------------------------------------------------------------


def representation_grant(
    *, actor: User | None, legal_person: LegalPerson, user: User, title: str = ""
) -> Representation:
    """Authorise `user` to act for `legal_person`: the record and the object permission."""
    if actor is not None and not actor.has_perm("accounts.add_representation"):
        raise Forbidden()
    with transaction.atomic():
        legal_person = LegalPerson.objects.select_for_update().get(pk=legal_person.pk)
        if _open_representation(user, legal_person.pk):
            raise Conflict(_("This person already represents the legal person."), code="exists")
        representation = Representation(
            legal_person=legal_person,
            user=user,
            title=title,
            granted_by=actor if getattr(actor, "pk", None) else None,
        )
        representation._history_user = actor if getattr(actor, "pk", None) else None
        representation._change_reason = "representation granted"
        representation.save()
        assign_perm("accounts.act_for_legalperson", user, legal_person)
    return representation


def representation_revoke(*, actor: User | None, representation: Representation) -> Representation:
    if actor is not None and not actor.has_perm("accounts.change_representation"):
        raise Forbidden()
    with transaction.atomic():
        representation = Representation.objects.select_for_update().get(pk=representation.pk)
        if representation.revoked_at is not None:
            raise Conflict(_("This representation is already revoked."), code="wrong_state")
        representation.revoked_at = timezone.now()
        representation._history_user = actor if getattr(actor, "pk", None) else None
        representation._change_reason = "representation revoked"
        representation.save()
        remove_perm(
            "accounts.act_for_legalperson", representation.user, representation.legal_person
        )
    return representation


# --- staff: disabling accounts --------------------------------------------------------------------


def _user_transition(*, actor: User, user_id, name: str, reason: str) -> User:
    from accounts import selectors

    if not str(reason or "").strip():
        raise ValidationFailed(fields={"reason": [_("A reason is required.")]})
    with transaction.atomic():
        user = (
            selectors.users_visible_to(actor)
            .select_for_update(of=("self",))
            .filter(pk=user_id)
            .first()
        )
        if user is None:
            raise NotFound()
        apply_transition(user, name, actor=actor, reason=reason.strip())
        if name == "disable":
            Token.objects.filter(user=user).delete()
    return user


def user_disable(*, actor: User, user_id, reason: str) -> User:
    """Licensing staff disable an account (it can no longer sign in); logged with its reason."""
    return _user_transition(actor=actor, user_id=user_id, name="disable", reason=reason)


def user_enable(*, actor: User, user_id, reason: str) -> User:
    return _user_transition(actor=actor, user_id=user_id, name="enable", reason=reason)
