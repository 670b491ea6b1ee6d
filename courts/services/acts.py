"""Court acts (CAS-5), enforcement files (CAS-9) and notices that start a period (CAS-8)."""

import base64
import hashlib
import io

import qrcode
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.exceptions import Conflict, NotFound, ValidationFailed
from core.records import as_pk, save_as
from courts import seal
from courts.models import Case, CourtAct, Enforcement, PeriodNotice
from courts.services.cases import clerk_case
from courts.services.hearings import serve_participants
from notices.services import issue_notice


def _qr(text: str) -> str:
    image = qrcode.make(text, box_size=4, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def render_act(act: CourtAct, *, language: str = "fa") -> bytes:
    from weasyprint import HTML

    verify_path = reverse("courts:verify") + f"?code={act.verification_code}"
    with translation.override(language):
        html = render_to_string(
            "courts/act.html",
            {
                "act": act,
                "case": act.case,
                "rtl": language.startswith("fa"),
                "language": language,
                "qr": _qr(f"DAFTAR-ACT:{act.verification_code} {verify_path}"),
                "verify_path": verify_path,
            },
        )
    return HTML(string=html).write_pdf()


def act_issue(*, actor, case_id, kind: str, title: str, text: str, final: bool = False) -> CourtAct:
    """The clerk issues an act: a PDF with its verification code and QR, sealed (PAdES) with
    the court's seal; every participant is served a notice of it."""
    if kind not in CourtAct.Kind.values:
        raise ValidationFailed(fields={"kind": [_("Unknown kind of act.")]})
    if not (title or "").strip() or not (text or "").strip():
        raise ValidationFailed(fields={"text": [_("This field is required.")]})
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        act = CourtAct(
            case=case,
            kind=kind,
            title=title.strip()[:255],
            text=text.strip(),
            final=bool(final) and kind == CourtAct.Kind.JUDGMENT,
            issued_by=actor,
            issued_at=timezone.now(),
        )
        pdf = seal.seal_pdf(render_act(act), reason=f"{case.branch.name}: {act.get_kind_display()}")
        act.sha256 = hashlib.sha256(pdf).hexdigest()
        act.file.save("act", ContentFile(pdf), save=False)
        save_as(act, actor=actor, reason="issued")
        if act.final:
            case.status = Case.Status.FINAL
            save_as(case, actor=actor, reason="final judgment")
        serve_participants(
            case,
            actor=actor,
            subject=lambda: (
                _("%(kind)s in case %(case)s")
                % {"kind": act.get_kind_display(), "case": case.number}
            ),
            body=lambda: (
                _(
                    "%(branch)s issued a %(kind)s in case %(case)s. It can be downloaded from the "
                    "case page; its verification code is %(code)s."
                )
                % {
                    "branch": case.branch.name,
                    "kind": act.get_kind_display(),
                    "case": case.number,
                    "code": act.verification_code,
                }
            ),
        )
    return act


def verify_document(*, code: str, sha256: str) -> CourtAct | None:
    """The act with this verification code whose sealed file has this hash, else None.
    Tells nothing of the content (CAS-5)."""
    act = CourtAct.objects.filter(verification_code=str(code or "").strip().upper()).first()
    if act is None or act.sha256 != str(sha256 or "").strip().lower():
        return None
    return act


def enforcement_open(*, actor, case_id, act_id) -> Enforcement:
    """A final judgment opens an enforcement file (CAS-9)."""
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        act = case.acts.filter(pk=as_pk(act_id)).first()
        if act is None:
            raise NotFound()
        if act.kind != CourtAct.Kind.JUDGMENT or not act.final:
            raise Conflict(_("Only a final judgment opens enforcement."), code="not_final")
        if Enforcement.objects.filter(judgment=act).exists():
            raise Conflict(_("This judgment already has an enforcement file."), code="exists")
        count = Enforcement.objects.select_for_update().count() + 1
        enforcement = Enforcement(
            case=case, judgment=act, number=f"{timezone.now():%Y}{count:012d}"[:16]
        )
        save_as(enforcement, actor=actor, reason="opened from a final judgment")
        serve_participants(
            case,
            actor=actor,
            subject=lambda: _("Enforcement file %(number)s") % {"number": enforcement.number},
            body=lambda: (
                _(
                    "An enforcement file (%(number)s) was opened from the final judgment in case "
                    "%(case)s."
                )
                % {"number": enforcement.number, "case": case.number}
            ),
        )
    return enforcement


def period_notice_issue(
    *,
    actor,
    case_id,
    sub_row: int,
    subject: str,
    body: str,
    title: str,
    days: int,
    calendar: str = PeriodNotice.Calendar.CALENDAR,
) -> PeriodNotice:
    """A notice to one participant that starts a period of `days` from its service (CAS-8)."""
    if calendar not in PeriodNotice.Calendar.values:
        raise ValidationFailed(fields={"calendar": [_("Unknown calendar.")]})
    if not 1 <= int(days) <= 365:
        raise ValidationFailed(fields={"days": [_("Between 1 and 365 days.")]})
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        row = case.participants.filter(sub_row=sub_row, left_at__isnull=True).first()
        if row is None or not (row.user_id or row.legal_person_id):
            raise ValidationFailed(fields={"sub_row": [_("No participant with an account.")]})
        notice = issue_notice(
            actor=actor,
            branch=case.branch,
            recipient=row.user or row.legal_person,
            case_number=case.number,
            case_sub_row=row.sub_row,
            subject=subject,
            body=body,
        )
        period = PeriodNotice(
            notice=notice, case=case, title=title.strip()[:255], days=days, calendar=calendar
        )
        period.save()
    return period
