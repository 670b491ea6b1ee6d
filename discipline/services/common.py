"""Helpers shared by the discipline services."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.exceptions import NotFound, ValidationFailed


def conf(key):
    return settings.DISCIPLINE[key]


def signed_in(actor) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def required_text(value, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(code="invalid", fields={field: [_("This field is required.")]})
    return value


def as_pk(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NotFound() from None


def locked(queryset, pk):
    """Re-read one row of `queryset` (already filtered by what the actor may see) under a row
    lock; anything outside it is 404."""
    obj = queryset.select_for_update(of=("self",)).filter(pk=as_pk(pk)).first()
    if obj is None:
        raise NotFound()
    return obj


def display_name(user) -> str:
    return user.get_full_name() or str(user)
