"""Moving a booked appointment to another time of the same office and service (APT-1, APT-2,
APT-6): the booking keeps its check-in code and receipt; the old seat is freed (and offered
to the waiting list) and the new one taken in one transaction."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import Conflict, NotFound, ValidationFailed
from core.notify import notify
from core.records import as_pk, locked
from core.transitions import apply_transition, can_proceed
from offices import formatting, selectors
from offices.models import Appointment
from offices.services import rules, waitlist


def appointment_reschedule(*, actor, appointment_id, slot: int) -> Appointment:
    """The person, or their office's staff, move a booked appointment to another free slot.

    Locks: the person's row (their limits), the appointment, then both slots in id order (two
    moves crossing each other's slots queue instead of deadlocking). A booking, a cancellation
    or another move of the same seats waits on those locks, so a seat is never sold twice."""
    now = timezone.now()
    visible = selectors.appointments_visible_to(actor)
    with transaction.atomic():
        owner = visible.filter(pk=as_pk(appointment_id)).values_list("user_id", flat=True).first()
        if owner is None:
            raise NotFound()
        get_user_model().objects.select_for_update().filter(pk=owner).first()
        appointment = locked(visible.select_related("office", "service", "user"), appointment_id)
        if not can_proceed(appointment.reschedule):
            raise Conflict(code="wrong_state")
        if appointment.starts_at <= now:
            raise Conflict(
                _("The appointment time has passed; it can no longer be moved."), code="too_late"
            )
        rules.refuse_if_banned(appointment.user, now)
        if slot == appointment.slot_id:
            raise ValidationFailed(
                _("This is the appointment's time already."),
                code="same_slot",
                fields={"slot": [_("Choose another time.")]},
            )
        found = {pk: rules.lock_slot(pk) for pk in sorted([appointment.slot_id, slot])}
        new = found[slot]
        if new is None or new.office_id != appointment.office_id:
            raise ValidationFailed(code="unknown_slot", fields={"slot": [_("No such slot.")]})
        rules.check_slot_open(new, now)
        rules.check_slot_fits(new, appointment.service)
        rules.check_operational(appointment.office)
        rules.check_limits(appointment.user, appointment.office, new.day, moving=appointment)
        rules.take_seat(new)
        old = found[appointment.slot_id]
        apply_transition(
            appointment,
            "reschedule",
            actor=actor,
            reason=f"moved from {old.starts_at.isoformat()} to {new.starts_at.isoformat()}",
            slot=new,
            day_ends_at=rules.day_ends_at(new),
        )
        waitlist.seat_freed(old.pk, now=now)
        _send_moved_sms(appointment, old.starts_at)
    return appointment


def _send_moved_sms(appointment: Appointment, was) -> None:
    notify(
        appointment.user,
        purpose="appointments.rescheduled",
        body=lambda: (
            _(
                "Your appointment at office %(name)s (code %(code)s) was moved from %(was)s "
                "to %(when)s. Your check-in code is still %(checkin)s."
            )
            % {
                "name": appointment.office.name,
                "code": appointment.office.code,
                "was": formatting.moment(was),
                "when": formatting.moment(appointment.starts_at),
                "checkin": appointment.check_in_code,
            }
        ),
    )
