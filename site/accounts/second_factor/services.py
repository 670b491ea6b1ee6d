"""Enrolment and verification of staff second factors (ID-13).

A failed code counts against the account and the source address through `core.lockout`
(ID-7, ID-11) and against the device through django-otp's throttling (exponential back-off:
after a failure even the right code is refused for a while). A refusal never says which of
the two refused it, nor whether the code was a TOTP or a recovery code."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor.models import Passkey
from core import lockout
from core.exceptions import Forbidden, ValidationFailed

RECOVERY_CODE_COUNT = 10
INVALID_CODE = _("The code is not valid. Wait a moment and try again with a new code.")
ENROLMENT_REQUIRED = _(
    "Your account needs a second factor: set up an authenticator app or a passkey first."
)


def keys(user, source: str | None) -> list[lockout.Key]:
    """Failures lock the (account, source) pair only (ID-11): wrong codes from one place never
    lock the owner out at another; the source alone is counted, as on every sign-in path."""
    found = [lockout.Key("second_factor", f"{user.pk}:{source or '-'}")]
    if source:
        found.append(lockout.Key("source", source))
    return found


def fail(user, source) -> None:
    """Count a failure outside any transaction that rolls back, and refuse (429 once over
    the limit)."""
    lockout.guarded_failure(keys(user, source))
    raise ValidationFailed(INVALID_CODE, code="invalid_code", fields={"code": [INVALID_CODE]})


def confirmed_devices(user) -> list:
    """The user's confirmed authenticators and passkeys (recovery codes are not one)."""
    return [
        *TOTPDevice.objects.devices_for_user(user, confirmed=True),
        *Passkey.objects.devices_for_user(user, confirmed=True),
    ]


def is_enrolled(user) -> bool:
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or Passkey.objects.filter(user=user, confirmed=True).exists()
    )


def normalize(code) -> str:
    from accounts.national_id import to_ascii_digits

    return "".join(to_ascii_digits(str(code or "")).split()).replace("-", "").lower()


# --- TOTP ---------------------------------------------------------------------------------


def totp_enrol_start(*, user) -> TOTPDevice:
    """A new, unconfirmed authenticator for the user (an older unconfirmed one is dropped)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )


def totp_pending(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def totp_enrol_confirm(*, user, code: str, source: str | None = None):
    """Confirm the pending authenticator with a code it shows; returns the device and, on a
    first enrolment, the recovery codes (shown once)."""
    lockout.ensure_not_locked(keys(user, source))
    device = totp_pending(user)
    if device is None:
        raise ValidationFailed(
            _("Start the set-up again."), code="no_pending_device", fields={"code": []}
        )
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        ok = device.verify_token(normalize(code))
        if ok:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    if not ok:
        fail(user, source)
    lockout.reset(keys(user, source)[:1])
    codes = (
        [] if StaticDevice.objects.filter(user=user).exists() else recovery_codes_renew(user=user)
    )
    return device, codes


# --- recovery codes -------------------------------------------------------------------------


def recovery_codes_renew(*, user) -> list[str]:
    """New recovery codes; the old ones stop working. Each code works once."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.select_for_update().get_or_create(
            user=user, defaults={"name": str(_("Recovery codes")), "confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- verification -------------------------------------------------------------------------


def verify_code(*, user, code: str, source: str | None = None):
    """The second step of a staff sign-in with an authenticator code or a recovery code;
    returns the device that verified it."""
    if not is_enrolled(user):
        raise Forbidden(ENROLMENT_REQUIRED, code="second_factor_enrolment_required")
    lockout.ensure_not_locked(keys(user, source))
    code = normalize(code)
    # An authenticator shows digits; a recovery code has letters too.
    kind = TOTPDevice if code.isdigit() else StaticDevice
    for candidate in kind.objects.filter(user=user, confirmed=True) if code else []:
        with transaction.atomic():
            device = type(candidate).objects.select_for_update().get(pk=candidate.pk)
            if device.verify_token(code):
                lockout.reset(keys(user, source)[:1])
                return device
    fail(user, source)
