"""Staff: disabling and enabling accounts."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services.tokens import end_other_sessions
from core.exceptions import NotFound, ValidationFailed
from core.transitions import apply_transition


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
        from accounts.second_factor.policy import ensure_may_change

        ensure_may_change(actor, user)  # not their own account, nor a higher rank's (ID-13)
        apply_transition(user, name, actor=actor, reason=reason.strip())
        if name == "disable":
            end_other_sessions(user)
    return user


def user_disable(*, actor: User, user_id, reason: str) -> User:
    """Licensing staff disable an account (it can no longer sign in); logged with its reason."""
    return _user_transition(actor=actor, user_id=user_id, name="disable", reason=reason)


def user_enable(*, actor: User, user_id, reason: str) -> User:
    return _user_transition(actor=actor, user_id=user_id, name="enable", reason=reason)
