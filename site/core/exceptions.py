"""Domain errors raised by services. The API turns each into the one JSON error shape."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status


class DomainError(Exception):
    """A refusal with a stable machine code, a readable message and the fields at fault."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"
    default_message = _("The request was refused.")

    def __init__(self, message=None, *, code=None, fields=None):
        self.message = message if message is not None else self.default_message
        self.code = code or self.default_code
        self.fields = fields or {}
        super().__init__(str(self.message))


class ValidationFailed(DomainError):
    default_code = "invalid"
    default_message = _("Some fields are invalid.")


class NotFound(DomainError):
    """Missing, or not visible to the actor: the two look the same."""

    status_code = status.HTTP_404_NOT_FOUND
    default_code = "not_found"
    default_message = _("Not found.")


class Forbidden(DomainError):
    """The actor may see the object but not take this action on it."""

    status_code = status.HTTP_403_FORBIDDEN
    default_code = "forbidden"
    default_message = _("You may not do this.")


class Conflict(DomainError):
    """The object is not in a state that allows this action (or changed meanwhile)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_message = _("This action is not possible in the object's current state.")


class Locked(DomainError):
    """Too many failed attempts: the account or source is locked for a while (ID-7)."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "locked"
    default_message = _("Too many failed attempts. Try again later.")

    def __init__(self, message=None, *, retry_after=None, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after
