"""The Council (LIC-4) and the fee schedules it proposes (LIC-8)."""

import datetime as dt

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.records import locked, save_as
from core.transitions import apply_transition
from licensing import selectors
from licensing.models import BoardMembership, CouncilMembership, FeeSchedule, is_council_member
from licensing.services.common import (
    config,
    decision_given,
    incompatible_offices_refusal,
    lock_user,
    overlapping,
    reasons_given,
    require_role,
)


# --- Council (LIC-4) -----------------------------------------------------------------------------
def council_appoint(
    *, actor, user, starts_on: dt.date | None = None, ends_on: dt.date | None = None
) -> CouncilMembership:
    """The centre head appoints a Council member for a term (LIC-4; art. 23): five members at
    most at a time, none of them on the Association's board during the term."""
    require_role(
        actor, Role.CENTRE_HEAD, message=_("Council members are appointed by the centre head.")
    )
    starts_on = starts_on or timezone.localdate()
    ends_on = ends_on or starts_on + dt.timedelta(days=config("COUNCIL_TERM_DAYS"))
    if ends_on <= starts_on:
        raise ValidationFailed(code="invalid", fields={"ends_on": [_("After the start.")]})
    with transaction.atomic():
        user = lock_user(user)
        if overlapping(BoardMembership.objects.filter(user=user), starts_on, ends_on).exists():
            raise incompatible_offices_refusal()
        if overlapping(CouncilMembership.objects.filter(user=user), starts_on, ends_on).exists():
            raise Conflict(_("This person already sits on the Council."), code="already_member")
        # Every appointment locks the centre head's roster in the same order: the first row.
        CouncilMembership.objects.select_for_update().order_by("pk").first()
        if CouncilMembership.objects.current(starts_on).count() >= config("COUNCIL_SIZE"):
            raise Conflict(
                _("The Council has %(size)d members (art. 23).") % {"size": config("COUNCIL_SIZE")},
                code="council_full",
            )
        membership = CouncilMembership(
            user=user, starts_on=starts_on, ends_on=ends_on, appointed_by=actor
        )
        save_as(membership, actor=actor)
        user.groups.add(Group.objects.get_or_create(name=Role.COUNCIL_MEMBER.value)[0])
    return membership


def council_end(*, actor, membership_id: int, ended_on: dt.date | None = None) -> CouncilMembership:
    require_role(actor, Role.CENTRE_HEAD)
    with transaction.atomic():
        membership = locked(CouncilMembership.objects, membership_id)
        if membership.ended_on is not None:
            raise Conflict(code="wrong_state")
        membership.ended_on = ended_on or timezone.localdate()
        save_as(membership, actor=actor, update_fields=["ended_on"])
        if not CouncilMembership.objects.current().filter(user=membership.user).exists():
            membership.user.groups.remove(*Group.objects.filter(name=Role.COUNCIL_MEMBER.value))
    return membership


# --- Fee schedules (LIC-8) -----------------------------------------------------------------------
def fee_propose(*, actor, kind: str, amount, effective_from: dt.date, reasons: str) -> FeeSchedule:
    """The Council proposes a fee (LIC-8; art. 24-b)."""
    if not is_council_member(actor):
        raise Forbidden(_("Fees are proposed by the Council."))
    if kind not in FeeSchedule.Kind.values:
        raise ValidationFailed(code="invalid", fields={"kind": [_("Unknown kind.")]})
    if amount is None or amount < 0:
        raise ValidationFailed(code="invalid", fields={"amount": [_("Zero or more.")]})
    with transaction.atomic():
        fee = FeeSchedule(
            kind=kind,
            amount=amount,
            effective_from=effective_from,
            proposed_by=actor,
            proposal_reasons=reasons_given(reasons),
        )
        save_as(fee, actor=actor)
    return fee


def _fee_transition(*, actor, fee_id, name: str, decision: str, reasons: str) -> FeeSchedule:
    decision, reasons = decision_given(decision), reasons_given(reasons)
    with transaction.atomic():
        fee = locked(selectors.fees_visible_to(actor), fee_id)
        apply_transition(
            fee, name, actor=actor, reason=reasons, by=actor, decision=decision, reasons=reasons
        )
    return fee


def fee_give_opinion(*, actor, fee_id: int, decision: str, reasons: str) -> FeeSchedule:
    """The GD's opinion on the Council's proposal (LIC-8; art. 22-c)."""
    return _fee_transition(
        actor=actor, fee_id=fee_id, name="give_opinion", decision=decision, reasons=reasons
    )


def fee_decide(*, actor, fee_id: int, decision: str, reasons: str) -> FeeSchedule:
    """The centre head approves or rejects the fee (LIC-8; art. 22-c)."""
    return _fee_transition(
        actor=actor, fee_id=fee_id, name="decide", decision=decision, reasons=reasons
    )
