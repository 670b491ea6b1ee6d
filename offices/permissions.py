"""Who may do what to an office: guardian object permissions, granted with a post.

An office's staff hold, on their own office only: `view_office` and `manage_appointments`
(the day view and check-in, APT-5); the manager also `change_office` (hours, closures,
contact details) and `manage_staff`. The regulator's staff hold the same permissions
model-wide through their group. Anyone without them gets 404, like for a missing office.
"""

from guardian.shortcuts import assign_perm, remove_perm

from offices.models import StaffRole

STAFF_PERMISSIONS = ["offices.view_office", "offices.manage_appointments"]
MANAGER_PERMISSIONS = [*STAFF_PERMISSIONS, "offices.change_office", "offices.manage_staff"]


def permissions_for(role) -> list[str]:
    return MANAGER_PERMISSIONS if role == StaffRole.MANAGER else STAFF_PERMISSIONS


def grant_post(user, office, role) -> None:
    for perm in permissions_for(role):
        assign_perm(perm, user, office)


def revoke_post(user, office, role) -> None:
    for perm in MANAGER_PERMISSIONS:
        remove_perm(perm, user, office)
