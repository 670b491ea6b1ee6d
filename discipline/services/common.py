"""Helpers shared by the discipline services (row locks and saves with the actor are
`core.records.locked` and `save_as`)."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.exceptions import ValidationFailed


def conf(key):
    return settings.DISCIPLINE[key]


def required_text(value, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(code="invalid", fields={field: [_("This field is required.")]})
    return value


def display_name(user) -> str:
    return user.get_full_name() or str(user)
