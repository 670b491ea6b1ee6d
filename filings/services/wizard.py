"""The wizard (FIL-1, FIL-3, FIL-4, FIL-5, FIL-10): a draft, its steps, preparation
(validated and frozen), reopening, cancelling and copying. What each step checks is in
`filings.services.steps`."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.records import save_as
from core.transitions import apply_transition
from filings import access, attachments, selectors, signing
from filings.models import CaseMode, Channel, DocumentPurpose, Filing, Kind
from filings.services.common import (
    check_unlocked,
    locked_filing,
    require_draft,
    require_filer_side,
)
from filings.services.documents import store_document
from filings.services.signing import void_signature
from filings.services.steps import HANDLERS, completeness_errors, required
from offices.models import Office
from offices.selectors import operational_status


# --- Creating a draft -------------------------------------------------------------------------
def filing_create(
    *, actor, kind: str, filer: User | None = None, office=None, channel: str = Channel.PORTAL
) -> Filing:
    """Open a draft. On the portal the actor is the filer; at an office (art. 6) the office's
    staff open it for the person in front of them, and the office is fixed."""
    if kind not in Kind.values:
        raise ValidationFailed(fields={"kind": [_("Unknown kind of filing.")]})
    if channel == Channel.OFFICE:
        if office is None or office.pk not in access.staff_office_ids(actor):
            raise Forbidden(_("Only the office's staff open filings at the office."))
        if filer is None:
            raise ValidationFailed(fields={"filer_national_id": required()})
        if not operational_status(office).operational:
            raise Conflict(_("The office is not operational."), code="office_not_operational")
    else:
        filer, office = actor, None
    with transaction.atomic():
        filing = Filing(
            kind=kind,
            channel=channel,
            filer=filer,
            created_by=actor,
            office=office,
        )
        save_as(filing, actor=actor, reason="created")
    return filing


def filing_open_at_office(*, actor, office: str, filer_national_id: str, kind: str) -> Filing:
    """The office channel (FIL-2, art. 6-7): a staff member of the office `office` (its code)
    opens a draft for the person of `filer_national_id`, who may have no online access. The
    filing is the person's (they find it in their filings); `created_by` is the staff member.
    An unknown office answers 404; one where the actor holds no post, 403."""
    found = Office.objects.filter(code=str(office)).first()
    if found is None:
        raise NotFound()
    national_id = str(filer_national_id or "").strip().upper()
    filer = User.objects.filter(national_id=national_id).first() if national_id else None
    if filer is None:
        raise ValidationFailed(fields={"filer_national_id": [_("No account has this ID.")]})
    return filing_create(actor=actor, kind=kind, filer=filer, office=found, channel=Channel.OFFICE)


# --- Steps ------------------------------------------------------------------------------------
def _mark(filing: Filing, step: str, done: bool) -> None:
    steps = [s for s in (filing.steps_done or []) if s != step]
    if done:
        steps.append(step)
    order = selectors.wizard_steps(filing.kind)
    filing.steps_done = [s for s in order if s in steps]


def step_save(*, actor, filing_id, step: str, data: dict, draft: bool = False) -> dict:
    """Save one step of the wizard. With `draft`, what is given is stored without requiring
    completeness and the step stays open; otherwise the step is validated and marked done,
    which unlocks the next. Returns warnings (e.g. no documents yet)."""
    if step not in HANDLERS:
        raise Conflict(_("This step does not apply to this kind of filing."), code="no_such_step")
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        require_draft(filing)
        check_unlocked(filing, step)
        HANDLERS[step](filing, data or {}, draft=draft)
        if step == "kind":
            # A change of kind may change which steps apply.
            order = selectors.wizard_steps(filing.kind)
            filing.steps_done = [s for s in (filing.steps_done or []) if s in order]
        _mark(filing, step, not draft)
        void_signature(filing, reason="content changed")
        save_as(filing, actor=actor, reason=f"step {step} saved" + (" (draft)" if draft else ""))
    return selectors.warnings(filing) if step == "documents" else {}


def filing_prepare(*, actor, filing_id) -> Filing:
    """Validate completeness and freeze the content (draft → confirmed)."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if filing.status == Filing.Status.DRAFT:
            require_filer_side(filing, actor)
            errors = completeness_errors(filing)
            missing = [s for s in selectors.wizard_steps(filing.kind) if s not in filing.steps_done]
            if missing and not errors:
                errors = {"steps": [_("Complete every step first.")] + missing}
            if errors:
                raise ValidationFailed(
                    _("The filing is not complete."), code="incomplete", fields=errors
                )
        apply_transition(
            filing,
            "prepare",
            actor=actor,
            reason="prepared",
            content_hash=signing.content_hash(filing),
        )
    return filing


def filing_reopen(*, actor, filing_id) -> Filing:
    """Back to a draft to change something (confirmed → draft). The signature is voided;
    not possible once a payment is under way or made for the computed fee."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        if filing.status == Filing.Status.CONFIRMED and selectors.live_payment(filing):
            raise Conflict(
                _("A payment is under way or made: the filing can no longer be reopened."),
                code="payment_made",
            )
        apply_transition(filing, "reopen", actor=actor, reason="reopened for changes")
        void_signature(filing, reason="filing reopened for changes")
        filing.office = filing.office if filing.channel == Channel.OFFICE else None
        filing.court_fee = filing.service_fee = filing.fees_computed_at = None
        save_as(filing, actor=actor, reason="fees cleared")
    return filing


def filing_cancel(*, actor, filing_id, reason: str = "") -> Filing:
    """By the filer, before the office starts its review (FIL-8)."""
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        apply_transition(filing, "cancel", actor=actor, reason=reason or "cancelled by the filer")
    return filing


def filing_copy(*, actor, filing_id) -> Filing:
    """A new draft with the content of a returned or rejected filing (FIL-8)."""
    with transaction.atomic():
        source = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(source, actor)
        if source.status not in (Filing.Status.RETURNED, Filing.Status.REJECTED):
            raise Conflict(
                _("Only a returned or rejected filing can be copied."), code="wrong_state"
            )
        copy = Filing(
            kind=source.kind,
            channel=source.channel,
            filer=source.filer,
            created_by=actor,
            office=source.office if source.channel == Channel.OFFICE else None,
            subject=source.subject,
            court=source.court,
            claim_value=source.claim_value,
            case_mode=source.case_mode,
            case_number=source.case_number if source.case_mode == CaseMode.EXISTING else "",
            presenter_kind=source.presenter_kind,
            presenter_lawyer=source.presenter_lawyer,
            presenter_name=source.presenter_name,
            presenter_national_id=source.presenter_national_id,
            presenter_bar_licence=source.presenter_bar_licence,
            text_title=source.text_title,
            text_html=source.text_html,
            steps_done=list(selectors.wizard_steps(source.kind)),
            copied_from=source,
        )
        save_as(copy, actor=actor, reason=f"copied from {source.tracking_code or source.pk}")
        for party in source.parties.all():
            party.pk = None
            party.id = None
            party.filing = copy
            party.save()
        for document in source.documents.filter(
            purpose__in=[DocumentPurpose.DOCUMENT, DocumentPurpose.LETTERHEAD]
        ):
            with document.file.open("rb") as handle:
                content = handle.read()
            checked = attachments.CheckedFile(
                name=document.original_name,
                content=content,
                format=document.format,
                content_type=document.content_type,
                sha256=document.sha256,
            )
            store_document(
                filing=copy,
                checked=checked,
                doc_type=document.doc_type,
                title=document.title,
                purpose=document.purpose,
                actor=actor,
            )
    return copy
