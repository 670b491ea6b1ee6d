"""What every licensing service shares: the settings, the role check, the reasons and the
decision a step requires, and the terms of office (Council, board) that may not overlap."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from accounts.roles import has_role
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.records import locked
from licensing.models import Decision

SYSTEM = "system:sweep"


def config(name):
    return settings.LICENSING[name]


def require_role(actor, *roles, message=None):
    if not has_role(actor, *roles):
        raise Forbidden(message)


def reasons_given(reasons: str, field: str = "reasons") -> str:
    """The reasons of a step, stripped; none at all is refused."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationFailed(
            _("Give the reasons."), code="reasons_required", fields={field: [_("Required.")]}
        )
    return reasons


def decision_given(decision: str) -> str:
    if decision not in Decision.values:
        raise ValidationFailed(
            code="invalid_decision", fields={"decision": [_("Approve or reject.")]}
        )
    return decision


def lock_user(user):
    """The person being appointed, locked so that two appointments of them take turns."""
    return locked(get_user_model().objects, user.pk)


def overlapping(terms, starts_on, ends_on):
    """The running terms of `terms` that share a day with `starts_on` … `ends_on`."""
    return terms.filter(ended_on__isnull=True, starts_on__lte=ends_on, ends_on__gte=starts_on)


def incompatible_offices_refusal() -> Conflict:
    return Conflict(
        _(
            "Article 23, note: a member of the Council may not sit on the Association's board "
            "at the same time."
        ),
        code="council_board_incompatible",
    )
