"""Notices and identity assurance (ID-9): a notice reaches only an account whose identity is
verified. A notice for a national ID without one waits (status `waiting`, no recipient
account, no delivery moment, no deemed-service clock) and is delivered — with its alert —
when an account for that national ID is verified, in the verification's own transaction.

Until then nobody sees it as a recipient: not a pending registration, not an account that
proved only its mobile (a squatter who registered someone else's national ID), so nobody can
open it and no service, actual or deemed, can happen.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import LegalPerson, User
from accounts.services import normalize_national_id
from core.transitions import apply_transition
from notices.models import Notice
from notices.services import config, issuing


def addressee(recipient) -> tuple[User | None, str]:
    """(the account that receives it now, or None; the national ID it waits for, or "")."""
    if isinstance(recipient, LegalPerson):
        return None, ""
    if isinstance(recipient, User):
        if recipient.is_verified:
            return recipient, ""
        return None, recipient.national_id
    national_id = normalize_national_id(recipient)
    user = User.objects.filter(national_id=national_id).first()
    if user is not None and user.is_verified:
        return user, ""
    return None, national_id


def deliver_waiting(user: User) -> int:
    """Deliver every notice waiting for `user`'s national ID; returns how many. Registered
    with `accounts.identity.when_verified` (the app's `ready`), so it runs in the
    verification's transaction."""
    if not user.is_verified:
        return 0
    now = timezone.now()
    by_delivery = config.conf("SERVICE_STARTS_AT") == "delivery"
    done = 0
    with transaction.atomic():
        waiting = Notice.objects.select_for_update(of=("self",)).filter(
            status=Notice.Status.WAITING, addressed_national_id=user.national_id
        )
        for notice in waiting.select_related("branch").order_by("issued_at", "id"):
            if by_delivery:
                apply_transition(
                    notice,
                    "deliver_and_serve",
                    actor=None,
                    actor_label="system:identity-verified",
                    reason="recipient's identity verified (ID-9)",
                    user=user,
                    at=now,
                )
            else:
                apply_transition(
                    notice,
                    "deliver",
                    actor=None,
                    actor_label="system:identity-verified",
                    reason="recipient's identity verified (ID-9)",
                    user=user,
                    at=now,
                    deemed_due=now + config.deemed_service_period(),
                )
            issuing.alert_recipient(notice)
            done += 1
    return done
