"""Hearings (CAS-6): scheduled by the clerk, every participant served a notice; a new time
re-serves everyone; the result recorded; a personal, revocable .ics feed."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.exceptions import Conflict, NotFound, ValidationFailed
from core.records import as_pk, locked, save_as
from courts import selectors
from courts.models import Case, Hearing, HearingFeed, new_feed_token
from courts.services.cases import clerk_case
from notices.services import issue_notice


def _where(hearing: Hearing) -> str:
    return hearing.room or hearing.online_link or _("to be announced")


def serve_participants(case: Case, *, actor, subject, body) -> int:
    """A notice to every participant with an account (their sub-row), from the case's branch."""
    count = 0
    for row in selectors.participants(case):
        recipient = row.user or row.legal_person
        if recipient is None:
            continue
        language = getattr(row.user, "preferred_language", "") or "fa"
        with override(language):
            text_subject, text_body = str(subject()), str(body())
        issue_notice(
            actor=actor,
            branch=case.branch,
            recipient=recipient,
            case_number=case.number,
            case_sub_row=row.sub_row,
            subject=text_subject,
            body=text_body,
        )
        count += 1
    return count


def _check_time(starts_at: datetime, room: str, online_link: str) -> None:
    if starts_at <= timezone.now():
        raise ValidationFailed(fields={"starts_at": [_("A hearing is scheduled in the future.")]})
    if not (room or online_link):
        raise ValidationFailed(fields={"room": [_("Give a room or an online link.")]})


def _serve(hearing: Hearing, *, actor, moved: bool) -> int:
    case = hearing.case

    def subject():
        if moved:
            return _("New time for the hearing of case %(case)s") % {"case": case.number}
        return _("Hearing of case %(case)s") % {"case": case.number}

    def body():
        when = date_format(timezone.localtime(hearing.starts_at), "DATETIME_FORMAT")
        return _(
            "You are summoned to the hearing of case %(case)s at %(branch)s on %(when)s "
            "(%(where)s)."
        ) % {
            "case": case.number,
            "branch": case.branch.name,
            "when": when,
            "where": _where(hearing),
        }

    return serve_participants(case, actor=actor, subject=subject, body=body)


def hearing_schedule(
    *, actor, case_id, starts_at: datetime, room: str = "", online_link: str = ""
) -> Hearing:
    _check_time(starts_at, room, online_link)
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        hearing = Hearing(case=case, starts_at=starts_at, room=room, online_link=online_link)
        save_as(hearing, actor=actor, reason="scheduled")
        _serve(hearing, actor=actor, moved=False)
    return hearing


def _clerk_hearing(*, actor, case_id, hearing_id) -> Hearing:
    case = clerk_case(actor=actor, case_id=case_id)
    hearing = locked(Hearing.objects.filter(case=case), as_pk(hearing_id))
    hearing.case = case
    return hearing


def hearing_reschedule(
    *, actor, case_id, hearing_id, starts_at: datetime, room: str = "", online_link: str = ""
) -> Hearing:
    """A new time: every participant is served again (CAS-6)."""
    _check_time(starts_at, room, online_link)
    with transaction.atomic():
        hearing = _clerk_hearing(actor=actor, case_id=case_id, hearing_id=hearing_id)
        if hearing.status != Hearing.Status.SCHEDULED:
            raise Conflict(_("Only a scheduled hearing can move."), code="hearing_not_scheduled")
        hearing.starts_at = starts_at
        hearing.room, hearing.online_link = room, online_link
        hearing.sequence += 1
        save_as(hearing, actor=actor, reason="rescheduled")
        _serve(hearing, actor=actor, moved=True)
    return hearing


def hearing_record_result(*, actor, case_id, hearing_id, result: str, held: bool = True):
    if not (result or "").strip():
        raise ValidationFailed(fields={"result": [_("This field is required.")]})
    with transaction.atomic():
        hearing = _clerk_hearing(actor=actor, case_id=case_id, hearing_id=hearing_id)
        if hearing.status != Hearing.Status.SCHEDULED:
            raise Conflict(_("The result is already recorded."), code="hearing_not_scheduled")
        hearing.status = Hearing.Status.HELD if held else Hearing.Status.CANCELLED
        hearing.result = result.strip()
        hearing.sequence += 1
        save_as(hearing, actor=actor, reason="result recorded")
    return hearing


# --- The personal calendar feed ---------------------------------------------------------------
def feed_for(user) -> HearingFeed:
    feed, _created = HearingFeed.objects.get_or_create(user=user)
    return feed


def feed_renew(*, actor) -> HearingFeed:
    """Revoke the feed's address: a new token, the old URL answers 404."""
    with transaction.atomic():
        feed = feed_for(actor)
        feed.token = new_feed_token()
        feed.save(update_fields=["token", "created_at"])
    return feed


def feed_owner(token: str):
    feed = HearingFeed.objects.filter(token=str(token or "")).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise NotFound()
    return feed.user
