"""Licences (LIC-5, LIC-6): issued, renewed, suspended, revoked or withdrawn by an approved
request — or, for suspension and revocation, by a final disciplinary ruling through the named
verbs below — and settled by the sweep when a suspension ends or a licence expires."""

import datetime as dt

import jdatetime
from django.db import transaction
from django.utils import timezone

from core.records import locked, save_as
from core.transitions import apply_transition
from licensing.models import Licence
from licensing.services.common import SYSTEM, config
from offices.models import Office


def _new_number(office: Office, on: dt.date) -> str:
    year = jdatetime.date.fromgregorian(date=on).year
    sequence = Licence.objects.filter(office=office).count() + 1
    return f"{year}-{office.code}-{sequence:02d}"


def licence_issue(*, actor, office: Office, holder, reason: str) -> Licence:
    """A new licence for `holder` to run `office`, valid for the configured period."""
    today = timezone.localdate()
    licence = Licence(
        number=_new_number(office, today),
        office=office,
        holder=holder,
        issued_on=today,
        expires_on=today + dt.timedelta(days=config("LICENCE_VALIDITY_DAYS")),
    )
    return save_as(licence, actor=actor, reason=reason)


def _settle(licence: Licence, today: dt.date) -> Licence:
    """Record what the dates already say: an ended suspension, a passed expiry (LIC-6)."""
    if licence.status == Licence.Status.SUSPENDED and licence.suspended_until <= today:
        apply_transition(
            licence, "reinstate", actor=None, actor_label=SYSTEM, reason="suspension ended"
        )
    if licence.status in Licence.LIVE and licence.expires_on < today:
        apply_transition(licence, "expire", actor=None, actor_label=SYSTEM, reason="expired")
    return licence


def licence_locked(pk) -> Licence:
    """The licence, locked for the transaction and settled with today's date."""
    return _settle(locked(Licence.objects, pk), timezone.localdate())


def licence_apply(licence: Licence, name: str, *, actor, reason: str, **kwargs) -> Licence:
    """Take a licence transition decided elsewhere: the centre head's approval of a request, or
    (for the discipline app, DIS-8) a final ruling's suspension or revocation. The caller has
    authorised `actor`; the licence is settled with today's date first."""
    with transaction.atomic():
        licence = licence_locked(licence.pk)
        apply_transition(
            licence, name, actor=actor, reason=reason, check_permission=False, **kwargs
        )
    return licence


# Named verbs for the other apps (discipline's final rulings, DIS-8): no transition names as
# strings outside licensing. The caller has authorised `actor`.
def licence_suspend(*, licence: Licence, until, actor, reason: str) -> Licence:
    return licence_apply(licence, "suspend", actor=actor, reason=reason, until=until)


def licence_revoke(*, licence: Licence, actor, reason: str) -> Licence:
    return licence_apply(licence, "revoke", actor=actor, reason=reason)


def licence_withdraw(*, licence: Licence, actor, reason: str) -> Licence:
    return licence_apply(licence, "withdraw", actor=actor, reason=reason)


def licence_renew(*, licence: Licence, actor, reason: str) -> Licence:
    """Extend the licence by the configured period from its expiry day (LIC-9)."""
    validity = dt.timedelta(days=config("LICENCE_VALIDITY_DAYS"))
    return licence_apply(
        licence, "renew", actor=actor, reason=reason, expires_on=licence.expires_on + validity
    )


def licences_settle(now=None, limit: int = 1000) -> int:
    """The sweep (LIC-6): end suspensions whose end date has come and expire licences past
    their expiry day. Compares stored dates with today, so a late run catches up and a second
    run changes nothing."""
    today = timezone.localdate(now or timezone.now())
    due = list(
        Licence.objects.filter(
            status=Licence.Status.SUSPENDED, suspended_until__lte=today
        ).values_list("pk", flat=True)[:limit]
    ) + list(
        Licence.objects.filter(status__in=Licence.LIVE, expires_on__lt=today).values_list(
            "pk", flat=True
        )[:limit]
    )
    changed = 0
    for pk in dict.fromkeys(due):
        with transaction.atomic():
            licence = (
                Licence.objects.select_for_update(of=("self",), skip_locked=True)
                .filter(pk=pk)
                .first()
            )
            if licence is None:
                continue
            before = licence.status
            _settle(licence, today)
            changed += licence.status != before
    return changed
