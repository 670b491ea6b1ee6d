"""Opening a case and the records made along it (DIS-1, DIS-10, DIS-11, DIS-13)."""

import datetime as dt
import hashlib

import jdatetime
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.records import locked, save_as
from core.transitions import apply_transition
from discipline import selectors
from discipline.models import (
    Board,
    Case,
    CaseCounter,
    CaseDocument,
    CriminalReferral,
    Violation,
    current_member_ids,
    is_gd,
)
from discipline.services.common import display_name
from licensing import association as licensing_association
from notices.services import check_attachment
from offices.models import Membership


def _next_number(now) -> str:
    """16 digits, the form of a case number in the notice system (NOT-1): the Jalali year,
    then 9 (disciplinary boards), then an 11-digit counter of that year."""
    year = jdatetime.date.fromgregorian(date=timezone.localdate(now)).year
    CaseCounter.objects.get_or_create(year=year)
    CaseCounter.objects.filter(year=year).update(last=F("last") + 1)
    last = CaseCounter.objects.filter(year=year).values_list("last", flat=True).get()
    return f"{year:04d}9{last:011d}"


def _accused_role(office, accused) -> str | None:
    """DIS-1: the case is against the office's manager or one of its staff (an open post)."""
    if office.manager_id == accused.pk:
        return Case.AccusedRole.MANAGER
    if Membership.objects.filter(
        office=office, profile__user_id=accused.pk, ended_on__isnull=True
    ).exists():
        return Case.AccusedRole.STAFF
    return None


def case_open(
    *,
    actor,
    source: str,
    office,
    accused,
    violations: list[Violation],
    allegation: str,
    offence_date: dt.date,
    board: Board,
    complaint=None,
    inspection=None,
    complainant=None,
    complainant_kind: str = "",
) -> Case:
    """DIS-1: the General Directorate opens a case against an office and its manager or a staff
    member, citing one or more violations of art. 37 (DIS-12), on a complaint (from the public,
    a lawyer or a party, received directly or through the Association), on an inspection
    report, or on its own motion; and puts it before a first-instance board.

    The input comes checked by `discipline.inputs.CaseOpenInput` (the catalogue's items, a
    first-instance board, the complaint or inspection report of this office awaiting a case,
    the complainant, the date); what is left here is who may open it and the accused's post."""
    if not is_gd(actor):
        raise Forbidden(_("Cases are opened by the General Directorate."))
    role = _accused_role(office, accused)
    if role is None:
        raise ValidationFailed(
            fields={"accused": [_("Neither the manager nor a member of the staff of this office.")]}
        )
    on_complaint = source == Case.Source.COMPLAINT
    now = timezone.now()
    with transaction.atomic():
        case = Case(
            number=_next_number(now),
            source=source,
            complaint=complaint if on_complaint else None,
            inspection=inspection if source == Case.Source.INSPECTION else None,
            complainant=complainant if on_complaint else None,
            complainant_kind=complainant_kind if on_complaint else "",
            office=office,
            accused=accused,
            accused_role=role,
            allegation=allegation,
            offence_date=offence_date,
            board=board,
            opened_by=actor,
            opened_at=now,
        )
        save_as(case, actor=actor, reason="opened")
        case.violations.set(violations)
        reason = _("Opened on %(source)s against %(name)s (%(role)s); violations: %(items)s") % {
            "source": case.get_source_display(),
            "name": display_name(accused),
            "role": case.get_accused_role_display(),
            "items": ", ".join(str(v.number) for v in sorted(violations, key=lambda v: v.number)),
        }
        apply_transition(case, "open", actor=actor, reason=reason)
        if case.complaint is not None:
            licensing_association.complaint_refer(
                actor=actor, complaint_id=case.complaint.pk, case_reference=case.number
            )
        if case.inspection is not None:
            licensing_association.inspection_refer(
                actor=actor, inspection_id=case.inspection.pk, case_reference=case.number
            )
    return case


def case_record_withdrawal(*, actor, case_id, note: str) -> Case:
    """DIS-10 (note 2 of art. 38): the complainant withdraws the complaint. The case goes on; a
    sanction, if any, must then record the mitigation."""
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        if case.source != Case.Source.COMPLAINT:
            raise Conflict(_("This case was not opened on a complaint."), code="no_complaint")
        if case.complaint_withdrawn_at is not None:
            raise Conflict(_("The withdrawal is already recorded."), code="already_withdrawn")
        apply_transition(
            case,
            "record_withdrawal",
            actor=actor,
            reason=_("Complaint withdrawn (the case goes on): %(note)s") % {"note": note},
            at=timezone.now(),
            note=note,
        )
    return case


def case_assign_appeal_board(*, actor, case_id, board: Board) -> Case:
    """The General Directorate puts an appealed (or objected) case before an appeal board
    (`board` of the appeal tier, checked by `AppealBoardInput`)."""
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        if case.status == Case.Status.APPEAL and case.appeal_board_id is not None:
            raise Conflict(_("The case is already before an appeal board."), code="board_assigned")
        apply_transition(
            case,
            "assign_appeal_board",
            actor=actor,
            reason=_("Before the appeal board %(board)s") % {"board": board.name},
            board=board,
        )
    return case


def case_refer_crime(
    *, actor, case_id, authority: str, facts: str, reference: str = ""
) -> CriminalReferral:
    """DIS-11 (art. 38, note 1): a board that learns of a crime refers it to the competent
    judicial authority; the disciplinary case goes on."""
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        board_id = case.current_board_id
        apply_transition(
            case,
            "refer_crime",
            actor=actor,
            reason=_("Crime referred to %(authority)s; the disciplinary case goes on")
            % {"authority": authority},
        )
        referral = CriminalReferral(
            case=case,
            board_id=board_id,
            authority=authority,
            facts=facts,
            reference=reference,
            referred_by=actor,
        )
        save_as(referral, actor=actor)
    return referral


def case_add_document(*, actor, case_id, title: str, file) -> CaseDocument:
    """A paper of the case, by the General Directorate or a member of the case's board; PDF or
    JPEG, checked from the content like the notices' attachments."""
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        if not (is_gd(actor) or actor.pk in current_member_ids(case.current_board_id)):
            raise Forbidden()
        try:
            checked = check_attachment(file)
        except ValidationFailed as exc:
            raise ValidationFailed(fields={"file": exc.fields.get("attachments", [])}) from None
        document = CaseDocument(
            case=case,
            title=title,
            original_name=checked.name,
            content_type=checked.content_type,
            size=len(checked.content),
            sha256=hashlib.sha256(checked.content).hexdigest(),
            uploaded_by=actor,
        )
        document.file.save("upload", ContentFile(checked.content), save=False)
        save_as(document, actor=actor)
    return document
