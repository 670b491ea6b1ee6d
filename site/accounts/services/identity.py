"""Identity assurance (ID-9, ID-10): an account becomes *verified* remotely (civil registry +
mobile operator) or in person at an office. Either way the verification is recorded
(`IdentityVerification`, the account's history), the person is told by SMS, and what waits for
the national ID (notices) is delivered in the same transaction (`accounts.identity`)."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import identity
from accounts.identity import providers
from accounts.models import IdentityMethod, IdentityVerification, User
from accounts.national_id import validate_national_id
from accounts.services.common import (
    _forget_temp_password,
    _save_with_history,
    _sms,
    clean_names,
    mask_mobile,
    normalize_code,
)
from accounts.services.tokens import end_other_sessions
from core import lockout
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.transitions import apply_transition

NOT_CONFIRMED = _(
    "The civil registry or your mobile operator did not confirm these details. Check your "
    "name, birth date and ID card serial as they are on your national ID card, or verify your "
    "identity at an office."
)


def _mark_verified(
    user: User, *, method, actor, office_id=None, serial="", provider_names="", tell=True
):
    """Within the caller's transaction, with `user` locked. `tell=False` leaves the message
    to the caller (an account opened at an office says it in its own)."""
    now = timezone.now()
    user.identity_verified_at = now
    user.identity_method = method
    _save_with_history(user, actor=actor, reason=f"identity verified ({method})")
    IdentityVerification.objects.create(
        user=user,
        method=method,
        verified_by=actor if getattr(actor, "pk", None) and actor.pk != user.pk else None,
        office_id=office_id,
        id_card_serial=serial,
        mobile=user.mobile,
        providers=provider_names,
        created_at=now,
    )
    identity.run_verified_hooks(user)
    if not tell:
        return
    _sms(
        user,
        lambda: gettext(
            "Your identity is verified on Daftar. Notices addressed to your national ID now "
            "reach your account."
        ),
        purpose="identity.verified",
    )


def identity_verify_remote(
    *, actor: User, first_name, last_name, birth_date, id_card_serial, source=None
) -> User:
    """The civil registry confirms national ID, name, birth date and ID-card serial, and the
    operators' check confirms that the account's (proven) mobile belongs to that national ID
    (ID-9 a). On success the details are kept as confirmed. A refusal counts toward the
    account's lock (ID-7), so the registry cannot be used to guess someone's details."""
    if not actor.is_usable:
        raise Forbidden()
    if actor.is_verified:
        raise Conflict(_("Your identity is already verified."), code="already_verified")
    details = clean_names(
        first_name=first_name, last_name=last_name, id_card_serial=normalize_code(id_card_serial)
    )
    keys = [lockout.Key("identity", actor.national_id)]
    lockout.ensure_not_locked(keys)
    person = providers.Person(
        national_id=actor.national_id,
        first_name=details["first_name"],
        last_name=details["last_name"],
        birth_date=birth_date,
        id_card_serial=details["id_card_serial"],
    )
    confirmed = providers.call("CIVIL_REGISTRY", person) and providers.call(
        "MOBILE_OWNERSHIP", actor.national_id, str(actor.mobile)
    )
    if not confirmed:
        lockout.guarded_failure(keys)
        raise ValidationFailed(NOT_CONFIRMED, code="identity_not_confirmed")
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).get(pk=actor.pk)
        if user.is_verified:
            return user
        for name, value in details.items():
            setattr(user, name, value)
        user.birth_date = birth_date
        _mark_verified(
            user,
            method=IdentityMethod.REGISTRY,
            actor=user,
            provider_names="civil-registry+mobile-ownership",
        )
    lockout.reset(keys)
    return user


def _card_details(
    *, card_seen, national_id, id_scheme, first_name, last_name, id_card_serial
) -> tuple[str, dict]:
    """The national ID (its check digit) and the names and serial as on the card the staff
    saw; refused field by field."""
    if not card_seen:
        message = _("Confirm that you saw the person's national ID card.")
        raise ValidationFailed(fields={"card_seen": [message]})
    try:
        national_id = validate_national_id(national_id, id_scheme)
    except Exception as exc:  # django's ValidationError
        raise ValidationFailed(fields={"national_id": list(getattr(exc, "messages", []))}) from exc
    details = clean_names(
        first_name=first_name, last_name=last_name, id_card_serial=normalize_code(id_card_serial)
    )
    if not details["id_card_serial"]:
        raise ValidationFailed(fields={"id_card_serial": [_("This field is required.")]})
    return national_id, details


def _open_pending(*, staff: User, refused: Exception, **fields) -> User:
    """A new pending account, without a password, opened by an office's staff; `refused` is
    raised when a parallel request registered the national ID meanwhile."""
    try:
        with transaction.atomic():
            user = User(status=User.Status.PENDING, is_active=False, **fields)
            user.set_unusable_password()
            _save_with_history(user, actor=staff, reason="registered at an office")
    except IntegrityError:
        raise refused from None
    return user


def identity_register_in_person(
    *,
    staff: User,
    office_id: int,
    national_id: str,
    id_scheme: str = "ir",
    first_name: str,
    last_name: str,
    birth_date,
    id_card_serial: str,
    mobile,
    card_seen: bool,
    preferred_language: str = "",
) -> User:
    """A person with no account walks into an office (art. 7): the staff open their account
    from the national ID card in front of them, and it is verified at once (ID-9 b). One
    national ID, one account (ID-10): a national ID that has an account, even a pending one,
    is refused (409 `account_exists`; the office finds that account and verifies it instead).

    No password is made or sent: the account has none until the person sets one through
    password recovery (ID-5), with the details the staff recorded. The caller (the offices
    app) has checked that `staff` works at `office_id`, and tells the person by SMS."""
    national_id, details = _card_details(
        card_seen=card_seen,
        national_id=national_id,
        id_scheme=id_scheme,
        first_name=first_name,
        last_name=last_name,
        id_card_serial=id_card_serial,
    )
    exists = Conflict(
        _("An account with this national ID exists: find it and verify it instead."),
        code="account_exists",
        fields={"national_id": [_("An account with this national ID exists.")]},
    )
    if User.objects.filter(national_id=national_id).exists():
        raise exists
    language = preferred_language or translation.get_language() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with transaction.atomic():
        user = _open_pending(
            staff=staff,
            refused=exists,
            national_id=national_id,
            id_scheme=id_scheme,
            mobile=mobile,
            birth_date=birth_date,
            preferred_language=language,
            **details,
        )
        user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
        user.mobile_verified_at = timezone.now()
        apply_transition(user, "activate", actor=staff, reason="registered at an office")
        _mark_verified(
            user,
            method=IdentityMethod.OFFICE,
            actor=staff,
            office_id=office_id,
            serial=details["id_card_serial"],
            tell=False,
        )
    return user


def identity_verify_in_person(
    *,
    staff: User,
    office_id: int,
    national_id: str,
    id_scheme: str = "ir",
    first_name: str,
    last_name: str,
    birth_date,
    id_card_serial: str,
    mobile,
    card_seen: bool,
) -> tuple[User, bool]:
    """An office's staff saw the person's national ID card (ID-9 b, art. 7): find the account
    of its national ID, or register it, record the card's serial, and make it verified.
    Returns (the account, whether it was created). The caller (the offices app) has checked
    that `staff` works at `office_id`.

    The details are those of the card. The mobile is the one the person gives in front of
    the staff (ID-10: a verified account's mobile changes only this way or through ID-9's
    checks): when it differs from the account's, or the account was still pending (a
    registration someone else may have started), every session and token ends and a new
    password goes by SMS to the person's mobile, to be changed at the first sign-in.
    """
    national_id, details = _card_details(
        card_seen=card_seen,
        national_id=national_id,
        id_scheme=id_scheme,
        first_name=first_name,
        last_name=last_name,
        id_card_serial=id_card_serial,
    )
    with transaction.atomic():
        user = User.objects.select_for_update(of=("self",)).filter(national_id=national_id).first()
        created = user is None
        if user is not None and user.status == User.Status.DISABLED:
            raise Conflict(_("This account is disabled."), code="account_disabled")
        if created:
            user = _open_pending(
                staff=staff,
                refused=Conflict(code="changed_meanwhile"),
                national_id=national_id,
                id_scheme=id_scheme,
                mobile=mobile,
            )
        old_mobile = str(user.mobile or "")
        new_credentials = created or user.status == User.Status.PENDING or old_mobile != str(mobile)
        for name, value in details.items():
            setattr(user, name, value)
        user.birth_date = birth_date
        user.mobile = mobile
        user.mobile_verified_at = timezone.now()
        if user.status == User.Status.PENDING:
            apply_transition(user, "activate", actor=staff, reason="registered at an office")
        if new_credentials:
            _give_new_password(user, staff=staff, old_mobile=old_mobile, created=created)
        _mark_verified(
            user,
            method=IdentityMethod.OFFICE,
            actor=staff,
            office_id=office_id,
            serial=details["id_card_serial"],
        )
    return user, created


def _give_new_password(user: User, *, staff, old_mobile: str, created: bool) -> None:
    from accounts.services.recovery import _random_password

    password = _random_password()
    user.set_password(password)
    user.must_change_password = True
    _save_with_history(user, actor=staff, reason="credentials renewed at an office")
    _forget_temp_password(user)
    end_other_sessions(user)
    if old_mobile and old_mobile != str(user.mobile) and not created:
        masked = mask_mobile(user.mobile)
        _sms(
            user,
            lambda: (
                gettext(
                    "The mobile number of your Daftar account was changed at an office to "
                    "%(mobile)s."
                )
                % {"mobile": masked}
            ),
            purpose="account.mobile_changed",
            to=old_mobile,
        )
    _sms(
        user,
        lambda: (
            gettext(
                "Your Daftar account: sign in with your national ID and this password: "
                "%(password)s. "
                "Please change it at the first sign-in."
            )
            % {"password": password}
        ),
        purpose="identity.office_password",
        secret=password,
    )
