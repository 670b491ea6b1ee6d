"""DRF permissions of the notices API. Object scope comes from the selectors (404)."""

from rest_framework import permissions

from accounts.roles import Role, has_role


class IsIssuer(permissions.BasePermission):
    """Court clerks (and superusers) may use the issuer endpoints; which branches they may
    issue for is checked by the service."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.is_superuser or has_role(user, Role.COURT_CLERK, Role.BOARD_MEMBER)
