"""The signed-in user's desk (/portal/): what waits for them, in one page, per role.

Each panel is a count and the first few items of one section the user's roles open
(`accounts.navigation.sections_for`), read through that app's own selectors (so each panel
shows only what the user may see), and a link to the section itself.
"""

from dataclasses import dataclass, field

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from accounts.navigation import section_keys
from accounts.roles import OFFICE_STAFF_ROLES, Role, has_role
from discipline import selectors as discipline_selectors
from filings import selectors as filing_selectors
from filings.court import awaiting_court
from filings.models import Filing
from licensing import selectors as licensing_selectors
from notices import selectors as notice_selectors
from offices import selectors as office_selectors
from offices.models import Appointment

SHOWN = 5


@dataclass
class Panel:
    key: str
    title: str
    url: str
    count: int
    empty: str
    items: list = field(default_factory=list)


def _item(text, url="", when=None, extra=""):
    return {"text": text, "url": url, "when": when, "extra": extra}


def _notices(user) -> Panel:
    unseen = notice_selectors.inbox(actor=user, seen=False)
    return Panel(
        "notices",
        _("New notices"),
        reverse("notices:inbox"),
        unseen.count(),
        _("No new notices."),
        [
            _item(n.subject, reverse("notices:notice", args=[n.pk]), n.issued_at, n.branch.name)
            for n in unseen[:SHOWN]
        ],
    )


def _my_appointments(user) -> Panel:
    coming = office_selectors.appointments_of(user).filter(
        status=Appointment.Status.BOOKED, starts_at__gte=timezone.now()
    )
    return Panel(
        "appointments",
        _("My coming appointments"),
        reverse("offices_portal:mine"),
        coming.count(),
        _("No coming appointments."),
        [
            _item(a.office.name, reverse("offices_portal:mine"), a.starts_at, a.service.name)
            for a in coming.order_by("starts_at")[:SHOWN]
        ],
    )


def _to_verify(user) -> Panel:
    waiting = filing_selectors.office_queue(actor=user).filter(status=Filing.Status.SENT)
    return Panel(
        "office_queue",
        _("Filings to verify"),
        reverse("filings:queue"),
        waiting.count(),
        _("No filings wait for the office."),
        [
            _item(f.tracking_code or f.subject, reverse("filings:filing", args=[f.pk]), f.sent_at)
            for f in waiting[:SHOWN]
        ],
    )


def _todays_appointments(user) -> Panel:
    today = timezone.localdate()
    offices = office_selectors.offices_staffed_by(user)
    day = (
        Appointment.objects.filter(office__in=offices, day=today)
        .select_related("office", "service")
        .order_by("starts_at", "id")
    )
    return Panel(
        "today",
        _("Today's appointments"),
        "",
        day.count(),
        _("No appointments today."),
        [_item(a.service.name, "", a.starts_at, a.get_status_display()) for a in day[: SHOWN * 2]],
    )


def _court(user) -> Panel:
    waiting = awaiting_court(user)
    return Panel(
        "court_queue",
        _("Filings awaiting the court"),
        reverse("filings:court-queue"),
        waiting.count(),
        _("No filings wait for the court."),
        [
            _item(
                f.tracking_code,
                reverse("filings:court-decision", args=[f.pk, "accept"]),
                f.forwarded_at,
                f.subject,
            )
            for f in waiting[:SHOWN]
        ],
    )


def _requests(user) -> Panel:
    waiting = licensing_selectors.request_queue(user).select_related("office")
    return Panel(
        "licensing",
        _("Licence requests at my step"),
        reverse("licensing:queue"),
        waiting.count(),
        _("No licence requests wait for you."),
        [
            _item(
                f"{r.get_kind_display()} — {r.office.name}",
                reverse("licensing:request", args=[r.pk]),
                r.submitted_at,
                r.get_status_display(),
            )
            for r in waiting[:SHOWN]
        ],
    )


def _agenda(user) -> Panel:
    sessions = discipline_selectors.agenda(user)
    return Panel(
        "discipline",
        _("My board's agenda"),
        reverse("discipline:dashboard"),
        sessions.count(),
        _("No hearings on the agenda."),
        [
            _item(
                s.case.number,
                reverse("discipline:case", args=[s.case_id]),
                s.scheduled_for,
                s.case.office.name if s.case.office_id else "",
            )
            for s in sessions[:SHOWN]
        ],
    )


def panels_for(user) -> list[Panel]:
    """The panels of the user's desk, in the navigation's order."""
    keys = set(section_keys(user))
    panels = [_notices(user)]
    if not has_role(user, *OFFICE_STAFF_ROLES):
        panels.append(_my_appointments(user))
    if "office_queue" in keys:
        panels += [_to_verify(user), _todays_appointments(user)]
    if "court_queue" in keys:
        panels.append(_court(user))
    if "licensing" in keys:
        panels.append(_requests(user))
    if "discipline" in keys and has_role(user, Role.BOARD_MEMBER):
        panels.append(_agenda(user))
    return panels


class HomePage(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, "portal/home.html", {"panels": panels_for(request.user)})
