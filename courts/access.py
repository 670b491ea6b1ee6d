"""Who stands where toward a case (CAS-2, CAS-3).

- a participant: the account of a party, lawyer or expert row (not left), or a person who
  acts for a legal person that is a participant (an open, granted representation);
- a court clerk: a `court_clerk` member of the clerks of the case's branch.

`may_open_cabinet` is the one gate before any case is shown to a person (ID-9: a court case
is shown only to an account whose identity is verified); it is the one place to tighten.
"""

from accounts.roles import Role, has_role
from notices.selectors import represented_legal_person_ids


def may_open_cabinet(user) -> bool:
    """A signed-in account whose identity is verified (ID-9): an account that proved only
    its mobile sees no case, not even one it was named in."""
    return bool(getattr(user, "is_authenticated", False)) and bool(
        getattr(user, "is_verified", False)
    )


def clerk_branch_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False) or not has_role(user, Role.COURT_CLERK):
        return set()
    cached = getattr(user, "_courts_branch_ids", None)
    if cached is None:
        cached = set(user.notice_branches.values_list("pk", flat=True))
        user._courts_branch_ids = cached
    return cached


def is_clerk_of(case, user) -> bool:
    return case.branch_id in clerk_branch_ids(user)


def legal_ids(user) -> list[int]:
    return represented_legal_person_ids(user)
