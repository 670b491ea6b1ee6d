"""Per-device API tokens (ID-12): issued at sign-in, listed and revoked by their owner, all
ended (but the one in use) by a password change, and all by recovery or disabling."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from knox.settings import knox_settings

from accounts.models import DeviceToken, User
from core.exceptions import NotFound


def api_token_issue(*, user: User, name: str = "") -> str:
    """A new token for one device; only its digest is stored. Beyond the per-user limit the
    oldest tokens are revoked, so a client that signs in again and again does not pile up."""
    with transaction.atomic():
        User.objects.select_for_update(of=("self",)).filter(pk=user.pk).first()
        DeviceToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
        limit = knox_settings.TOKEN_LIMIT_PER_USER
        if limit:
            keep = DeviceToken.objects.filter(user=user).order_by("-created")[: limit - 1]
            DeviceToken.objects.filter(user=user).exclude(
                pk__in=list(keep.values_list("pk", flat=True))
            ).delete()
        _instance, token = DeviceToken.objects.create(user=user, name=(name or "")[:100])
    return token


def api_token_revoke(*, user: User, token=None) -> None:
    """Revoke one token (the one the request came with), or every token of the account."""
    tokens = DeviceToken.objects.filter(user=user)
    if token is not None:
        tokens = tokens.filter(pk=token.pk)
    tokens.delete()


def tokens_of(*, actor: User):
    """The owner's live tokens, newest first."""
    return DeviceToken.objects.filter(user=actor, expiry__gt=timezone.now()).order_by("-created")


def token_revoke(*, actor: User, token_key: str) -> None:
    """The owner revokes one of their tokens by its public key (the first characters)."""
    deleted, _rows = DeviceToken.objects.filter(user=actor, token_key=str(token_key)).delete()
    if not deleted:
        raise NotFound()


def end_other_sessions(user: User, *, keep_token=None) -> None:
    """Every token of the account but `keep_token` (ID-12). Every session signed in with the
    old password stops at its next request by itself (Django checks the password hash kept in
    the session); the session that changed the password is kept with
    `update_session_auth_hash`."""
    tokens = DeviceToken.objects.filter(user=user)
    if keep_token is not None:
        tokens = tokens.exclude(pk=keep_token.pk)
    tokens.delete()
