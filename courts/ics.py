"""Hearings as iCalendar (core.ics): one hearing to add to a calendar, or a person's feed
(CAS-6). Each hearing keeps its UID and a SEQUENCE that grows with every change, so a calendar
updates a moved hearing instead of adding a second one."""

from datetime import timedelta

from django.utils.translation import gettext as _

from core import ics


def event(hearing) -> list[str]:
    case = hearing.case
    where = hearing.room or hearing.online_link
    return ics.event(
        uid=f"{hearing.uid}@daftar",
        starts_at=hearing.starts_at,
        ends_at=hearing.starts_at + timedelta(hours=1),
        summary=_("Hearing of case %(case)s") % {"case": case.number},
        location=f"{case.branch.name} — {where}" if where else case.branch.name,
        sequence=hearing.sequence,
        cancelled=hearing.status == "cancelled",
        url=hearing.online_link or "",
    )


def calendar(hearings, *, name: str) -> str:
    return ics.calendar((event(h) for h in hearings), name=name, product="Court hearings")
