"""Slots and appointments (APT-1 … APT-6): booking a seat, cancelling, checking in at the
office, and the end-of-day no-shows."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import identity
from accounts.models import Level
from core.exceptions import Conflict, NotFound, ValidationFailed
from core.notify import notify
from core.records import as_pk, locked
from core.transitions import apply_transition
from offices import formatting, notifications, scheduling, selectors
from offices.models import Appointment, Office, OnlineBookingBan
from offices.services import rules, waitlist
from offices.text import normalize

QR_PREFIX = "DAFTAR:"


# --- Slots ---------------------------------------------------------------------------------------
def slots_generate(
    *, office: Office, start: date | None = None, end: date | None = None
) -> dict[str, int]:
    """Bring the office's slots in line with its hours, closures and seats (APT-2)."""
    return scheduling.generate(office, start, end)


# --- Appointments (APT-1 … APT-6) -----------------------------------------------------------------
def normalise_code(raw: str) -> str:
    code = normalize(raw or "").upper().replace("-", "").replace(" ", "")
    return code.removeprefix(QR_PREFIX)


def appointment_book(
    *, actor, slot_id: int, service_code: str, person=None, office: Office | None = None
) -> Appointment:
    """Book one seat of a slot for the actor (APT-1, APT-2, APT-6).

    The booked person's row is locked first (their limits are checked one booking at a time),
    then the slot's row: concurrent bookings of one slot queue on that lock, and each sees the
    seats the previous one left. The database's check constraint refuses an overbooked slot
    even if code ever forgot the lock.

    At an office's desk (art. 7) the actor is a staff member of `office` (checked by the
    caller) booking for `person`: the slot must be that office's, the identity and the limits
    are the person's, the week without *online* booking after a no-show (APT-4) does not
    apply, and the appointment keeps who booked it (`booked_by`).
    """
    now = timezone.now()
    user = person or actor
    if getattr(user, "mobile_verified_at", None) is None:
        raise identity.VerificationRequired(identity.MESSAGES["booking"], needed=Level.REGISTERED)
    identity.require_level(user, "booking")  # ID-9, APT-1
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if person is None:  # APT-4 closes online booking only, not the office's desk
            rules.refuse_if_banned(user, now)
        slot = rules.lock_slot(slot_id)
        if slot is None or (office is not None and slot.office_id != office.pk):
            raise ValidationFailed(code="unknown_slot", fields={"slot": [_("No such slot.")]})
        office = slot.office
        rules.check_slot_open(slot, now)
        service = rules.service_offered(office, service_code)
        rules.check_slot_fits(slot, service)
        rules.check_operational(office)
        rules.check_limits(user, office, slot.day)
        rules.take_seat(slot)
        appointment = rules.create_appointment(
            user=user,
            slot=slot,
            service=service,
            now=now,
            booked_by=actor if person is not None else None,
        )
        _send_booked_sms(appointment)
    return appointment


def _send_booked_sms(appointment: Appointment) -> None:
    notify(
        appointment.user,
        purpose="appointments.booked",
        body=lambda: (
            _(
                "Your appointment at judicial e-services office %(name)s (code %(code)s) "
                "is booked for %(when)s. "
                "Check-in code: %(checkin)s. Bring it with your national ID card."
            )
            % {
                "name": appointment.office.name,
                "code": appointment.office.code,
                "when": formatting.moment(appointment.starts_at),
                "checkin": appointment.check_in_code,
            }
        ),
    )
    notifications.appointment_booked_email(appointment)


def appointment_cancel(*, actor, appointment_id: int, reason: str = "") -> Appointment:
    """The owner (or the office) cancels before the time; the seat is free again (APT-3)."""
    with transaction.atomic():
        appointment = locked(selectors.appointments_visible_to(actor), appointment_id)
        if (
            appointment.status == Appointment.Status.BOOKED
            and appointment.starts_at <= timezone.now()
        ):
            raise Conflict(
                _("The appointment time has passed; it can no longer be cancelled."),
                code="too_late",
            )
        apply_transition(appointment, "cancel", actor=actor, reason=reason)
        waitlist.seat_freed(appointment.slot_id)
        notifications.appointment_cancelled(appointment, actor=actor, reason=reason)
    return appointment


def appointment_cancel_own(*, actor, appointment_id, reason: str = "") -> Appointment:
    """The owner cancels one of their own appointments (the API's and the portal's cancel);
    anyone else's answers 404, even to the office that can see it."""
    if not selectors.appointments_of(actor).filter(pk=as_pk(appointment_id)).exists():
        raise NotFound()
    return appointment_cancel(actor=actor, appointment_id=appointment_id, reason=reason)


def appointment_check_in(*, actor, office_code: str, code: str, national_id: str) -> Appointment:
    """The office checks a person in with the receipt's code (or QR) and their national ID
    card (APT-5)."""
    with transaction.atomic():
        office = selectors.staffed_office(actor, office_code)
        if office is None:
            raise NotFound()
        appointment = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("user", "office")
            .filter(office=office, check_in_code=normalise_code(code))
            .first()
        )
        if appointment is None:
            raise NotFound(_("No appointment with this code at this office."), code="unknown_code")
        if normalize(national_id).replace(" ", "") != appointment.user.national_id:
            raise ValidationFailed(
                _("The national ID does not match the appointment."),
                code="identity_mismatch",
                fields={"national_id": [_("Does not match the person who booked.")]},
            )
        if (
            appointment.status == Appointment.Status.BOOKED
            and appointment.day != timezone.localdate()
        ):
            raise Conflict(_("The appointment is for another day."), code="not_today")
        apply_transition(appointment, "check_in", actor=actor, by=actor)
    return appointment


def appointment_mark_no_show(*, appointment_id: int, now=None) -> bool:
    """End of the working day: a booked appointment not attended is a no-show; the person is
    told by SMS and may not book online for one week from the end of that day (APT-4).

    Idempotent: an appointment no longer booked is left alone, and the ban is one per no-show.
    """
    now = now or timezone.now()
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("user", "office")
            .filter(pk=appointment_id, status=Appointment.Status.BOOKED, day_ends_at__lte=now)
            .first()
        )
        if appointment is None:
            return False
        apply_transition(
            appointment,
            "mark_no_show",
            actor=None,
            actor_label="system:sweep",
            reason="not attended by day end",
        )
        ban, created = OnlineBookingBan.objects.get_or_create(
            appointment=appointment,
            defaults={
                "user": appointment.user,
                "starts_at": appointment.day_ends_at,
                "ends_at": appointment.day_ends_at + settings.APPOINTMENTS["NO_SHOW_BAN"],
                "created_at": now,
            },
        )
        if created:
            notify(
                appointment.user,
                purpose="appointments.no_show",
                body=lambda: (
                    _(
                        "You did not attend your appointment at office %(name)s (code %(code)s) "
                        "on %(day)s. "
                        "You cannot book appointments online until %(until)s."
                    )
                    % {
                        "name": appointment.office.name,
                        "code": appointment.office.code,
                        "day": formatting.day(appointment.day),
                        "until": formatting.moment(ban.ends_at),
                    }
                ),
            )
    return True


def due_no_shows(now, limit: int = 1000) -> list[int]:
    return list(
        Appointment.objects.filter(status=Appointment.Status.BOOKED, day_ends_at__lte=now)
        .order_by("day_ends_at")
        .values_list("pk", flat=True)[:limit]
    )


def offices_needing_slots(today: date, limit: int = 200):
    until = today + timedelta(days=settings.APPOINTMENTS["BOOKING_HORIZON_DAYS"])
    return Office.objects.filter(
        Q(slots_generated_until__isnull=True) | Q(slots_generated_until__lt=until)
    ).order_by("pk")[:limit]
