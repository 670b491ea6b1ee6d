"""The two rules of ID-13 that every path asks, each decided here only.

* Who needs a second factor, and whether the caller has passed one: `needs_second_factor`,
  `is_verified` (the device that verified the session or token is on `user.otp_device`, put
  there by django-otp's middleware for a session and by the token authentication for a
  token).
* Who may change whose account: `ensure_may_change`. No one may disable, demote or change an
  administrator of higher rank, give anyone a rank above their own, or change their own
  roles, flags or state.
"""

from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, has_role
from core.exceptions import Forbidden

# ID-13: every role except the public's own (parties and lawyers).
STAFF_ROLES = tuple(role for role in Role if role not in (Role.PARTY, Role.LAWYER))

# Ranks of administration, highest first: superusers, the centre head, account administrators
# (the GD's licensing staff, or anyone holding the permissions to change accounts), then
# every other staff role.
SUPERUSER, CENTRE_HEAD, ACCOUNT_ADMIN, STAFF, PUBLIC = 4, 3, 2, 1, 0
ROLE_RANKS = {Role.CENTRE_HEAD.value: CENTRE_HEAD, Role.LICENSING_STAFF.value: ACCOUNT_ADMIN}
ADMIN_PERMISSIONS = ("accounts.change_user", "accounts.disable_user", "auth.change_group")


def needs_second_factor(user) -> bool:
    """Staff of every role, staff flag holders and superusers (ID-13)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.is_staff or has_role(user, *STAFF_ROLES))


def is_verified(user) -> bool:
    """Whether a confirmed device of this very user verified the session or token."""
    device = getattr(user, "otp_device", None)
    return bool(device is not None and device.user_id == user.pk and device.confirmed)


def satisfied(user) -> bool:
    return not needs_second_factor(user) or is_verified(user)


def rank(user, *, roles=None, is_superuser=None) -> int:
    """The user's rank; `roles` and `is_superuser` give the rank the user would have after a
    change (the role names and flag chosen in a form)."""
    if is_superuser if is_superuser is not None else user.is_superuser:
        return SUPERUSER
    if roles is None:
        roles = set(user.groups.values_list("name", flat=True)) if user.pk else set()
        if user.pk and any(user.has_perm(p) for p in ADMIN_PERMISSIONS):
            return max(ACCOUNT_ADMIN, *(ROLE_RANKS.get(r, PUBLIC) for r in roles))
    roles = {str(r) for r in roles}
    found = [ROLE_RANKS.get(r, STAFF if r in STAFF_ROLES else PUBLIC) for r in roles]
    if user.is_staff and not found:
        found = [STAFF]
    return max(found, default=PUBLIC)


OWN_ACCOUNT = _("You cannot change your own roles, permissions or account state.")
HIGHER_RANK = _("You cannot change an administrator of a higher rank than yours.")
ABOVE_OWN_RANK = _("You cannot give anyone a rank above your own.")


def may_change(actor, target) -> bool:
    try:
        ensure_may_change(actor, target)
    except Forbidden:
        return False
    return True


def ensure_may_change(actor, target, *, roles=None, is_superuser=None) -> None:
    """Refuse (403) the actor's change of the target's roles, flags or state: their own, or a
    higher administrator's; with `roles`/`is_superuser`, also a change that would lift the
    target above the actor. `actor=None` is the system itself (migrations, sweeps, demo)."""
    if actor is None:
        return
    if actor.pk == target.pk:
        raise Forbidden(OWN_ACCOUNT, code="own_account")
    actor_rank = rank(actor)
    if rank(target) > actor_rank:
        raise Forbidden(HIGHER_RANK, code="higher_rank")
    if (roles is not None or is_superuser is not None) and rank(
        target, roles=roles if roles is not None else None, is_superuser=is_superuser
    ) > actor_rank:
        raise Forbidden(ABOVE_OWN_RANK, code="above_own_rank")
