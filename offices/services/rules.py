"""What every booking checks and does, whichever way it is made: a new booking, a move to
another time, a time offered from the waiting list accepted (APT-1, APT-2, APT-4, APT-6).

The callers hold the person's row lock (their limits are checked one booking at a time) and
the slot's row lock (its seats are counted one booking at a time)."""

import secrets
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import Conflict, Forbidden, ValidationFailed
from offices import formatting, scheduling, selectors
from offices.models import Appointment, Office, Service, Slot

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def refuse_if_banned(user, now: datetime) -> None:
    """APT-4: no online booking for a week after a no-show."""
    ban = selectors.active_ban(user, now)
    if ban is not None:
        raise Forbidden(
            _("After a missed appointment, online booking is closed until %(until)s.")
            % {"until": formatting.moment(ban.ends_at)},
            code="booking_banned",
        )


def lock_slot(slot_id) -> Slot | None:
    return (
        Slot.objects.select_for_update(of=("self",))
        .select_related("office")
        .filter(pk=slot_id)
        .first()
    )


def check_slot_open(slot: Slot, now: datetime) -> None:
    """APT-6: not past, not too soon, not beyond the booking horizon."""
    config = settings.APPOINTMENTS
    if slot.starts_at <= now:
        raise ValidationFailed(
            _("This time has passed."),
            code="slot_in_past",
            fields={"slot": [_("This time has passed.")]},
        )
    if slot.starts_at < now + config["MIN_NOTICE"]:
        raise ValidationFailed(
            _("Book at least %(minutes)d minutes ahead.")
            % {"minutes": config["MIN_NOTICE"].total_seconds() // 60},
            code="too_soon",
            fields={"slot": [_("Too close to the start.")]},
        )
    if slot.day > scheduling.horizon_end(timezone.localdate(now)):
        raise ValidationFailed(
            _("Booking opens %(days)d days ahead.") % {"days": config["BOOKING_HORIZON_DAYS"]},
            code="too_far_ahead",
            fields={"slot": [_("Not open for booking yet.")]},
        )


def service_offered(office: Office, service_code: str) -> Service:
    service = Service.objects.filter(code=service_code, is_active=True, offices=office).first()
    if service is None:
        raise ValidationFailed(
            _("The office does not offer this service."),
            code="service_not_offered",
            fields={"service": [_("The office does not offer this service.")]},
        )
    return service


def check_slot_fits(slot: Slot, service: Service) -> None:
    """A service with slots of its own is booked on those only; the others on the shared ones."""
    if not selectors.slot_fits(slot, service):
        raise ValidationFailed(
            _("This time is not for this service. Choose one of its times."),
            code="slot_not_for_service",
            fields={"slot": [_("This time is not for this service.")]},
        )


def check_operational(office: Office) -> None:
    status = selectors.operational_status(office)
    if not status.operational:
        raise Conflict(
            _("The office is not operational and takes no appointments."),
            code="office_not_operational",
            fields={"office": [r.message for r in status.reasons]},
        )


def check_limits(user, office: Office, day, *, moving: Appointment | None = None) -> None:
    """APT-6: one open appointment per office and day, and a maximum of open ones; an
    appointment being moved does not count against itself."""
    config = settings.APPOINTMENTS
    open_bookings = Appointment.objects.filter(user=user, status=Appointment.Status.BOOKED)
    if moving is not None:
        open_bookings = open_bookings.exclude(pk=moving.pk)
    if open_bookings.filter(office=office, day=day).count() >= config["MAX_ACTIVE_PER_OFFICE_DAY"]:
        raise Conflict(
            _("You already have an appointment at this office on this day."),
            code="limit_per_office_day",
        )
    if open_bookings.count() >= config["MAX_OPEN_BOOKINGS"]:
        raise Conflict(
            _("You have reached the maximum of %(count)d open appointments.")
            % {"count": config["MAX_OPEN_BOOKINGS"]},
            code="limit_open_bookings",
        )


def take_seat(slot: Slot) -> None:
    """One seat of a locked slot; the database's check refuses an overbooked slot even if
    code ever forgot the lock."""
    if slot.booked >= slot.capacity:
        raise Conflict(_("This time is fully booked. Choose another."), code="slot_full")
    Slot.objects.filter(pk=slot.pk).update(booked=F("booked") + 1)
    slot.booked += 1


def day_ends_at(slot: Slot) -> datetime:
    """The end of the slot's working day, when a no-show is counted (APT-4)."""
    end = scheduling.day_end(slot.office, slot.day)
    return max(end, slot.ends_at) if end else slot.ends_at


def create_appointment(
    *, user, slot: Slot, service: Service, now: datetime, booked_by=None
) -> Appointment:
    """The appointment on a seat already taken, with a new check-in code; `booked_by` is the
    staff member who booked it at the office's desk."""
    ends = day_ends_at(slot)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Appointment.objects.create(
                    office=slot.office,
                    slot=slot,
                    user=user,
                    booked_by=booked_by,
                    service=service,
                    day=slot.day,
                    starts_at=slot.starts_at,
                    day_ends_at=ends,
                    check_in_code=new_code(),
                    booked_at=now,
                )
        except IntegrityError:  # the random code collided: draw another
            continue
    raise Conflict(code="try_again")
