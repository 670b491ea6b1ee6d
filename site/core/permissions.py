"""DRF permission building blocks.

Views get their objects from selectors that already filter by the actor, so a forbidden
object is simply missing (404). These classes add role checks on top, and turn a refusal
on an object into 404 where the actor must not learn that the object exists.
"""

from rest_framework import permissions
from rest_framework.exceptions import NotFound

from accounts.roles import has_role


class HasRole(permissions.BasePermission):
    """Allow users holding one of `view.allowed_roles` (and superusers)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.is_superuser or has_role(user, *getattr(view, "allowed_roles", ()))


class ObjectPermissionOr404(permissions.BasePermission):
    """Object check through `view.object_permission` (e.g. "accounts.act_for_legalperson");
    an actor without it gets 404, exactly like a missing object."""

    def has_object_permission(self, request, view, obj):
        perm = getattr(view, "object_permission", None)
        if perm is None or request.user.has_perm(perm, obj):
            return True
        raise NotFound()
