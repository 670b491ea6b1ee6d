"""Every read the API, the staff screens and other apps need, already filtered by the actor."""

from dataclasses import dataclass, field
from datetime import date

import phonenumbers
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role, has_role
from core.normalise import latin_digits
from offices import licence
from offices.models import (
    Appointment,
    Membership,
    Office,
    Service,
    ServiceSchedule,
    Slot,
    StaffProfile,
    StaffRole,
    WaitingListEntry,
)

# Art. 15: the manager (full time) plus at least these posts.
STAFFING_MINIMUM = {StaffRole.LEGAL_EXPERT: 1, StaffRole.IT_EXPERT: 1, StaffRole.CLERK: 2}


_STAFFING_MESSAGES = {
    StaffRole.LEGAL_EXPERT: lambda: _(
        "The office needs at least one legal expert; it has %(have)d."
    ),
    StaffRole.IT_EXPERT: lambda: _("The office needs at least one IT expert; it has %(have)d."),
    StaffRole.CLERK: lambda: _("The office needs at least two clerks; it has %(have)d."),
}


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    article: str = ""


@dataclass(frozen=True)
class OperationalStatus:
    operational: bool
    reasons: list[Reason] = field(default_factory=list)


def open_posts_prefetch() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=Membership.objects.filter(ended_on__isnull=True).only(
            "id", "office_id", "role", "full_time", "profile_id"
        ),
        to_attr="open_posts",
    )


def _open_posts(office: Office) -> list[Membership]:
    posts = getattr(office, "open_posts", None)
    if posts is None:
        posts = list(Membership.objects.filter(office=office, ended_on__isnull=True))
    return posts


def operational_status(office: Office) -> OperationalStatus:
    """Whether the office takes appointments and filings (OFF-2), and if not, every reason.

    The one place this is decided: the directory, booking and other apps all call it.
    Staffing is read from the prefetched `open_posts` when present (lists), else queried.
    """
    reasons: list[Reason] = []
    posts = _open_posts(office)
    managers = [p for p in posts if p.role == StaffRole.MANAGER]
    if office.manager_id is None or not managers:
        reasons.append(Reason("no_manager", _("The office has no manager."), "15"))
    elif not any(p.full_time for p in managers):
        reasons.append(
            Reason("manager_not_full_time", _("The manager does not work full time."), "15")
        )
    for role, minimum in STAFFING_MINIMUM.items():
        have = sum(1 for p in posts if p.role == role)
        if have < minimum:
            reasons.append(
                Reason(f"{role}_missing", _STAFFING_MESSAGES[role]() % {"have": have}, "15")
            )
    status = licence.provider().status(office)
    if not status.active:
        reasons.append(Reason(status.code or "licence_inactive", status.message, "14"))
    return OperationalStatus(operational=not reasons, reasons=reasons)


# --- Directory (public) ------------------------------------------------------------------------
def directory(*, prefetch: bool = True) -> QuerySet[Office]:
    """Every office, as the public directory shows them (OFF-6): a constant number of queries.

    With `prefetch=False` the caller attaches services and posts to one page of offices
    with `attach_listing_data`, which builds no model instances for them (the list's hot path).
    """
    # The manager is shown by name only: their mobile (parsed into a phone number on every
    # load) and password are not read.
    queryset = Office.objects.select_related("province", "city", "manager").defer(
        "search_text", "manager_search", "manager__mobile", "manager__password"
    )
    if prefetch:
        queryset = queryset.prefetch_related("services", open_posts_prefetch())
    return licence.provider().annotate(queryset)


@dataclass(frozen=True)
class Post:
    role: str
    full_time: bool


def attach_listing_data(offices: list[Office]) -> None:
    """Give each office of a page its services (`service_list`, in the services' order) and
    open posts (`open_posts`) in two queries: one model instance per service offered on the
    page, none per office."""
    if not offices:
        return
    ids = [o.pk for o in offices]
    columns = [f.attname for f in Service._meta.concrete_fields]
    pk = columns.index(Service._meta.pk.attname)
    through = Office.services.through.objects.filter(office_id__in=ids, service__is_active=True)
    offered: dict[int, list[Service]] = {pk: [] for pk in ids}
    services: dict[int, Service] = {}
    for office_id, *values in through.values_list("office_id", *(f"service__{c}" for c in columns)):
        service = services.get(values[pk])
        if service is None:
            service = services[values[pk]] = Service.from_db(through.db, columns, values)
        offered[office_id].append(service)
    posts: dict[int, list[Post]] = {pk: [] for pk in ids}
    rows = (
        Membership.objects.filter(office_id__in=ids, ended_on__isnull=True)
        .order_by()  # the model's ordering joins the office for its code; not needed here
        .values_list("office_id", "role", "full_time")
    )
    for office_id, role, full_time in rows:
        posts[office_id].append(Post(role, full_time))
    for office in offices:
        office.service_list = sorted(offered[office.pk], key=lambda s: (s.sort_order, s.code))
        office.open_posts = posts[office.pk]


def office_detail(code: str) -> Office | None:
    return directory().prefetch_related("hours").filter(code=code).first()


# Anonymous visitors share an office's calendar (page and API) for this long at most
# (core.publiccache): the free seats change with every booking, and a booking is checked
# against the seats when it is made (APT-2), so a calendar a few seconds old misleads no one.
CALENDAR_CACHE_SECONDS = 10


def free_slots(
    office: Office, start: date, end: date, *, now=None, service: Service | None = None
) -> QuerySet[Slot]:
    """Bookable slots of the office between two days, from the minimum notice on (APT-2, APT-6);
    with `service`, only the slots that service is booked on (`slots_for`)."""
    from django.conf import settings

    now = now or timezone.now()
    slots = Slot.objects.filter(
        office=office,
        day__gte=start,
        day__lte=end,
        starts_at__gte=now + settings.APPOINTMENTS["MIN_NOTICE"],
    )
    if service is not None:
        slots = slots.filter(service_id=track_of(office, service))
    return slots.only(
        "id", "service_id", "day", "starts_at", "ends_at", "capacity", "booked"
    ).order_by("starts_at")


def track_of(office: Office, service: Service) -> int | None:
    """The service whose slots `service` is booked on at `office`: itself when the office gives
    it a schedule of its own, else None (the office's shared slots)."""
    own = ServiceSchedule.objects.filter(office=office, service=service).exists()
    return service.pk if own else None


def slot_fits(slot: Slot, service: Service) -> bool:
    return slot.service_id == track_of(slot.office, service)


# --- Scope of office staff -----------------------------------------------------------------------
def office_ids_with_permission(actor, codename: str) -> set[int]:
    """Offices on which `actor` holds the object permission `offices.<codename>`, granted to
    them or to one of their groups (with a post, offices.permissions).

    The two per-model permission tables are read by their user and group indexes in one
    UNION. guardian's `get_objects_for_user` filters the whole office table with an OR of two
    sub-selects instead: a scan of every office on each request of an office's staff."""
    from offices.models import OfficeGroupObjectPermission, OfficeUserObjectPermission

    if not getattr(actor, "is_authenticated", False):
        return set()
    granted = {
        "permission__content_type__app_label": "offices",
        "permission__codename": codename,
    }
    direct = OfficeUserObjectPermission.objects.filter(user=actor, **granted)
    by_group = OfficeGroupObjectPermission.objects.filter(group__user=actor, **granted)
    return set(
        direct.values_list("content_object_id", flat=True).union(
            by_group.values_list("content_object_id", flat=True)
        )
    )


def _offices_with(actor, codename: str) -> QuerySet[Office]:
    """Every office for a holder of the model-wide permission (the regulator's staff, a
    superuser), else the offices of the actor's object permissions."""
    if not getattr(actor, "is_authenticated", False):
        return Office.objects.none()
    if actor.has_perm(f"offices.{codename}"):
        return Office.objects.all()
    return Office.objects.filter(pk__in=office_ids_with_permission(actor, codename))


def offices_staffed_by(actor) -> QuerySet[Office]:
    """Offices whose calendar the actor runs: their own office for office staff (object
    permission), every office for the regulator's staff holding the model permission."""
    return _offices_with(actor, "manage_appointments")


def offices_managed_by(actor) -> QuerySet[Office]:
    """Offices whose details and staff the actor may change."""
    return _offices_with(actor, "change_office")


def staffed_office(actor, code: str) -> Office | None:
    return offices_staffed_by(actor).filter(code=code).first()


def post_office(actor, code) -> Office | None:
    """The office of this code if `actor` holds a post in it (the staff who serve walk-ins at
    its desk, art. 7), else None: the object permission only, not the regulator's
    model-wide grant."""
    office = Office.objects.filter(code=str(code)).first()
    if office is None or office.pk not in office_ids_with_permission(actor, "manage_appointments"):
        return None
    return office


def desk_people(query: str) -> QuerySet:
    """The accounts a desk finds for what the person tells the staff: their national ID, or
    their mobile number (either typed as the person says it). An exact match only: the desk
    never lists people."""
    text = "".join(ch for ch in latin_digits(str(query or "")) if ch.isalnum() or ch == "+")
    users = get_user_model().objects.order_by("pk")
    if not text:
        return users.none()
    try:
        number = phonenumbers.parse(text, "IR")
    except phonenumbers.NumberParseException:
        number = None
    by_mobile = Q()
    if number is not None and phonenumbers.is_valid_number(number):
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        by_mobile = Q(mobile=e164)
    return users.filter(Q(national_id=text.upper()) | by_mobile)[:10]


def day_appointments(office: Office, day: date) -> QuerySet[Appointment]:
    return (
        Appointment.objects.filter(office=office, day=day)
        .select_related("user", "service")
        .order_by("starts_at", "id")
    )


# --- Appointments ---------------------------------------------------------------------------------
def appointments_of(actor) -> QuerySet[Appointment]:
    """The actor's own appointments (APT-3)."""
    if not getattr(actor, "is_authenticated", False):
        return Appointment.objects.none()
    return (
        Appointment.objects.filter(user=actor)
        .select_related("office", "office__province", "office__city", "service")
        .order_by("-starts_at", "-id")
    )


def appointments_visible_to(actor) -> QuerySet[Appointment]:
    """Own appointments, and those of the offices whose calendar the actor runs."""
    if not getattr(actor, "is_authenticated", False):
        return Appointment.objects.none()
    return Appointment.objects.filter(Q(user=actor) | Q(office__in=offices_staffed_by(actor)))


def staff_visible_to(actor) -> QuerySet[StaffProfile]:
    """Staff of the offices the actor manages; everyone for the regulator; oneself."""
    if not getattr(actor, "is_authenticated", False):
        return StaffProfile.objects.none()
    if actor.is_superuser or has_role(actor, Role.LICENSING_STAFF):
        return StaffProfile.objects.all()
    offices = offices_managed_by(actor)
    return StaffProfile.objects.filter(
        Q(user=actor) | Q(memberships__office__in=offices, memberships__ended_on__isnull=True)
    ).distinct()


def active_ban(user, now=None):
    from offices.models import OnlineBookingBan

    now = now or timezone.now()
    return (
        OnlineBookingBan.objects.filter(user=user, starts_at__lte=now, ends_at__gt=now)
        .order_by("-ends_at")
        .first()
    )


def waiting_of(actor) -> QuerySet[WaitingListEntry]:
    """The actor's own places on waiting lists, open ones first."""
    if not getattr(actor, "is_authenticated", False):
        return WaitingListEntry.objects.none()
    return (
        WaitingListEntry.objects.filter(user=actor)
        .select_related("office", "service", "slot")
        .order_by("-day", "-id")
    )
