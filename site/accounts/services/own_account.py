"""The signed-in user's own account (ID-6, ID-8)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import guard
from accounts.identity import providers
from accounts.models import User
from accounts.services.common import (
    INVALID_CODE,
    Purpose,
    _email,
    _fail,
    _forget_temp_password,
    _issue_code,
    _keys,
    _save_with_history,
    _sms,
    _validate_password,
    _verify_single,
    clean_names,
    mask_mobile,
)
from accounts.services.tokens import end_other_sessions
from core.exceptions import ValidationFailed


def password_change(
    *,
    actor: User,
    current_password: str,
    new_password: str,
    source: str | None = None,
    keep_token=None,
) -> User:
    """Change the password with the current one; the user is told by SMS (ID-6). Every other
    session and token of the account ends (ID-12): only `keep_token`, the token the change
    was made with, if any, keeps working."""
    keys = _keys(actor.national_id, source)
    guard.before_attempt(keys, challenge=False)
    if not actor.check_password(current_password or ""):
        message = _("The current password is not correct.")
        _fail(keys, message, code="invalid_password", fields={"current_password": [message]})
    _validate_password(new_password, actor, field="new_password")
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        user.set_password(new_password)
        user.must_change_password = False
        _save_with_history(user, actor=actor, reason="password changed")
        end_other_sessions(user, keep_token=keep_token)
        _sms(
            user,
            lambda: gettext("Your Daftar password was changed. If it was not you, recover it now."),
            purpose="account.password_changed",
        )
    guard.succeeded(keys)
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
    changes.update(
        clean_names(**{k: v for k, v in changes.items() if k in ("first_name", "last_name")})
    )
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        for name, value in changes.items():
            setattr(user, name, value)
        _save_with_history(user, actor=actor, reason="profile updated")
    return user


def mobile_change_request(*, actor: User, mobile, source: str | None = None) -> None:
    """Send a code to the new mobile; nothing changes until it is confirmed (ID-8). For a
    verified account the operators must confirm the new number is the person's (ID-10)."""
    guard.before_attempt(_keys(actor.national_id, source), challenge=False)
    if str(mobile) == str(actor.mobile):
        raise ValidationFailed(fields={"mobile": [_("This is already your mobile number.")]})
    if actor.is_verified and not providers.call("MOBILE_OWNERSHIP", actor.national_id, str(mobile)):
        # ID-10: a verified account's mobile changes only to one the operators confirm
        # belongs to its national ID, or at an office.
        raise ValidationFailed(
            fields={
                "mobile": [
                    _(
                        "Your mobile operator does not confirm that this number is registered "
                        "to your national ID. Register it to your national ID with the "
                        "operator, or change it at an office."
                    )
                ]
            },
            code="mobile_not_confirmed",
        )
    guard.spend_message(source=source, mobile=str(mobile), national_id=actor.national_id)
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
    guard.before_attempt(keys, challenge=False)
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
    guard.before_attempt(_keys(actor.national_id, source), challenge=False)
    guard.spend_message(source=source, national_id=actor.national_id)
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
    guard.before_attempt(keys, challenge=False)
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
