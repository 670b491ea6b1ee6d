"""Slots and appointments (APT-1 … APT-6): booking a seat, cancelling, checking in at the
office, and the end-of-day no-shows."""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import identity
from accounts.models import Level
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.notify import notify
from core.records import as_pk, locked
from core.transitions import apply_transition
from offices import formatting, scheduling, selectors
from offices.models import Appointment, Office, OnlineBookingBan, Service, Slot
from offices.text import normalize

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 8
QR_PREFIX = "DAFTAR:"


# --- Slots ---------------------------------------------------------------------------------------
def slots_generate(
    *, office: Office, start: date | None = None, end: date | None = None
) -> dict[str, int]:
    """Bring the office's slots in line with its hours, closures and seats (APT-2)."""
    return scheduling.generate(office, start, end)


# --- Appointments (APT-1 … APT-6) -----------------------------------------------------------------
def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


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
    config = settings.APPOINTMENTS
    now = timezone.now()
    user = person or actor
    if getattr(user, "mobile_verified_at", None) is None:
        raise identity.VerificationRequired(identity.MESSAGES["booking"], needed=Level.REGISTERED)
    identity.require_level(user, "booking")  # ID-9, APT-1
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        ban = selectors.active_ban(user, now) if person is None else None
        if ban is not None:
            raise Forbidden(
                _("After a missed appointment, online booking is closed until %(until)s.")
                % {"until": formatting.moment(ban.ends_at)},
                code="booking_banned",
            )
        slot = (
            Slot.objects.select_for_update(of=("self",))
            .select_related("office")
            .filter(pk=slot_id)
            .first()
        )
        if slot is None or (office is not None and slot.office_id != office.pk):
            raise ValidationFailed(code="unknown_slot", fields={"slot": [_("No such slot.")]})
        office = slot.office
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
        service = Service.objects.filter(code=service_code, is_active=True, offices=office).first()
        if service is None:
            raise ValidationFailed(
                _("The office does not offer this service."),
                code="service_not_offered",
                fields={"service": [_("The office does not offer this service.")]},
            )
        status = selectors.operational_status(office)
        if not status.operational:
            raise Conflict(
                _("The office is not operational and takes no appointments."),
                code="office_not_operational",
                fields={"office": [r.message for r in status.reasons]},
            )
        open_bookings = Appointment.objects.filter(user=user, status=Appointment.Status.BOOKED)
        if (
            open_bookings.filter(office=office, day=slot.day).count()
            >= config["MAX_ACTIVE_PER_OFFICE_DAY"]
        ):
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
        if slot.booked >= slot.capacity:
            raise Conflict(_("This time is fully booked. Choose another."), code="slot_full")
        Slot.objects.filter(pk=slot.pk).update(booked=F("booked") + 1)
        day_ends_at = scheduling.day_end(office, slot.day)
        day_ends_at = max(day_ends_at, slot.ends_at) if day_ends_at else slot.ends_at
        appointment = None
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    appointment = Appointment.objects.create(
                        office=office,
                        slot=slot,
                        user=user,
                        booked_by=actor if person is not None else None,
                        service=service,
                        day=slot.day,
                        starts_at=slot.starts_at,
                        day_ends_at=day_ends_at,
                        check_in_code=_new_code(),
                        booked_at=now,
                    )
                break
            except IntegrityError:  # the random code collided: draw another
                continue
        if appointment is None:
            raise Conflict(code="try_again")
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
        Slot.objects.filter(pk=appointment.slot_id, booked__gt=0).update(booked=F("booked") - 1)
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
