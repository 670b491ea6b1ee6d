"""DRF permission classes of the filings API. Object scope is decided by the selectors
(a filing the actor may not see answers 404) and by the transitions' permissions (403)."""

from rest_framework import permissions

from accounts.roles import Role, has_role
from filings import access


class IsOfficeStaff(permissions.BasePermission):
    """Holds a post in an office (the office queue)."""

    def has_permission(self, request, view):
        return bool(access.staff_office_ids(request.user))


class IsCourtClerk(permissions.BasePermission):
    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and has_role(user, Role.COURT_CLERK))
