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
from core.transitions import apply_transition
from discipline import selectors
from discipline.models import (
    Board,
    Case,
    CaseCounter,
    CaseDocument,
    CriminalReferral,
    Tier,
    Violation,
    is_gd,
)
from discipline.services.common import display_name, locked, required_text


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
    from offices.models import Membership

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
    violations: list[int],
    allegation: str,
    offence_date: dt.date,
    board_id,
    complaint_id=None,
    inspection_id=None,
    complainant=None,
    complainant_kind: str = "",
) -> Case:
    """DIS-1: the General Directorate opens a case against an office and its manager or a staff
    member, citing one or more violations of art. 37 (DIS-12), on a complaint (from the public,
    a lawyer or a party, received directly or through the Association), on an inspection
    report, or on its own motion; and puts it before a first-instance board."""
    if not is_gd(actor):
        raise Forbidden(_("Cases are opened by the General Directorate."))
    errors = {}
    if source not in Case.Source.values:
        errors["source"] = [_("Unknown source.")]
    numbers = sorted({int(n) for n in (violations or [])})
    found = list(Violation.objects.filter(number__in=numbers))
    if not numbers:
        errors["violations"] = [_("Cite at least one violation of art. 37.")]
    elif len(found) != len(numbers):
        errors["violations"] = [_("Unknown item of art. 37.")]
    allegation = (allegation or "").strip()
    if not allegation:
        errors["allegation"] = [_("This field is required.")]
    if offence_date is None or offence_date > timezone.localdate():
        errors["offence_date"] = [_("The date of the offence cannot be in the future.")]
    role = _accused_role(office, accused) if office and accused else None
    if role is None:
        errors["accused"] = [_("Neither the manager nor a member of the staff of this office.")]
    board = Board.objects.filter(pk=board_id).first() if board_id else None
    if board is None or board.tier != Tier.FIRST_INSTANCE:
        errors["board"] = [_("Choose a first-instance board.")]
    complaint = inspection = None
    if source == Case.Source.COMPLAINT:
        if complaint_id:
            from licensing import selectors as licensing_selectors

            complaint = (
                licensing_selectors.complaints_for_discipline().filter(pk=complaint_id).first()
            )
            if complaint is None or complaint.office_id != getattr(office, "pk", None):
                errors["complaint"] = [_("No complaint about this office awaits a case.")]
            else:
                complainant = complaint.complainant
        if complainant is None:
            errors["complainant"] = [_("Name the complainant or the complaint.")]
        if complainant_kind not in ("public", "lawyer", "party"):
            errors["complainant_kind"] = [_("A member of the public, a lawyer or a party.")]
    elif source == Case.Source.INSPECTION:
        from licensing import selectors as licensing_selectors

        inspection = (
            licensing_selectors.inspection_reports_for_discipline().filter(pk=inspection_id).first()
            if inspection_id
            else None
        )
        if inspection is None or inspection.office_id != getattr(office, "pk", None):
            errors["inspection"] = [_("No inspection report of this office awaits a case.")]
    if errors:
        raise ValidationFailed(fields=errors)
    now = timezone.now()
    with transaction.atomic():
        case = Case(
            number=_next_number(now),
            source=source,
            complaint=complaint,
            inspection=inspection,
            complainant=complainant if source == Case.Source.COMPLAINT else None,
            complainant_kind=complainant_kind if source == Case.Source.COMPLAINT else "",
            office=office,
            accused=accused,
            accused_role=role,
            allegation=allegation,
            offence_date=offence_date,
            board=board,
            opened_by=actor,
            opened_at=now,
        )
        case._history_user = actor
        case._change_reason = "opened"
        case.save()
        case.violations.set(found)
        reason = _("Opened on %(source)s against %(name)s (%(role)s); violations: %(items)s") % {
            "source": case.get_source_display(),
            "name": display_name(accused),
            "role": case.get_accused_role_display(),
            "items": ", ".join(str(v.number) for v in found),
        }
        apply_transition(case, "open", actor=actor, reason=reason)
        from licensing import association as licensing_association

        if complaint is not None:
            licensing_association.complaint_refer(
                actor=actor, complaint_id=complaint.pk, case_reference=case.number
            )
        if inspection is not None:
            licensing_association.inspection_refer(
                actor=actor, inspection_id=inspection.pk, case_reference=case.number
            )
    return case


def case_record_withdrawal(*, actor, case_id, note: str) -> Case:
    """DIS-10 (note 2 of art. 38): the complainant withdraws the complaint. The case goes on; a
    sanction, if any, must then record the mitigation."""
    note = required_text(note, "note")
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


def case_assign_appeal_board(*, actor, case_id, board_id) -> Case:
    """The General Directorate puts an appealed (or objected) case before an appeal board."""
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        board = Board.objects.filter(pk=board_id, tier=Tier.APPEAL).first()
        if board is None:
            raise ValidationFailed(fields={"board": [_("Choose an appeal board.")]})
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
    authority = required_text(authority, "authority")
    facts = required_text(facts, "facts")
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
            reference=(reference or "").strip(),
            referred_by=actor,
        )
        referral._history_user = actor
        referral.save()
    return referral


def case_add_document(*, actor, case_id, title: str, file) -> CaseDocument:
    """A paper of the case, by the General Directorate or a member of the case's board; PDF or
    JPEG, checked from the content like the notices' attachments."""
    from notices.services import check_attachment

    title = required_text(title, "title")
    with transaction.atomic():
        case = locked(selectors.cases_visible_to(actor), case_id)
        from discipline.models import current_member_ids

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
        document._history_user = actor
        document.save()
    return document
