"""The waiting list: a person waits for a full day's seat, a freed seat is held for the first
one waiting, who accepts it or lets it expire (then it passes to the next).

A seat is "freed" by a cancellation or a move to another time, or by an offer that expired
or was declined; a past seat is never offered (a no-show frees nothing). The seat offered
stays counted in the slot's `booked` while it is held, so nobody else can book it."""

from datetime import date, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import identity
from accounts.models import Level
from core.exceptions import Conflict, NotFound, ValidationFailed
from core.notify import notify
from core.records import locked
from core.transitions import apply_transition, can_proceed
from offices import formatting, scheduling, selectors
from offices.models import Appointment, ServiceSchedule, Slot, WaitingListEntry
from offices.services import rules

Status = WaitingListEntry.Status


def seat_freed(slot_id, *, now: datetime | None = None) -> WaitingListEntry | None:
    """One seat of the slot is free again: give it back, and offer it to the first waiting."""
    Slot.objects.filter(pk=slot_id, booked__gt=0).update(booked=F("booked") - 1)
    return offer_seat(slot_id, now=now)


def _waiting_for(slot: Slot):
    """Who waits for this slot's office, day and services, first come first."""
    entries = WaitingListEntry.objects.filter(
        office_id=slot.office_id, day=slot.day, status=Status.WAITING
    )
    if slot.service_id is not None:
        entries = entries.filter(service_id=slot.service_id)
    else:
        own = ServiceSchedule.objects.filter(office_id=slot.office_id).values("service_id")
        entries = entries.exclude(service_id__in=own)
    return entries.order_by("created_at", "id")


def offer_seat(slot_id, *, now: datetime | None = None) -> WaitingListEntry | None:
    """Hold a free seat of the slot for the first person waiting, and tell them."""
    now = now or timezone.now()
    slot = rules.lock_slot(slot_id)
    if slot is None or slot.booked >= slot.capacity:
        return None
    if slot.starts_at < now + settings.APPOINTMENTS["MIN_NOTICE"]:
        return None
    entry = (
        _waiting_for(slot)
        .select_for_update(of=("self",), skip_locked=True)
        .select_related("user", "office", "service")
        .first()
    )
    if entry is None:
        return None
    rules.take_seat(slot)
    until = min(now + settings.APPOINTMENTS["WAITLIST_OFFER_HOLD"], slot.starts_at)
    apply_transition(
        entry, "offer", actor=None, actor_label="system:waitlist", slot=slot, until=until
    )
    notify(
        entry.user,
        purpose="appointments.waitlist_offer",
        body=lambda: (
            _(
                "A time is free at office %(name)s (code %(code)s): %(when)s. It is held for "
                "you until %(until)s; accept it under “My appointments”."
            )
            % {
                "name": entry.office.name,
                "code": entry.office.code,
                "when": formatting.moment(slot.starts_at),
                "until": formatting.moment(until),
            }
        ),
    )
    return entry


def waitlist_join(*, actor, office_code: str, service: str, day: date) -> WaitingListEntry:
    """Wait for a seat on a day when the service has none free."""
    now = timezone.now()
    if getattr(actor, "mobile_verified_at", None) is None:
        raise identity.VerificationRequired(identity.MESSAGES["booking"], needed=Level.REGISTERED)
    identity.require_level(actor, "booking")
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
        office = selectors.office_detail(office_code)
        if office is None:
            raise NotFound()
        rules.refuse_if_banned(actor, now)
        offered = rules.service_offered(office, service)
        rules.check_operational(office)
        today = timezone.localdate(now)
        if day < today or day > scheduling.horizon_end(today):
            raise ValidationFailed(
                _("Choose a day open for booking."),
                code="day_not_open",
                fields={"day": [_("Choose a day open for booking.")]},
            )
        slots = selectors.free_slots(office, day, day, now=now, service=offered)
        if not slots.exists():
            raise ValidationFailed(
                _("The office takes no appointments on this day."),
                code="office_closed",
                fields={"day": [_("The office takes no appointments on this day.")]},
            )
        if slots.filter(booked__lt=F("capacity")).exists():
            raise Conflict(_("There are free times on this day: book one."), code="times_free")
        rules.check_limits(actor, office, day)
        if (
            selectors.waiting_of(actor)
            .filter(
                office=office, service=offered, day=day, status__in=[Status.WAITING, Status.OFFERED]
            )
            .exists()
        ):
            raise Conflict(_("You are already on this waiting list."), code="already_waiting")
        return WaitingListEntry.objects.create(
            office=office, service=offered, user=actor, day=day, created_at=now
        )


def waitlist_accept(*, actor, entry_id) -> Appointment:
    """The person takes the time held for them: a booking on that seat (once)."""
    now = timezone.now()
    from offices.services.appointments import _send_booked_sms

    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
        entry = locked(selectors.waiting_of(actor), entry_id)
        if not can_proceed(entry.accept):
            raise Conflict(code="wrong_state")
        if entry.offer_expires_at <= now:
            raise Conflict(_("The time offered is no longer held."), code="offer_expired")
        rules.refuse_if_banned(actor, now)
        rules.check_limits(actor, entry.office, entry.day)
        slot = rules.lock_slot(entry.slot_id)  # its seat is already taken by the offer
        appointment = rules.create_appointment(
            user=actor, slot=slot, service=entry.service, now=now
        )
        apply_transition(entry, "accept", actor=actor, appointment=appointment)
        _send_booked_sms(appointment)
    return appointment


def waitlist_leave(*, actor, entry_id) -> WaitingListEntry:
    """The person leaves the list, or declines the time offered (it passes to the next)."""
    with transaction.atomic():
        entry = locked(selectors.waiting_of(actor), entry_id)
        held = entry.slot_id if entry.status == Status.OFFERED else None
        apply_transition(entry, "leave", actor=actor)
        if held is not None:
            seat_freed(held)
    return entry


def waitlist_expire_offer(*, entry_id, now: datetime | None = None) -> bool:
    """An offer not accepted in time expires; its seat goes to the next one waiting.
    Idempotent: an offer no longer open is left alone."""
    now = now or timezone.now()
    with transaction.atomic():
        entry = (
            WaitingListEntry.objects.select_for_update(of=("self",), skip_locked=True)
            .filter(pk=entry_id, status=Status.OFFERED, offer_expires_at__lte=now)
            .first()
        )
        if entry is None:
            return False
        apply_transition(
            entry, "expire", actor=None, actor_label="system:sweep", reason="offer not accepted"
        )
        seat_freed(entry.slot_id, now=now)
    return True


def due_offers(now: datetime, limit: int = 1000) -> list[int]:
    return list(
        WaitingListEntry.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .order_by("offer_expires_at")
        .values_list("pk", flat=True)[:limit]
    )
