"""Every write of notices, and the small service API other apps call (NOT-1 … NOT-8).

Other apps use:

- `issue_notice(...)` (a court clerk of the branch) or `issue_board_notice(...)` (the
  discipline app, whose own service has already authorised its actor);
- `served_at(notice) -> (datetime | None, ServiceKind | None)`: when was it served, and how;
- `deadline_after_service(notice, days, calendar="calendar" | "working")`.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import jdatetime
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import LegalPerson, User
from accounts.roles import Role, has_role
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.messaging import send_email, send_sms
from core.transitions import apply_transition
from notices import delivery, selectors
from notices.calendars import get_calendar
from notices.models import (
    Branch,
    CasePassword,
    Notice,
    NoticeAttachment,
    NoticeCounter,
    NoticeView,
    ServiceKind,
    case_number_validator,
)

ALLOWED_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg"}


def _conf(key):
    return settings.NOTICES[key]


def deemed_service_period() -> timedelta:
    return timedelta(days=_conf("DEEMED_SERVICE_DAYS"))


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


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    content_type: str
    sha256: str


def check_attachment(upload) -> CheckedFile:
    """Type from the content (PDF or JPEG), size limit, and the file must open (NOT-1)."""
    name = getattr(upload, "name", "") or "attachment"
    size = getattr(upload, "size", None)
    limit = _conf("ATTACHMENT_MAX_BYTES")
    if size is not None and size > limit:
        raise ValidationFailed(
            fields={"attachments": [_("File %(name)s is too large.") % {"name": name}]}
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    content = upload.read() if hasattr(upload, "read") else bytes(upload)
    if len(content) > limit:
        raise ValidationFailed(
            fields={"attachments": [_("File %(name)s is too large.") % {"name": name}]}
        )
    from filings.attachments import Refused, inspect_content

    try:
        fmt = inspect_content(content, name=name, formats=("pdf", "jpeg"))
    except Refused as refused:
        # The same content checks as filings: opens in full, no bomb, script, encryption or
        # hidden second file.
        raise ValidationFailed(fields={"attachments": [str(refused)]}) from None
    mime = {"pdf": "application/pdf", "jpeg": "image/jpeg"}[fmt]
    return CheckedFile(
        name=name[-255:],
        content=content,
        content_type=mime,
        sha256=hashlib.sha256(content).hexdigest(),
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
    if len(attachments) > _conf("ATTACHMENT_MAX_COUNT"):
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
    recipient: User | LegalPerson,
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
    by_delivery = _conf("SERVICE_STARTS_AT") == "delivery"
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
        notice._history_user = actor if getattr(actor, "pk", None) else None
        notice._change_reason = "issued"
        notice.save()
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
            _alert_recipient(notice)
    return notice


def _alert_contacts(notice: Notice) -> list[tuple[str, str, User | None, str]]:
    """(mobile, email, user, language) for each alert. A legal person is alerted on its
    registered contacts, or — if it has none — through its authorised persons."""
    if notice.recipient_user_id:
        u = notice.recipient_user
        return [(str(u.mobile or ""), u.email, u, u.preferred_language or "fa")]
    legal = notice.recipient_legal
    if legal.mobile or legal.email:
        return [(str(legal.mobile or ""), legal.email, None, settings.LANGUAGE_CODE)]
    from accounts.models import Representation

    reps = Representation.objects.filter(
        legal_person=legal, revoked_at__isnull=True
    ).select_related("user")
    return [
        (str(r.user.mobile or ""), r.user.email, r.user, r.user.preferred_language or "fa")
        for r in reps
    ]


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
        "days": _conf("DEEMED_SERVICE_DAYS"),
    }
    return subject, body


def _alert_recipient(notice: Notice) -> None:
    for mobile, email, user, language in _alert_contacts(notice):
        with translation.override(language):
            subject, body = alert_text(notice)
        if mobile:
            send_sms(to=mobile, body=body, purpose="notices.issued", user=user)
        if email:
            send_email(to=email, subject=subject, body=body, purpose="notices.issued", user=user)


# --- Viewing = service (NOT-4, NOT-5, NOT-8) -----------------------------------------------
def view_notice(*, actor, notice_id, ip: str | None = None) -> Notice:
    """The signed-in recipient (or an authorised person of a legal recipient) opens the
    notice. The first open is recorded once, atomically, and never changed; every open
    increases the view count. If this first open comes after the deemed-service moment
    (a late sweep), the notice was already deemed served at that moment (NOT-5).

    The issuer may read its notices but its reading is not a view (NOT-8): 403.
    """
    try:
        pk = int(notice_id)
    except (TypeError, ValueError):
        raise NotFound() from None
    recipient_side = selectors.recipient_filter(actor)
    now = timezone.now()
    with transaction.atomic():
        # One query finds the notice among the actor's own and locks its row: of two
        # simultaneous first opens, the second waits here and then sees the first's view.
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("branch", "recipient_legal")
            .filter(recipient_side, pk=pk)
            .first()
        )
        if notice is None:
            if selectors.notices_visible_to(actor).filter(pk=pk).exists():
                raise Forbidden(_("Only the recipient's opening of a notice counts as a view."))
            raise NotFound()
        first = notice.first_viewed_at is None
        count = notice.view_count + 1
        if first:
            notice.first_viewed_at = now
            notice.first_viewed_by = actor
            notice.view_count = F("view_count") + 1
            if notice.status == Notice.Status.PENDING:
                due = notice.deemed_service_due_at
                if due is not None and now >= due:
                    # Opened only after the period ended (and before the sweep came): it
                    # was deemed served at the end of the period (NOT-5).
                    apply_transition(
                        notice,
                        "deem_served",
                        actor=None,
                        actor_label="system:deemed-service",
                        reason="first view after the deemed-service moment",
                        at=due,
                    )
                else:
                    apply_transition(
                        notice, "serve_on_first_view", actor=actor, reason="first view", at=now
                    )
            else:
                notice._history_user = actor
                notice._change_reason = "first view"
                notice.save(update_fields=["first_viewed_at", "first_viewed_by", "view_count"])
        else:
            Notice.objects.filter(pk=pk).update(view_count=F("view_count") + 1)
        # The row is locked until commit, so the count read above plus one is the stored one.
        notice.view_count = count
        NoticeView.objects.create(
            notice_id=pk, viewer=actor, viewed_at=now, first=first, ip=ip or None
        )
    return notice


# --- Deemed service (NOT-5) ----------------------------------------------------------------
def deem_overdue_notices(*, now: datetime, limit: int | None = None) -> int:
    """Deem served every unviewed notice whose period has ended, at the end of that period
    (not at `now`): a late run records the same moment as a punctual one, and a second run
    finds nothing left to do."""
    limit = limit or _conf("SWEEP_BATCH")
    done = 0
    with transaction.atomic():
        overdue = (
            Notice.objects.select_for_update(of=("self",), skip_locked=True)
            .filter(
                status=Notice.Status.PENDING,
                first_viewed_at__isnull=True,
                deemed_service_due_at__lte=now,
            )
            .order_by("deemed_service_due_at", "id")[:limit]
        )
        for notice in overdue:
            apply_transition(
                notice,
                "deem_served",
                actor=None,
                actor_label="system:sweep",
                reason="not visited within the period (NOT-5)",
                at=notice.deemed_service_due_at,
            )
            done += 1
    return done


# --- Service API for other apps (NOT-4, NOT-5) -------------------------------------------------
def served_at(notice: Notice, *, now: datetime | None = None) -> tuple[datetime | None, str | None]:
    """When was this notice served, and how: (moment, ServiceKind) or (None, None).

    A notice whose deemed-service moment has passed is reported as deemed served at that
    moment even before the sweep has recorded it.
    """
    if notice.served_at is not None:
        return notice.served_at, ServiceKind(notice.service_kind)
    now = now or timezone.now()
    due = notice.deemed_service_due_at
    if (
        due is not None
        and now >= due
        and (notice.first_viewed_at is None or notice.first_viewed_at >= due)
    ):
        return due, ServiceKind.DEEMED
    return None, None


@dataclass(frozen=True)
class Deadline:
    served_at: datetime
    service_kind: str
    days: int
    calendar: str
    last_day: date
    ends_at: datetime  # an act is in time if done before this moment (local midnight)

    def is_open(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) < self.ends_at


def deadline_after_service(
    notice: Notice, days: int, calendar: str = "calendar", *, now=None
) -> Deadline | None:
    """The deadline `days` days after service, or None while the notice is not served.

    The day of service is not counted; with calendar="working", weekend days and holidays
    are skipped (notices.calendars). The period ends at midnight, local time, at the end of
    its last day.
    """
    moment, kind = served_at(notice, now=now)
    if moment is None:
        return None
    last_day = get_calendar(calendar).add(timezone.localdate(moment), int(days))
    tz = timezone.get_current_timezone()
    ends_at = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    return Deadline(
        served_at=moment,
        service_kind=kind,
        days=int(days),
        calendar=calendar,
        last_day=last_day,
        ends_at=ends_at,
    )


# --- Case passwords (NOT-6) ------------------------------------------------------------------
def set_case_password(
    *,
    actor,
    case_number: str,
    person: User | LegalPerson,
    role: str,
    password: str | None = None,
    notify=True,
) -> str:
    """Give (or replace) a person's own password for a case; only the hash is kept.

    Court clerks set them at case registration. Returns the password once; with `notify`,
    it is sent by SMS to the person's registered mobile (the kept copy is redacted).
    """
    if not getattr(actor, "is_authenticated", False) or not (
        actor.is_superuser or has_role(actor, Role.COURT_CLERK)
    ):
        raise Forbidden()
    case_number = str(case_number or "").strip()
    try:
        case_number_validator(case_number)
    except DjangoValidationError:
        raise ValidationFailed(
            fields={"case_number": [_("A case number has exactly 16 digits.")]}
        ) from None
    if role not in CasePassword.Role.values:
        raise ValidationFailed(fields={"role": [_("Unknown role.")]})
    if not isinstance(person, (User, LegalPerson)) or person.pk is None:
        raise NotFound()
    password = password or "".join(secrets.choice("23456789") for _digit in range(8))
    lookup = {"user": person} if isinstance(person, User) else {"legal_person": person}
    with transaction.atomic():
        row, created = CasePassword.objects.select_for_update().get_or_create(
            case_number=case_number,
            **lookup,
            defaults={"role": role, "password_hash": make_password(password), "created_by": actor},
        )
        if not created:
            row.role = role
            row.password_hash = make_password(password)
            row._history_user = actor
            row.save()
        mobile = getattr(person, "mobile", None)
        if notify and mobile:
            send_sms(
                to=str(mobile),
                body=_("Your password for case %(case)s: %(password)s")
                % {"case": case_number, "password": password},
                purpose="notices.case_password",
                user=person if isinstance(person, User) else None,
                secret=password,
            )
    return password
