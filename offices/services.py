"""Every write of the offices app: staff posts, slots and appointments.

Each service takes keyword arguments and an `actor`, runs in one transaction, locks what it
changes, and raises a domain error (rendered as {"code", "message", "fields"}) when it refuses;
a refusal leaves nothing stored.
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import identity
from accounts.models import Level
from accounts.roles import OFFICE_STAFF_ROLES, Role, has_role
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.messaging import send_sms
from core.transitions import apply_transition
from offices import formatting, scheduling, selectors
from offices.models import (
    Appointment,
    Membership,
    Office,
    OnlineBookingBan,
    Service,
    Slot,
    StaffProfile,
    StaffRole,
)
from offices.permissions import grant_post, revoke_post
from offices.qualifications import evaluate
from offices.text import normalize

ROLE_GROUP = {
    StaffRole.MANAGER: Role.OFFICE_MANAGER,
    StaffRole.LEGAL_EXPERT: Role.OFFICE_LEGAL_EXPERT,
    StaffRole.IT_EXPERT: Role.OFFICE_IT_EXPERT,
    StaffRole.CLERK: Role.OFFICE_CLERK,
}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 8
QR_PREFIX = "DAFTAR:"


# --- Staff posts (OFF-2 … OFF-5) ------------------------------------------------------------------
def _is_regulator(actor) -> bool:
    return bool(actor and (actor.is_superuser or has_role(actor, Role.LICENSING_STAFF)))


def manager_search_text(user) -> str:
    return normalize(f"{user.first_name} {user.last_name}")


def office_refresh_manager_search(*, office: Office) -> None:
    """Bring the directory's copy of the manager's name up to date (after a name change)."""
    text = manager_search_text(office.manager) if office.manager_id else ""
    Office.objects.filter(pk=office.pk).update(manager_search=text)
    office.manager_search = text


def _authorise_staffing(actor, office: Office, role) -> None:
    if _is_regulator(actor):
        return
    if role != StaffRole.MANAGER and actor.has_perm("offices.manage_staff", office):
        return
    if actor.has_perm("offices.view_office", office):
        raise Forbidden(
            _("Only the General Directorate appoints managers; managers appoint their staff.")
        )
    raise NotFound()


def staff_appoint(
    *,
    actor,
    office: Office,
    profile: StaffProfile,
    role: str,
    full_time: bool = True,
    started_on: date | None = None,
) -> Membership:
    """Give a qualified person a post in an office (art. 15-21). The manager is the licence
    holder and must work full time; a person holds one post at a time."""
    role = StaffRole(role)
    _authorise_staffing(actor, office, role)
    return _appoint(
        actor=actor,
        office=office,
        profile=profile,
        role=role,
        full_time=full_time,
        started_on=started_on,
    )


def _appoint(*, actor, office, profile, role, full_time=True, started_on=None) -> Membership:
    unmet = evaluate(profile, role)
    if unmet:
        raise ValidationFailed(
            _("The person does not meet the conditions of the post."),
            code="unqualified",
            fields={"profile": [str(u) for u in unmet]},
        )
    if role == StaffRole.MANAGER and not full_time:
        raise ValidationFailed(
            _("Article 15: the manager works full time in the office."),
            code="manager_full_time",
            fields={"full_time": [_("The manager works full time.")]},
        )
    with transaction.atomic():
        office = Office.objects.select_for_update().get(pk=office.pk)
        if Membership.objects.filter(profile=profile, ended_on__isnull=True).exists():
            raise Conflict(_("The person already holds a post."), code="already_employed")
        if (
            role == StaffRole.MANAGER
            and Membership.objects.filter(
                office=office, role=StaffRole.MANAGER, ended_on__isnull=True
            ).exists()
        ):
            raise Conflict(_("The office already has a manager."), code="manager_exists")
        membership = Membership(
            office=office,
            profile=profile,
            role=role,
            full_time=full_time,
            started_on=started_on or timezone.localdate(),
        )
        membership._history_user = actor
        membership.save()
        if role == StaffRole.MANAGER:
            office.manager = profile.user
            office.manager_search = manager_search_text(profile.user)
            office._history_user = actor
            office.save(update_fields=["manager", "manager_search", "updated_at"])
        user = profile.user
        grant_post(user, office, role)
        user.groups.add(Group.objects.get_or_create(name=ROLE_GROUP[role].value)[0])
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    return membership


def staff_release(*, actor, membership: Membership, ended_on: date | None = None) -> Membership:
    """End a post: the person loses access to the office at once."""
    _authorise_staffing(actor, membership.office, membership.role)
    return _release(actor=actor, membership=membership, ended_on=ended_on)


def _release(*, actor, membership: Membership, ended_on: date | None = None) -> Membership:
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .select_related("office", "profile__user")
            .get(pk=membership.pk)
        )
        if membership.ended_on is not None:
            raise Conflict(_("The post has already ended."), code="wrong_state")
        membership.ended_on = ended_on or timezone.localdate()
        membership._history_user = actor
        membership.save(update_fields=["ended_on"])
        office, user = membership.office, membership.profile.user
        if membership.role == StaffRole.MANAGER and office.manager_id == user.pk:
            office.manager = None
            office.manager_search = ""
            office._history_user = actor
            office.save(update_fields=["manager", "manager_search", "updated_at"])
        revoke_post(user, office, membership.role)
        user.groups.remove(*Group.objects.filter(name__in=[r.value for r in OFFICE_STAFF_ROLES]))
        if user.is_staff and not user.is_superuser and not user.groups.exists():
            user.is_staff = False
            user.save(update_fields=["is_staff"])
    return membership


# --- Licence decisions (LIC-5, LIC-7, OFF-7) --------------------------------------------------
# Called by the licensing app's services when the centre head's decision is applied; that
# service has authorised the decision, so these do not check the actor's role again.
def manager_install(*, actor, office: Office, profile: StaffProfile) -> Membership:
    """Make `profile` the office's manager under a new licence (issue, replacement): the
    previous manager's post ends; the new manager must meet art. 16-21 like any manager."""
    with transaction.atomic():
        Office.objects.select_for_update().filter(pk=office.pk).first()
        current = (
            Membership.objects.select_for_update()
            .filter(office=office, role=StaffRole.MANAGER, ended_on__isnull=True)
            .first()
        )
        if current is not None and current.profile_id == profile.pk:
            return current
        if current is not None:
            _release(actor=actor, membership=current)
        return _appoint(actor=actor, office=office, profile=profile, role=StaffRole.MANAGER)


def office_relocate(
    *, actor, office: Office, address: str, city=None, latitude=None, longitude=None
) -> Office:
    """Move the office to an approved new address (LIC-7)."""
    with transaction.atomic():
        office = Office.objects.select_for_update().get(pk=office.pk)
        if city is not None and city.province_id != office.province_id:
            raise ValidationFailed(
                _("The new city is in another province."),
                code="other_province",
                fields={"city": [_("The office moves within its province.")]},
            )
        office.address = address
        fields = ["address", "updated_at"]
        for name, value in (("city", city), ("latitude", latitude), ("longitude", longitude)):
            if value is not None:
                setattr(office, name, value)
                fields.append(name)
        office._history_user = actor
        office._change_reason = "relocation"
        office.save(update_fields=fields)
    return office


def qualifications_declare(
    *, actor, sex: str, declarations: dict, degrees=(), experience=()
) -> StaffProfile:
    """The actor's own qualification record, as an applicant declares it (LIC-2): sex, the
    declarations of art. 21, degrees and work periods. Attestations and computer-skills
    certifications are recorded and verified by the General Directorate."""
    allowed = {
        "practising_lawyer",
        "legal_adviser",
        "official_expert",
        "dismissed_judge_or_notary",
        "merchant",
        "government_employee",
    }
    with transaction.atomic():
        profile, _created = StaffProfile.objects.select_for_update().get_or_create(
            user=actor, defaults={"sex": sex}
        )
        profile.sex = sex
        for name, value in declarations.items():
            if name in allowed:
                setattr(profile, name, bool(value))
        profile._history_user = actor
        profile.save()
        for degree in degrees:
            profile.degrees.create(**degree)
        for period in experience:
            profile.experience.create(**{**period, "approved": False})
    return profile


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


def appointment_book(*, actor, slot_id: int, service_code: str) -> Appointment:
    """Book one seat of a slot for the actor (APT-1, APT-2, APT-6).

    The actor's row is locked first (their limits are checked one booking at a time), then the
    slot's row: concurrent bookings of one slot queue on that lock, and each sees the seats
    the previous one left. The database's check constraint refuses an overbooked slot even
    if code ever forgot the lock.
    """
    config = settings.APPOINTMENTS
    now = timezone.now()
    if getattr(actor, "mobile_verified_at", None) is None:
        raise identity.VerificationRequired(identity.MESSAGES["booking"], needed=Level.REGISTERED)
    identity.require_level(actor, "booking")  # ID-9, APT-1
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
        ban = selectors.active_ban(actor, now)
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
        if slot is None:
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
        open_bookings = Appointment.objects.filter(user=actor, status=Appointment.Status.BOOKED)
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
                        user=actor,
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
    user = appointment.user
    with translation.override(user.preferred_language or "fa"):
        body = _(
            "Your appointment at judicial e-services office %(name)s (code %(code)s) "
            "is booked for %(when)s. "
            "Check-in code: %(checkin)s. Bring it with your national ID card."
        ) % {
            "name": appointment.office.name,
            "code": appointment.office.code,
            "when": formatting.moment(appointment.starts_at),
            "checkin": appointment.check_in_code,
        }
    send_sms(to=user.mobile, body=body, purpose="appointments.booked", user=user)


def appointment_cancel(*, actor, appointment_id: int, reason: str = "") -> Appointment:
    """The owner (or the office) cancels before the time; the seat is free again (APT-3)."""
    with transaction.atomic():
        appointment = (
            selectors.appointments_visible_to(actor)
            .select_for_update(of=("self",))
            .filter(pk=appointment_id)
            .first()
        )
        if appointment is None:
            raise NotFound()
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
            user = appointment.user
            with translation.override(user.preferred_language or "fa"):
                body = _(
                    "You did not attend your appointment at office %(name)s (code %(code)s) "
                    "on %(day)s. "
                    "You cannot book appointments online until %(until)s."
                ) % {
                    "name": appointment.office.name,
                    "code": appointment.office.code,
                    "day": formatting.day(appointment.day),
                    "until": formatting.moment(ban.ends_at),
                }
            send_sms(to=user.mobile, body=body, purpose="appointments.no_show", user=user)
    return True


def due_no_shows(now, limit: int = 1000) -> list[int]:
    return list(
        Appointment.objects.filter(status=Appointment.Status.BOOKED, day_ends_at__lte=now)
        .order_by("day_ends_at")
        .values_list("pk", flat=True)[:limit]
    )


def offices_needing_slots(today: date, limit: int = 200):
    until = today + timedelta(days=settings.APPOINTMENTS["BOOKING_HORIZON_DAYS"])
    from django.db.models import Q

    return Office.objects.filter(
        Q(slots_generated_until__isnull=True) | Q(slots_generated_until__lt=until)
    ).order_by("pk")[:limit]
