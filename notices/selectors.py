"""Every read of notices, already filtered by who is asking (NOT-3, NOT-7).

Who sees a notice: its recipient; for a legal recipient, each person it has authorised (an
open Representation *and* the `accounts.act_for_legalperson` object permission); and the
clerks of the issuing branch. Nobody else — a forbidden notice looks exactly like a missing
one.
"""

from datetime import date

from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts import identity
from accounts.models import LegalPersonUserObjectPermission, Representation
from accounts.roles import Role, has_role
from core import lockout
from core.exceptions import NotFound
from notices.models import Branch, CasePassword, Notice

# Checked when no case password exists, so a miss costs the same time as a wrong password.
_DUMMY_HASH = None


def represented_legal_person_ids(user) -> list[int]:
    """Legal persons `user` may act for now (NOT-7). Cached on the user object per request."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_notices_legal_ids", None)
    if cached is None:
        granted = LegalPersonUserObjectPermission.objects.filter(
            user_id=user.pk,
            permission__codename="act_for_legalperson",
            permission__content_type__app_label="accounts",
        ).values("content_object_id")
        cached = list(
            Representation.objects.filter(
                user_id=user.pk, revoked_at__isnull=True, legal_person_id__in=granted
            )
            .values_list("legal_person_id", flat=True)
            .distinct()
        )
        user._notices_legal_ids = cached
    return cached


def recipient_filter(user) -> Q:
    """The notices addressed to `user` or to a legal person `user` acts for. Nothing for an
    account whose identity is not verified (ID-9): it has no right to what is addressed to
    its national ID, nor to act on a legal person's notices."""
    if not getattr(user, "is_authenticated", False) or not identity.has_level(user, "notices"):
        return Q(pk__in=[])
    legal_ids = represented_legal_person_ids(user)
    q = Q(recipient_user_id=user.pk)
    if legal_ids:
        q |= Q(recipient_legal_id__in=legal_ids)
    return q


def issuing_branch_ids(user) -> list[int]:
    """Branches whose notices `user` may issue and read as the issuer."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_notices_branch_ids", None)
    if cached is None:
        if user.is_superuser:
            cached = list(Branch.objects.values_list("pk", flat=True))
        elif has_role(user, Role.COURT_CLERK, Role.BOARD_MEMBER):
            cached = list(user.notice_branches.values_list("pk", flat=True))
        else:
            cached = []
        user._notices_branch_ids = cached
    return cached


def inbox(*, actor, seen: bool | None = None) -> QuerySet[Notice]:
    """The recipient's notices (own and of the legal persons they act for), newest first."""
    if not getattr(actor, "is_authenticated", False):
        return Notice.objects.none()
    qs = Notice.objects.filter(recipient_filter(actor))
    if seen is True:
        qs = qs.filter(first_viewed_at__isnull=False)
    elif seen is False:
        qs = qs.filter(first_viewed_at__isnull=True)
    return qs.select_related("branch", "recipient_legal").order_by("-issued_at", "-id")


def unseen_count(*, actor) -> int:
    return inbox(actor=actor, seen=False).count()


def notices_visible_to(actor) -> QuerySet[Notice]:
    """Everything `actor` may read: as recipient, as authorised person or as issuer."""
    if not getattr(actor, "is_authenticated", False):
        return Notice.objects.none()
    q = recipient_filter(actor)
    branches = issuing_branch_ids(actor)
    if branches:
        q |= Q(branch_id__in=branches)
    return Notice.objects.filter(q).select_related("branch", "recipient_user", "recipient_legal")


def issued_by_branches(*, actor) -> QuerySet[Notice]:
    """The issuer's list: notices of the branches `actor` is a clerk of."""
    return (
        Notice.objects.filter(branch_id__in=issuing_branch_ids(actor))
        .select_related("branch", "recipient_user", "recipient_legal")
        .order_by("-issued_at", "-id")
    )


def get_notice(*, actor, notice_id) -> Notice:
    """One notice `actor` may read, or NotFound (missing and forbidden look the same)."""
    try:
        return notices_visible_to(actor).get(pk=int(notice_id))
    except (Notice.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def is_recipient_side(actor, notice: Notice) -> bool:
    """The recipient, or an authorised person of a legal recipient (whose open serves)."""
    if not getattr(actor, "is_authenticated", False):
        return False
    if notice.recipient_user_id is not None:
        return notice.recipient_user_id == actor.pk
    return notice.recipient_legal_id in represented_legal_person_ids(actor)


def is_issuer_side(actor, notice: Notice) -> bool:
    return notice.branch_id in issuing_branch_ids(actor)


def visible_attachment(*, actor, notice_id, attachment_id):
    """An attachment of a notice `actor` may read; NotFound otherwise (NOT-7)."""
    notice = get_notice(actor=actor, notice_id=notice_id)
    attachment = notice.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise NotFound()
    return notice, attachment


# --- Retrieval (NOT-3, NOT-6) -------------------------------------------------------------
def case_password_keys(*, actor, ip: str | None = None) -> list[lockout.Key]:
    """What a wrong case password counts against (ID-7, ID-11): the signed-in account that
    guesses, not the source address — a lock on the address would keep out everyone behind
    it (an office, a company's network) for one person's guesses."""
    return [lockout.Key("notices.case_password", str(actor.pk))]


def by_case_password(*, actor, case_number: str, sub_row: int, password: str, ip=None):
    """The notices of a case + sub-row addressed to the holder of `password` (NOT-6).

    The password must be the caller's own for the case (or that of a legal person they act
    for). A wrong password, an unknown case and someone else's case all raise the same
    NotFound, and each counts toward the lockout of the account and the source address.
    Must not run inside a transaction that rolls back (the failure count must stay).
    """
    global _DUMMY_HASH
    identity.require_level(actor, "case_access")
    keys = case_password_keys(actor=actor, ip=ip)
    lockout.ensure_not_locked(keys)
    legal_ids = represented_legal_person_ids(actor)
    candidates = list(
        CasePassword.objects.filter(
            Q(user_id=actor.pk) | Q(legal_person_id__in=legal_ids),
            case_number=str(case_number or "").strip(),
        )
    )
    matched = [c for c in candidates if check_password(password or "", c.password_hash)]
    if not candidates:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = make_password("not-a-case-password")
        check_password(password or "", _DUMMY_HASH)
    if not matched:
        lockout.guarded_failure(keys)
        raise NotFound()
    q = Q()
    for c in matched:
        q |= (
            Q(recipient_user_id=c.user_id) if c.user_id else Q(recipient_legal_id=c.legal_person_id)
        )
    return (
        Notice.objects.filter(q, case_number=case_number, case_sub_row=sub_row)
        .select_related("branch", "recipient_legal")
        .order_by("-issued_at", "-id")
    )


def by_number(*, actor, notice_number: str, issue_date: date) -> Notice:
    """The caller's own notice (or one of a legal person they act for) with this number and
    issue date (NOT-3). Someone else's notice answers NotFound, like a missing one."""
    identity.require_level(actor, "notices")
    notice = (
        Notice.objects.filter(recipient_filter(actor), notice_number=str(notice_number).strip())
        .select_related("branch", "recipient_legal")
        .first()
    )
    if notice is None:
        raise NotFound()
    if timezone.localdate(notice.issued_at) != issue_date:
        raise NotFound()
    return notice
