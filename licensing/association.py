"""Every write of the Association (ASC-1 … ASC-3): Associations and their boards, inspectors,
inspections with their reports, and complaints.

For the discipline app (DIS-1): `selectors.inspection_reports_for_discipline()` and
`selectors.complaints_for_discipline()` list what is ready to open a case;
`inspection_refer` and `complaint_refer` record the case that was opened.
"""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role, has_role
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.records import as_pk, locked, save_as
from core.transitions import apply_transition
from licensing import selectors
from licensing.models import (
    Association,
    BoardMembership,
    Complaint,
    CouncilMembership,
    Inspection,
    InspectionDocument,
    ServiceArea,
)
from licensing.services.common import (
    incompatible_offices_refusal,
    lock_user,
    overlapping,
    reasons_given,
)
from offices.models import Office, Province


def _board_of(actor, association_id) -> bool:
    return association_id in selectors.board_associations_of(actor)


# --- Associations and their areas (ASC-1) --------------------------------------------------------
def assign_areas() -> None:
    """Each province is served by its own Association, or else by the nearest one (art. 25,
    note). Idempotent; run whenever an Association is founded."""
    seats = {a.province_id: a for a in Association.objects.select_related("province")}
    if not seats:
        return
    for province in Province.objects.all():
        association = seats.get(province.pk) or min(
            seats.values(), key=lambda a: selectors.distance_km(province, a.province)
        )
        ServiceArea.objects.update_or_create(
            province=province, defaults={"association": association}
        )


def association_create(*, actor, province: Province, name: str) -> Association:
    """The judiciary founds an Association in a province (ASC-1; art. 25), recorded by the GD."""
    if not has_role(actor, Role.LICENSING_STAFF, Role.CENTRE_HEAD):
        raise Forbidden()
    with transaction.atomic():
        if Association.objects.filter(province=province).exists():
            raise Conflict(_("The province already has an Association."), code="exists")
        association = save_as(Association(province=province, name=name), actor=actor)
        assign_areas()
    return association


def board_appoint(
    *, actor, association_id: int, user, seat: str, starts_on: dt.date | None = None
) -> BoardMembership:
    """A board term of three years (setting), approved by the centre head (ASC-1; art. 26):
    seven members at most; re-election allowed; never a sitting Council member (art. 23,
    note)."""
    if not has_role(actor, Role.CENTRE_HEAD):
        raise Forbidden(_("Board members are approved by the centre head."))
    if seat not in BoardMembership.Seat.values:
        raise ValidationFailed(code="invalid", fields={"seat": [_("Unknown seat.")]})
    starts_on = starts_on or timezone.localdate()
    ends_on = starts_on + relativedelta(years=settings.LICENSING["BOARD_TERM_YEARS"])
    with transaction.atomic():
        association = locked(Association.objects, association_id)
        user = lock_user(user)
        if overlapping(CouncilMembership.objects.filter(user=user), starts_on, ends_on).exists():
            raise incompatible_offices_refusal()
        if overlapping(BoardMembership.objects.filter(user=user), starts_on, ends_on).exists():
            raise Conflict(_("This person already sits on a board."), code="already_member")
        size = settings.LICENSING["BOARD_SIZE"]
        if selectors.current_board(association, starts_on).count() >= size:
            raise Conflict(
                _("The board has %(size)d members (art. 26).") % {"size": size},
                code="board_full",
            )
        term = BoardMembership(
            association=association,
            user=user,
            seat=seat,
            starts_on=starts_on,
            ends_on=ends_on,
            appointed_by=actor,
        )
        save_as(term, actor=actor)
        user.groups.add(Group.objects.get_or_create(name=Role.ASSOCIATION_BOARD.value)[0])
    return term


def board_end(*, actor, term_id: int, ended_on: dt.date | None = None) -> BoardMembership:
    if not has_role(actor, Role.CENTRE_HEAD):
        raise Forbidden()
    with transaction.atomic():
        term = locked(BoardMembership.objects, term_id)
        if term.ended_on is not None:
            raise Conflict(code="wrong_state")
        term.ended_on = ended_on or timezone.localdate()
        save_as(term, actor=actor, update_fields=["ended_on"])
        if not BoardMembership.objects.current().filter(user=term.user).exists():
            term.user.groups.remove(*Group.objects.filter(name=Role.ASSOCIATION_BOARD.value))
    return term


def inspector_add(*, actor, association_id: int, user) -> Association:
    """The board (or the GD) names an inspector of the Association (ASC-2)."""
    with transaction.atomic():
        association = Association.objects.filter(pk=as_pk(association_id)).first()
        if association is None:
            raise NotFound()
        if not (has_role(actor, Role.LICENSING_STAFF) or _board_of(actor, association.pk)):
            raise Forbidden()
        association.inspectors.add(user)
        user.groups.add(Group.objects.get_or_create(name=Role.ASSOCIATION_INSPECTOR.value)[0])
    return association


# --- Inspections (ASC-2) -------------------------------------------------------------------------
def inspection_plan(
    *, actor, office_id: int, kind: str, inspector, scheduled_for: dt.date
) -> Inspection:
    """A periodic or ad hoc inspection by the Association serving the office (ASC-2; art. 33),
    planned by its board or ordered by the GD."""
    if kind not in Inspection.Kind.values:
        raise ValidationFailed(code="invalid", fields={"kind": [_("Unknown kind.")]})
    office = Office.objects.select_related("province").filter(pk=office_id).first()
    if office is None:
        raise ValidationFailed(code="invalid", fields={"office": [_("Unknown office.")]})
    association = selectors.association_serving(office.province)
    if association is None:
        raise Conflict(_("No Association serves the office's province."), code="no_association")
    if not (has_role(actor, Role.LICENSING_STAFF) or _board_of(actor, association.pk)):
        raise Forbidden()
    if not association.inspectors.filter(pk=inspector.pk).exists():
        raise ValidationFailed(
            code="invalid", fields={"inspector": [_("Not an inspector of the Association.")]}
        )
    with transaction.atomic():
        inspection = Inspection(
            association=association,
            office=office,
            kind=kind,
            inspector=inspector,
            scheduled_for=scheduled_for,
            planned_by=actor,
        )
        save_as(inspection, actor=actor)
    return inspection


def inspection_report(
    *,
    actor,
    inspection_id: int,
    findings: str,
    reasoning: str,
    manager_cooperated: bool,
    recommends_discipline: bool = False,
    documents=(),
) -> Inspection:
    """The inspector's reasoned, documented report to the GD (ASC-2; art. 33). A report may
    recommend opening a disciplinary case (DIS-1)."""
    findings = reasons_given(findings, "findings")
    reasoning = reasons_given(reasoning, "reasoning")
    documents = list(documents or ())
    if not documents:
        raise ValidationFailed(
            _("Article 33: the report is documented; attach at least one document."),
            code="documents_required",
            fields={"documents": [_("Required.")]},
        )
    with transaction.atomic():
        inspection = locked(selectors.inspections_visible_to(actor), inspection_id)
        apply_transition(
            inspection,
            "report",
            actor=actor,
            reason=reasoning,
            findings=findings,
            reasoning=reasoning,
            manager_cooperated=manager_cooperated,
            recommends_discipline=recommends_discipline,
        )
        for upload in documents:
            document = InspectionDocument(
                inspection=inspection, file=upload, description=getattr(upload, "name", "")[:200]
            )
            try:
                document.full_clean(exclude=["inspection"])
            except ValidationError as error:
                raise ValidationFailed(code="bad_document", fields=error.message_dict) from None
            document.save()
    return inspection


def inspection_review(*, actor, inspection_id: int, notes: str = "") -> Inspection:
    with transaction.atomic():
        inspection = locked(selectors.inspections_visible_to(actor), inspection_id)
        apply_transition(inspection, "review", actor=actor, reason=notes, notes=notes)
    return inspection


def inspection_refer(*, actor, inspection_id: int, case_reference: str) -> Inspection:
    """Record the disciplinary case opened from the report (called by the discipline app)."""
    case_reference = reasons_given(case_reference, "case_reference")
    with transaction.atomic():
        inspection = locked(selectors.inspections_visible_to(actor), inspection_id)
        apply_transition(
            inspection, "refer", actor=actor, reason=case_reference, case_reference=case_reference
        )
    return inspection


# --- Complaints (ASC-3) --------------------------------------------------------------------------
def complaint_file(*, actor, office_id: int, subject: str, body: str) -> Complaint:
    """A complaint about an office, received by the Association serving it (ASC-3)."""
    if not getattr(actor, "is_usable", False):
        raise Forbidden()
    office = Office.objects.select_related("province").filter(pk=office_id).first()
    if office is None:
        raise ValidationFailed(code="invalid", fields={"office": [_("Unknown office.")]})
    association = selectors.association_serving(office.province)
    if association is None:
        raise Conflict(_("No Association serves the office's province."), code="no_association")
    with transaction.atomic():
        complaint = Complaint(
            association=association,
            office=office,
            complainant=actor,
            subject=reasons_given(subject, "subject"),
            body=reasons_given(body, "body"),
        )
        save_as(complaint, actor=actor)
    return complaint


def _complaint_transition(*, actor, complaint_id, name, **kwargs) -> Complaint:
    with transaction.atomic():
        complaint = locked(selectors.complaints_visible_to(actor), complaint_id)
        reason = kwargs.get("findings") or kwargs.get("case_reference") or ""
        apply_transition(complaint, name, actor=actor, reason=reason, **kwargs)
    return complaint


def complaint_forward(*, actor, complaint_id: int, findings: str) -> Complaint:
    """The board reports the complaint to the GD with its findings (ASC-3; art. 28-e)."""
    return _complaint_transition(
        actor=actor,
        complaint_id=complaint_id,
        name="forward",
        by=actor,
        findings=reasons_given(findings, "findings"),
    )


def complaint_dismiss(*, actor, complaint_id: int, findings: str) -> Complaint:
    return _complaint_transition(
        actor=actor,
        complaint_id=complaint_id,
        name="dismiss",
        by=actor,
        findings=reasons_given(findings, "findings"),
    )


def complaint_refer(*, actor, complaint_id: int, case_reference: str) -> Complaint:
    """Record the disciplinary case opened from the complaint (called by the discipline app)."""
    return _complaint_transition(
        actor=actor,
        complaint_id=complaint_id,
        name="refer",
        case_reference=reasons_given(case_reference, "case_reference"),
    )
