"""Issuing notices (NOT-1, NOT-2, NOT-8): by a court branch's clerk, or for a discipline
board; the recipient is alerted by SMS and e-mail."""

from datetime import datetime

import jdatetime
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import LegalPerson, Representation, User
from accounts.roles import Role, has_role
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.notify import notify
from core.records import save_as
from core.uploads import CheckedFile, check_upload
from notices import delivery, selectors
from notices.models import (
    Branch,
    Notice,
    NoticeAttachment,
    NoticeCounter,
    ServiceKind,
    case_number_validator,
)
from notices.services.config import conf, deemed_service_period

FORMATS = ("pdf", "jpeg")


# --- Issuing (NOT-1, NOT-2, NOT-8) -----------------------------------------------------------
def can_issue(actor, branch: Branch) -> bool:
    """Court clerks issue for the court branches they are clerks of (NOT-1)."""
    if not getattr(actor, "is_authenticated", False):
        return False
    if actor.is_superuser:
        return True
    if branch.kind != Branch.Kind.COURT or not has_role(actor, Role.COURT_CLERK):
        return False
    return branch.pk in selectors.issuing_branch_ids(actor)


def check_attachment(upload) -> CheckedFile:
    """Type from the content (PDF or JPEG), size limit, and the file must open (NOT-1): the
    site's one upload check, refusing on `attachments`."""
    return check_upload(
        upload,
        field="attachments",
        formats=FORMATS,
        max_bytes=conf("ATTACHMENT_MAX_BYTES"),
    )


def _next_notice_number(now: datetime) -> str:
    """Jalali year of issue + a 14-digit counter of that year: 18 digits, unique."""
    year = jdatetime.date.fromgregorian(date=timezone.localdate(now)).year
    NoticeCounter.objects.get_or_create(year=year)
    NoticeCounter.objects.filter(year=year).update(last=F("last") + 1)
    last = NoticeCounter.objects.filter(year=year).values_list("last", flat=True).get()
    return f"{year:04d}{last:014d}"


def _validate(*, recipient, case_number, case_sub_row, subject, body, issued_at, attachments, now):
    errors = {}
    if isinstance(recipient, str):
        if not recipient.strip():
            errors["recipient"] = [_("Name one recipient account, natural or legal.")]
    elif not isinstance(recipient, (User, LegalPerson)) or recipient.pk is None:
        errors["recipient"] = [_("Name one recipient account, natural or legal.")]
    elif isinstance(recipient, User) and recipient.status == User.Status.DISABLED:
        errors["recipient"] = [_("The recipient's account is not active.")]
    case_number = str(case_number or "").strip()
    try:
        case_number_validator(case_number)
    except DjangoValidationError as exc:
        errors["case_number"] = [str(m) for m in getattr(exc, "messages", [exc])]
    try:
        case_sub_row = int(case_sub_row)
        if case_sub_row < 1:
            raise ValueError
    except (TypeError, ValueError):
        errors["case_sub_row"] = [_("The sub-row is a positive number.")]
    if not str(subject or "").strip():
        errors["subject"] = [_("This field is required.")]
    elif len(subject) > 255:
        errors["subject"] = [_("At most 255 characters.")]
    if not str(body or "").strip():
        errors["body"] = [_("This field is required.")]
    if issued_at is not None and issued_at > now:
        errors["issued_at"] = [_("The issue time cannot be in the future.")]
    if len(attachments) > conf("ATTACHMENT_MAX_COUNT"):
        errors["attachments"] = [_("Too many attachments.")]
    if errors:
        raise ValidationFailed(fields=errors)
    return case_number, case_sub_row


def issue_notice(
    *,
    actor,
    branch: Branch,
    recipient: User | LegalPerson | str,
    case_number: str,
    case_sub_row: int = 1,
    subject: str,
    body: str,
    attachments=(),
    issued_at: datetime | None = None,
) -> Notice:
    """Issue a notice in the name of a court branch the actor is a clerk of (NOT-1).

    `recipient` is an account, a legal person, or a national ID (ID-9): a notice for a national
    ID without a verified account waits and is delivered when one is verified. Otherwise the
    notice reaches the recipient's account at once: that is its delivery (NOT-4). The
    recipient is alerted by SMS and email with no link that could mark it viewed (NOT-2,
    NOT-8).
    """
    if not can_issue(actor, branch):
        raise Forbidden()
    return _issue(
        actor=actor,
        branch=branch,
        recipient=recipient,
        case_number=case_number,
        case_sub_row=case_sub_row,
        subject=subject,
        body=body,
        attachments=attachments,
        issued_at=issued_at,
    )


def issue_board_notice(
    *,
    actor,
    board_code: str,
    board_name: str,
    recipient: User | LegalPerson | str,
    case_number: str,
    case_sub_row: int = 1,
    subject: str,
    body: str,
    attachments=(),
) -> Notice:
    """For the discipline app: serve a board's paper (a ruling, a summons) through the notice
    system. The calling service has already authorised `actor` for its board; the board is
    recorded as the issuing branch (kind "board")."""
    branch, _created = Branch.objects.get_or_create(
        code=board_code, defaults={"name": board_name, "kind": Branch.Kind.BOARD}
    )
    if branch.kind != Branch.Kind.BOARD:
        raise Conflict(_("This code belongs to a court branch."), code="not_a_board")
    return _issue(
        actor=actor,
        branch=branch,
        recipient=recipient,
        case_number=case_number,
        case_sub_row=case_sub_row,
        subject=subject,
        body=body,
        attachments=attachments,
        issued_at=None,
    )


def issue_system_notice(
    *,
    branch_code: str,
    branch_name: str,
    recipient: User | LegalPerson,
    case_number: str,
    case_sub_row: int = 1,
    subject: str,
    body: str,
) -> Notice:
    """For other apps: a notice the system itself issues, in the name of a branch with no
    clerks, so that no staff member reads it as its issuer (a case password, CAS-7). The
    calling service has already decided that it is due."""
    branch, _created = Branch.objects.get_or_create(
        code=branch_code, defaults={"name": branch_name, "kind": Branch.Kind.COURT}
    )
    if branch.clerks.exists():
        raise Conflict(_("This branch has clerks."), code="not_a_system_branch")
    return _issue(
        actor=None,
        branch=branch,
        recipient=recipient,
        case_number=case_number,
        case_sub_row=case_sub_row,
        subject=subject,
        body=body,
        attachments=(),
        issued_at=None,
    )


def _issue(
    *, actor, branch, recipient, case_number, case_sub_row, subject, body, attachments, issued_at
):
    now = timezone.now()
    attachments = list(attachments or ())
    case_number, case_sub_row = _validate(
        recipient=recipient,
        case_number=case_number,
        case_sub_row=case_sub_row,
        subject=subject,
        body=body,
        issued_at=issued_at,
        attachments=attachments,
        now=now,
    )
    checked = [check_attachment(f) for f in attachments]
    by_delivery = conf("SERVICE_STARTS_AT") == "delivery"
    # ID-9: only an account whose identity is verified receives what is addressed to its
    # national ID; otherwise the notice waits for one (delivery.deliver_waiting).
    user, waiting_for = delivery.addressee(recipient)
    if waiting_for:
        moments = {"status": Notice.Status.WAITING}
    else:
        moments = {
            "delivered_at": now,
            "deemed_service_due_at": None if by_delivery else now + deemed_service_period(),
            "served_at": now if by_delivery else None,
            "service_kind": ServiceKind.DELIVERY if by_delivery else "",
            "status": Notice.Status.SERVED if by_delivery else Notice.Status.PENDING,
        }
    with transaction.atomic():
        notice = Notice(
            notice_number=_next_notice_number(now),
            case_number=case_number,
            case_sub_row=case_sub_row,
            issued_at=issued_at or now,
            subject=subject.strip(),
            body=body,
            branch=branch,
            issued_by=actor if getattr(actor, "pk", None) else None,
            recipient_user=user,
            recipient_legal=recipient if isinstance(recipient, LegalPerson) else None,
            addressed_national_id=waiting_for or getattr(user, "national_id", ""),
            **moments,
        )
        save_as(notice, actor=actor, reason="issued")
        for item in checked:
            attachment = NoticeAttachment(
                notice=notice,
                original_name=item.name,
                content_type=item.content_type,
                size=len(item.content),
                sha256=item.sha256,
            )
            attachment.file.save("upload", ContentFile(item.content), save=False)
            attachment.save()
        if not waiting_for:
            alert_recipient(notice)
    return notice


def _alert_contacts(notice: Notice) -> list[tuple[User | None, str, str]]:
    """(account, mobile, email) for each alert. A legal person is alerted on its registered
    contacts (in the site's language), or — if it has none — through its authorised
    persons."""
    if notice.recipient_user_id:
        u = notice.recipient_user
        return [(u, str(u.mobile or ""), u.email)]
    legal = notice.recipient_legal
    if legal.mobile or legal.email:
        return [(None, str(legal.mobile or ""), legal.email)]
    reps = Representation.objects.filter(
        legal_person=legal, revoked_at__isnull=True
    ).select_related("user")
    return [(r.user, str(r.user.mobile or ""), r.user.email) for r in reps]


def alert_text(notice: Notice) -> tuple[str, str]:
    """The subject and body of the alert (NOT-2). They deliberately carry no link of any
    kind, and no content of the notice: only signing in and opening it serves it (NOT-8)."""
    subject = _("New electronic notice %(number)s") % {"number": notice.notice_number}
    body = _(
        "A new notice (number %(number)s) has been issued for you by %(branch)s. "
        "To read it, sign in to the electronic notice system and open it from your new notices. "
        "Opening it counts as service; not opening it within %(days)s days counts as refusal "
        "to accept it, and it is then deemed served."
    ) % {
        "number": notice.notice_number,
        "branch": notice.branch.name,
        "days": conf("DEEMED_SERVICE_DAYS"),
    }
    return subject, body


def alert_recipient(notice: Notice) -> None:
    for user, mobile, email in _alert_contacts(notice):
        notify(
            user,
            purpose="notices.issued",
            body=lambda: alert_text(notice)[1],
            subject=lambda: alert_text(notice)[0],
            sms=bool(mobile),
            to=mobile or None,
            email=bool(email),
            email_to=email or None,
        )
