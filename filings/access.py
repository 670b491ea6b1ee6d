"""Who stands where toward a filing. Used by the transitions' `permission=` and the selectors.

- the filer's side: the filer; for a filing made at an office (FIL-2, art. 6) also the staff
  of that office, who prepare it with the person in front of them;
- an office's staff: people holding a post in that office (the guardian object permission
  `offices.manage_appointments` granted with the post, without the regulator's model-wide
  grant: the regulator does not work an office's queue);
- a court clerk: a `court_clerk` member of the clerks of the filing's court branch.
"""

from accounts.roles import OFFICE_STAFF_ROLES, Role, has_role
from offices.selectors import office_ids_with_permission


def staff_office_ids(user) -> set[int]:
    """Offices where `user` holds a post (one query, cached on the user object): the object
    permission only, not the regulator's model-wide grant."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_filings_office_ids", None)
    if cached is None:
        cached = office_ids_with_permission(user, "manage_appointments")
        user._filings_office_ids = cached
    return cached


def clerk_branch_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False) or not has_role(user, Role.COURT_CLERK):
        return set()
    cached = getattr(user, "_filings_branch_ids", None)
    if cached is None:
        cached = set(user.notice_branches.values_list("pk", flat=True))
        user._filings_branch_ids = cached
    return cached


def is_office_staff(filing, user) -> bool:
    return bool(filing.office_id) and filing.office_id in staff_office_ids(user)


def is_filer_side(filing, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.pk == filing.filer_id:
        return True
    return filing.channel == "office" and is_office_staff(filing, user)


def may_send(filing, user) -> bool:
    """The filer's side, or the presenting lawyer of a portal filing (who also signs)."""
    if is_filer_side(filing, user):
        return True
    return (
        filing.channel == "portal"
        and bool(filing.presenter_lawyer_id)
        and getattr(user, "pk", None) == filing.presenter_lawyer_id
    )


def is_court_clerk(filing, user) -> bool:
    return bool(filing.court_id) and filing.court_id in clerk_branch_ids(user)


def is_office_worker(user) -> bool:
    return has_role(user, *OFFICE_STAFF_ROLES) or bool(staff_office_ids(user))
