"""Every read of licensing and the Association, already filtered by who is asking.

Who sees what:

* licensing staff (the GD), the centre head and sitting Council members: every call,
  application, request, licence and fee proposal;
* an applicant or licence holder: their own applications, licences and the requests about
  them (and the fees in force);
* the Association's board: its Association's inspections and complaints; an inspector: the
  inspections given to them; a complainant: their own complaints.

Anything else answers 404, exactly like a missing object.
"""

import math

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.roles import Role, has_role
from licensing.models import (
    Application,
    Association,
    BoardMembership,
    Call,
    Complaint,
    CouncilMembership,
    FeeSchedule,
    Inspection,
    Licence,
    LicenceRequest,
    ServiceArea,
    is_council_member,
)


def _signed_in(actor) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def is_regulator(actor) -> bool:
    """The GD's staff, the centre head and sitting Council members."""
    return _signed_in(actor) and (
        has_role(actor, Role.LICENSING_STAFF, Role.CENTRE_HEAD) or is_council_member(actor)
    )


# --- Calls and applications ----------------------------------------------------------------------
def calls() -> QuerySet[Call]:
    """Calls are public (LIC-1)."""
    return Call.objects.select_related("province")


def open_calls(now=None) -> QuerySet[Call]:
    now = now or timezone.now()
    return calls().filter(opens_at__lte=now, closes_at__gt=now)


def applications_visible_to(actor) -> QuerySet[Application]:
    if not _signed_in(actor):
        return Application.objects.none()
    qs = Application.objects.select_related("call", "call__province", "applicant", "city")
    if is_regulator(actor):
        return qs
    return qs.filter(applicant_id=actor.pk)


# --- Licence requests (LIC-3) --------------------------------------------------------------------
def requests_visible_to(actor) -> QuerySet[LicenceRequest]:
    if not _signed_in(actor):
        return LicenceRequest.objects.none()
    qs = LicenceRequest.objects.select_related(
        "office", "licence", "application__applicant", "requested_by"
    )
    if is_regulator(actor):
        return qs
    return qs.filter(
        Q(requested_by_id=actor.pk)
        | Q(licence__holder_id=actor.pk)
        | Q(application__applicant_id=actor.pk)
    )


def queue_filter(actor) -> Q:
    """What waits for the actor (LIC-3): the Council takes up and proposes, the GD gives its
    opinion, the centre head decides; anyone else follows their own open requests."""
    S = LicenceRequest.Status
    q = Q(pk__in=[])
    if not _signed_in(actor):
        return q
    if is_council_member(actor):
        q |= Q(status__in=[S.SUBMITTED, S.COUNCIL_REVIEW])
    if has_role(actor, Role.LICENSING_STAFF):
        q |= Q(status=S.GD_OPINION)
    if has_role(actor, Role.CENTRE_HEAD):
        q |= Q(status=S.AWAITING_DECISION)
    if not is_regulator(actor):
        q |= Q(status__in=[S.SUBMITTED, S.COUNCIL_REVIEW, S.GD_OPINION, S.AWAITING_DECISION])
    return q


def request_queue(actor) -> QuerySet[LicenceRequest]:
    return requests_visible_to(actor).filter(queue_filter(actor)).order_by("submitted_at", "id")


def request_queue_rows(requests: QuerySet[LicenceRequest]) -> QuerySet:
    """A page of a request queue (`request_queue`, sliced) as rows of the staff page's
    columns only; counting is done on the queue itself, without the joins of these columns."""
    return requests.values(
        "id", "kind", "status", "office__code", "office__name_fa", "office__name_en", "submitted_at"
    )


def applications_awaiting_decision(actor) -> QuerySet[Application]:
    """Submitted applications the actor may see, the longest-waiting priority first (LIC-2)."""
    return (
        applications_visible_to(actor)
        .filter(status=Application.Status.SUBMITTED)
        .order_by("-priority_days", "submitted_at", "id")
    )


def application_queue_rows(applications: QuerySet[Application]) -> QuerySet:
    """A page of `applications_awaiting_decision` as rows of the staff page's columns only."""
    return applications.values(
        "id",
        "applicant__first_name",
        "applicant__last_name",
        "call__title",
        "vetted_at",
        "unmet_requirements",
        "submitted_at",
    )


def get_request(actor, request_id) -> LicenceRequest | None:
    return requests_visible_to(actor).prefetch_related("steps__actor").filter(pk=request_id).first()


# --- Licences (LIC-5, LIC-6) ---------------------------------------------------------------------
def licences_visible_to(actor) -> QuerySet[Licence]:
    if not _signed_in(actor):
        return Licence.objects.none()
    qs = Licence.objects.select_related("office", "holder")
    if is_regulator(actor):
        return qs
    return qs.filter(holder_id=actor.pk)


def live_licence(office) -> Licence | None:
    return (
        Licence.objects.filter(office=office, status__in=Licence.LIVE)
        .order_by("-issued_on", "-id")
        .first()
    )


# --- Fees (LIC-8) --------------------------------------------------------------------------------
def fees_visible_to(actor) -> QuerySet[FeeSchedule]:
    if is_regulator(actor):
        return FeeSchedule.objects.all()
    return FeeSchedule.objects.filter(status=FeeSchedule.Status.APPROVED)


def fee_in_force(kind: str, on=None) -> FeeSchedule | None:
    """The approved fee of a kind in force on a day: the latest effective date not after it."""
    on = on or timezone.localdate()
    return (
        FeeSchedule.objects.filter(
            kind=kind, status=FeeSchedule.Status.APPROVED, effective_from__lte=on
        )
        .order_by("-effective_from", "-decided_at", "-id")
        .first()
    )


# --- Council (LIC-4) -----------------------------------------------------------------------------
def council(on=None) -> QuerySet[CouncilMembership]:
    return CouncilMembership.objects.current(on).select_related("user")


# --- Association (ASC-1) -------------------------------------------------------------------------
def associations() -> QuerySet[Association]:
    return Association.objects.select_related("province").prefetch_related("areas__province")


def association_serving(province) -> Association | None:
    """The Association of the province, or the nearest one serving it (art. 25, note)."""
    area = ServiceArea.objects.select_related("association").filter(province=province).first()
    return area.association if area else None


def distance_km(a, b) -> float:
    """Great-circle distance between two provinces' centres."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(
        math.radians, map(float, (a.latitude, a.longitude, b.latitude, b.longitude))
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def board_associations_of(actor, on=None) -> list[int]:
    if not _signed_in(actor) or not has_role(actor, Role.ASSOCIATION_BOARD):
        return []
    return list(
        BoardMembership.objects.current(on)
        .filter(user_id=actor.pk)
        .values_list("association_id", flat=True)
    )


def current_board(association, on=None) -> QuerySet[BoardMembership]:
    return BoardMembership.objects.current(on).filter(association=association)


# --- Inspections and complaints (ASC-2, ASC-3) ---------------------------------------------------
def inspections_visible_to(actor) -> QuerySet[Inspection]:
    if not _signed_in(actor):
        return Inspection.objects.none()
    qs = Inspection.objects.select_related("association", "office", "inspector")
    if has_role(actor, Role.LICENSING_STAFF, Role.CENTRE_HEAD):
        return qs
    return qs.filter(Q(association_id__in=board_associations_of(actor)) | Q(inspector_id=actor.pk))


def complaints_visible_to(actor) -> QuerySet[Complaint]:
    if not _signed_in(actor):
        return Complaint.objects.none()
    qs = Complaint.objects.select_related("association", "office", "complainant")
    if has_role(actor, Role.LICENSING_STAFF, Role.CENTRE_HEAD):
        return qs
    return qs.filter(
        Q(association_id__in=board_associations_of(actor)) | Q(complainant_id=actor.pk)
    )


def inspection_reports_for_discipline() -> QuerySet[Inspection]:
    """For the discipline app (DIS-1): reports flagged to open a case, not yet referred."""
    return Inspection.objects.filter(
        recommends_discipline=True,
        status__in=[Inspection.Status.REPORTED, Inspection.Status.REVIEWED],
    ).select_related("office", "association", "inspector")


def complaints_for_discipline() -> QuerySet[Complaint]:
    """For the discipline app (DIS-1): complaints the Association reported to the GD."""
    return Complaint.objects.filter(status=Complaint.Status.FORWARDED).select_related(
        "office", "association", "complainant"
    )
