"""Service of notices (NOT-4, NOT-5, NOT-8): the recipient's first view, deemed service by
the sweep, and when a notice was served and what deadline runs from it."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import Forbidden, NotFound
from core.records import as_pk, locked, save_as
from core.transitions import apply_transition
from notices import selectors
from notices.calendars import get_calendar
from notices.models import Notice, NoticeView, ServiceKind
from notices.services.config import conf


# --- Viewing = service (NOT-4, NOT-5, NOT-8) -----------------------------------------------
def view_notice(*, actor, notice_id, ip: str | None = None) -> Notice:
    """The signed-in recipient (or an authorised person of a legal recipient) opens the
    notice. The first open is recorded once, atomically, and never changed; every open
    increases the view count. If this first open comes after the deemed-service moment
    (a late sweep), the notice was already deemed served at that moment (NOT-5).

    The issuer may read its notices but its reading is not a view (NOT-8): 403.
    """
    pk = as_pk(notice_id)
    recipient_side = selectors.recipient_filter(actor)
    now = timezone.now()
    with transaction.atomic():
        # One query finds the notice among the actor's own and locks its row: of two
        # simultaneous first opens, the second waits here and then sees the first's view.
        try:
            notice = locked(
                Notice.objects.select_related("branch", "recipient_legal").filter(recipient_side),
                pk,
            )
        except NotFound:
            if selectors.notices_visible_to(actor).filter(pk=pk).exists():
                raise Forbidden(
                    _("Only the recipient's opening of a notice counts as a view.")
                ) from None
            raise
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
                save_as(
                    notice,
                    actor=actor,
                    reason="first view",
                    update_fields=["first_viewed_at", "first_viewed_by", "view_count"],
                )
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
    limit = limit or conf("SWEEP_BATCH")
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
