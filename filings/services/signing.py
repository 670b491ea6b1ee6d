"""Signing (FIL-6) and the one-time codes of signing and sending (FIL-9)."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.util import random_number_token

from accounts import identity
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.notify import notify
from core.records import save_as
from filings import access, selectors, signing
from filings.models import Filing, FilingCode, Signature
from filings.services.common import locked_filing, require_confirmed

Purpose = FilingCode.Purpose


def void_signature(filing: Filing, *, reason: str) -> bool:
    """Void the live signature of a filing (any change to what was signed, FIL-6)."""
    signature = filing.signatures.filter(voided_at__isnull=True).first()
    if signature is None:
        return False
    signature.voided_at = timezone.now()
    signature.void_reason = reason[:255]
    signature._change_reason = reason
    signature.save(update_fields=["voided_at", "void_reason"])
    return True


# --- Codes ------------------------------------------------------------------------------------
def _digest(device: FilingCode, token: str) -> str:
    message = (
        f"{device.user_id}:{device.filing_id}:{device.purpose}:"
        f"{device.generated_at.isoformat()}:{token}"
    )
    return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()


def _device(user, filing: Filing, purpose: str) -> FilingCode:
    device = (
        FilingCode.objects.select_for_update()
        .filter(user=user, filing=filing, purpose=purpose)
        .first()
    )
    if device is None:
        try:
            with transaction.atomic():
                device = FilingCode.objects.create(
                    user=user, filing=filing, purpose=purpose, name=f"filing-{purpose}"
                )
        except IntegrityError:
            device = FilingCode.objects.select_for_update().get(
                user=user, filing=filing, purpose=purpose
            )
    return device


def describe(filing: Filing) -> str:
    """A filing as a message names it: its kind and, when it has one, its subject."""
    subject = (filing.subject or "").strip()
    if len(subject) > 40:
        subject = subject[:39] + "…"
    if not subject:
        return str(filing.get_kind_display())
    return _("%(kind)s “%(subject)s”") % {"kind": filing.get_kind_display(), "subject": subject}


def issue_code(*, user, filing: Filing, purpose: str) -> FilingCode:
    """Make a code, keep its keyed hash, and text it to `user`'s mobile."""
    conf = settings.FILINGS
    device = _device(user, filing, purpose)
    token = random_number_token(conf["CODE_LENGTH"])
    now = timezone.now()
    device.generated_at = now
    device.valid_until = now + conf["CODE_VALIDITY"]
    device.token = None
    device.token_hash = _digest(device, token)
    device.used_at = None
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()

    def body():
        # The message names what the code signs or sends (its kind and subject), in the
        # reader's language, never an internal number.
        if purpose == Purpose.SIGN:
            text = _("Code to sign your %(what)s: %(code)s. Do not share it. Judiciary")
        else:
            text = _("Code to send your %(what)s: %(code)s. Do not share it. Judiciary")
        return text % {"what": describe(filing), "code": token}

    notify(user, purpose=f"filings.{purpose}_code", body=body, secret=token)
    return device


def check_code(*, user, filing: Filing, purpose: str, code: str, not_before=None) -> bool:
    """Verify and consume a code. A wrong code counts toward the device's back-off, and a
    throttled device refuses even the right code. `not_before`: the code must have been
    made after this moment (a fresh code, FIL-9)."""
    device = (
        FilingCode.objects.select_for_update()
        .filter(user=user, filing=filing, purpose=purpose)
        .first()
    )
    if device is None:
        return False
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        return False
    now = timezone.now()
    code = "".join(ch for ch in str(code or "") if ch.isdigit())
    good = (
        bool(code)
        and bool(device.token_hash)
        and device.valid_until is not None
        and now < device.valid_until
        and (not_before is None or (device.generated_at and device.generated_at > not_before))
        and hmac.compare_digest(_digest(device, code), device.token_hash)
    )
    if not good:
        device.throttle_increment(commit=True)
        return False
    device.token_hash = ""  # nosec B105 # clears a used code, no password
    device.valid_until = now
    device.used_at = now
    device.throttle_reset(commit=False)
    device.save()
    return True


def code_recipient(filing: Filing, actor, purpose: str):
    """Who receives the code. Signing: the signer (the presenting lawyer, or the filer).
    Sending: the person sending on the portal; at an office, the filer in front of the
    staff."""
    if purpose == Purpose.SIGN:
        return filing.signer
    if filing.channel == "office" and actor.pk != filing.filer_id:
        return filing.filer
    return actor


def _may_sign(filing: Filing, actor) -> bool:
    signer = filing.signer
    if actor.pk == signer.pk:
        return True
    return filing.channel == "office" and access.is_office_staff(filing, actor)


def sign_code_request(*, actor, filing_id) -> dict:
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if not _may_sign(filing, actor):
            raise Forbidden(_("Only the signer may ask for the signing code."))
        identity.require_level(filing.signer, "filing_signature")  # ID-9, FIL-6
        require_confirmed(filing)
        if selectors.live_signature(filing):
            raise Conflict(_("The filing is already signed."), code="already_signed")
        device = issue_code(user=filing.signer, filing=filing, purpose=Purpose.SIGN)
    return {"sent_to": _mask(filing.signer.mobile), "expires_at": device.valid_until}


def filing_sign(*, actor, filing_id, acknowledged: bool, code: str) -> Signature:
    """Sign with the acknowledgement and the code sent to the signer's mobile (FIL-6). The
    signature records signer, time, method and the hash of exactly what was signed."""
    if not acknowledged:
        raise ValidationFailed(
            fields={"acknowledged": [_("Acknowledge your rights and duties to sign.")]}
        )
    bad = False
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if not _may_sign(filing, actor):
            raise Forbidden(_("Only the signer may sign."))
        identity.require_level(filing.signer, "filing_signature")  # ID-9, FIL-6
        require_confirmed(filing)
        if selectors.live_signature(filing):
            raise Conflict(_("The filing is already signed."), code="already_signed")
        current = signing.content_hash(filing)
        if current != filing.content_hash or not signing.stored_files_intact(filing):
            raise Conflict(
                _("The content changed after preparation: reopen and prepare it again."),
                code="content_changed",
            )
        signer = filing.signer
        if check_code(user=signer, filing=filing, purpose=Purpose.SIGN, code=code):
            signature = Signature(
                filing=filing,
                signer=signer,
                entered_by=actor,
                method=Signature.Method.SMS_CODE,
                acknowledgement=signing.acknowledgement_text(),
                content_hash=current,
                signed_at=timezone.now(),
            )
            save_as(signature, actor=actor, reason="signed")
        else:
            bad = True  # the failed attempt is counted (committed) before refusing
    if bad:
        raise ValidationFailed(
            _("The code is wrong or has expired."),
            code="invalid_code",
            fields={"code": [_("The code is wrong or has expired.")]},
        )
    return signature


def signature_is_valid(filing: Filing, signature: Signature | None) -> bool:
    """The signature covers exactly the current content and stored files."""
    if signature is None or signature.voided_at is not None:
        return False
    return (
        signature.content_hash == filing.content_hash
        and signing.content_hash(filing) == signature.content_hash
        and signing.stored_files_intact(filing)
    )


def _mask(mobile) -> str:
    text = str(mobile or "")
    return f"{text[:5]}{'•' * max(len(text) - 8, 0)}{text[-3:]}" if len(text) > 8 else "•••"


FRESHNESS = timedelta(0)
