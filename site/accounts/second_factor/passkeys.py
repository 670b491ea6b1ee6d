"""Passkeys (WebAuthn) through py_webauthn: options for the browser, and checks of what the
authenticator answers. The challenge of each ceremony is kept by the caller (the session for
pages, the signed sign-in challenge for the API) and checked here."""

from __future__ import annotations

import json

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from accounts.second_factor import services
from accounts.second_factor.models import Passkey
from core import lockout
from core.exceptions import Forbidden, ValidationFailed

INVALID_PASSKEY = _("The passkey was not accepted. Try again.")


def relying_party(request) -> tuple[str, list[str]]:
    """The relying party's ID (the site's host name) and the origins a ceremony may come
    from; `SECOND_FACTOR["RP_ID"]` and `["ORIGINS"]` fix them behind a proxy."""
    conf = getattr(settings, "SECOND_FACTOR", {})
    host = request.get_host()
    rp_id = conf.get("RP_ID") or host.rsplit(":", 1)[0]
    origins = conf.get("ORIGINS") or [f"{request.scheme}://{host}"]
    return rp_id, list(origins)


def _descriptors(user):
    return [
        PublicKeyCredentialDescriptor(id=_b64decode(p.credential_id))
        for p in Passkey.objects.filter(user=user, confirmed=True)
    ]


def _b64decode(value: str) -> bytes:
    from webauthn import base64url_to_bytes

    return base64url_to_bytes(value)


def registration_options(*, user, rp_id: str) -> tuple[str, str]:
    """Options for `navigator.credentials.create()` (JSON) and their challenge."""
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=getattr(settings, "WAGTAIL_SITE_NAME", "Daftar"),
        user_id=str(user.pk).encode(),
        user_name=user.national_id,
        user_display_name=user.get_full_name() or user.national_id,
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    return options_to_json(options), bytes_to_base64url(options.challenge)


def register(*, user, credential, challenge: str, rp_id: str, origins, name: str = "") -> Passkey:
    """Check the authenticator's attestation and keep the new passkey (confirmed)."""
    try:
        verified = verify_registration_response(
            credential=_as_json(credential),
            expected_challenge=_b64decode(challenge),
            expected_rp_id=rp_id,
            expected_origin=list(origins),
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
        raise ValidationFailed(
            INVALID_PASSKEY, code="invalid_passkey", fields={"credential": [INVALID_PASSKEY]}
        ) from exc
    try:
        with transaction.atomic():
            return Passkey.objects.create(
                user=user,
                name=(name or str(_("Passkey")))[:64],
                confirmed=True,
                credential_id=bytes_to_base64url(verified.credential_id),
                public_key=verified.credential_public_key,
                sign_count=verified.sign_count,
                aaguid=str(verified.aaguid or ""),
            )
    except IntegrityError as exc:
        raise ValidationFailed(
            _("This passkey is already registered."), code="passkey_exists"
        ) from exc


def authentication_options(*, user, rp_id: str) -> tuple[str, str]:
    """Options for `navigator.credentials.get()` (JSON) and their challenge."""
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=_descriptors(user),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    return options_to_json(options), bytes_to_base64url(options.challenge)


def authenticate(*, user, credential, challenge: str, rp_id: str, origins, source=None) -> Passkey:
    """Check an assertion by one of the user's passkeys; returns the passkey. A failure counts
    like a wrong code (ID-7), and a signature counter that goes back refuses the passkey."""
    if not services.is_enrolled(user):
        raise Forbidden(services.ENROLMENT_REQUIRED, code="second_factor_enrolment_required")
    lockout.ensure_not_locked(services.keys(user, source))
    data = _as_json(credential)
    credential_id = data.get("id") if isinstance(data, dict) else None
    passkey = Passkey.objects.filter(
        user=user, confirmed=True, credential_id=str(credential_id or "")
    ).first()
    ok = False
    if passkey is not None and passkey.verify_is_allowed()[0]:
        with transaction.atomic():
            passkey = Passkey.objects.select_for_update().get(pk=passkey.pk)
            try:
                verified = verify_authentication_response(
                    credential=data,
                    expected_challenge=_b64decode(challenge),
                    expected_rp_id=rp_id,
                    expected_origin=list(origins),
                    credential_public_key=bytes(passkey.public_key),
                    credential_current_sign_count=passkey.sign_count,
                )
            except (WebAuthnException, ValueError, KeyError, TypeError):
                passkey.throttle_increment(commit=True)
            else:
                passkey.sign_count = verified.new_sign_count
                passkey.throttle_reset(commit=False)
                passkey.set_last_used_timestamp(commit=False)
                passkey.save()
                ok = True
    if not ok:
        lockout.guarded_failure(services.keys(user, source))
        raise ValidationFailed(
            INVALID_PASSKEY, code="invalid_passkey", fields={"credential": [INVALID_PASSKEY]}
        )
    lockout.reset(services.keys(user, source)[:1])
    return passkey


def _as_json(credential) -> dict:
    """The credential as the browser sent it: a JSON object, or its text."""
    if isinstance(credential, (bytes, str)):
        try:
            credential = json.loads(credential)
        except ValueError as exc:
            raise ValidationFailed(INVALID_PASSKEY, code="invalid_passkey") from exc
    if not isinstance(credential, dict):
        raise ValidationFailed(INVALID_PASSKEY, code="invalid_passkey")
    return credential
