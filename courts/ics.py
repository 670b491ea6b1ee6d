"""Hearings as iCalendar (RFC 5545): one hearing to add to a calendar, or a person's feed
(CAS-6). Times are written in UTC; each hearing keeps its UID and a SEQUENCE that grows with
every change, so a calendar updates a moved hearing instead of adding a second one."""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _


def _escape(text: str) -> str:
    return (
        str(text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 §3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start = [], 0
    while start < len(data):
        size = 75 if start == 0 else 74
        end = min(start + size, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode())
        start = end
    return "\r\n ".join(parts)


def _stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event(hearing) -> list[str]:
    case = hearing.case
    summary = _("Hearing of case %(case)s") % {"case": case.number}
    where = hearing.room or hearing.online_link
    lines = [
        "BEGIN:VEVENT",
        f"UID:{hearing.uid}@daftar",
        f"DTSTAMP:{_stamp(timezone.now())}",
        f"DTSTART:{_stamp(hearing.starts_at)}",
        f"DTEND:{_stamp(hearing.starts_at + timedelta(hours=1))}",
        f"SEQUENCE:{hearing.sequence}",
        f"SUMMARY:{_escape(summary)}",
        f"LOCATION:{_escape(f'{case.branch.name} — {where}' if where else case.branch.name)}",
        f"STATUS:{'CANCELLED' if hearing.status == 'cancelled' else 'CONFIRMED'}",
    ]
    if hearing.online_link:
        lines.append(f"URL:{hearing.online_link}")
    lines.append("END:VEVENT")
    return lines


def calendar(hearings, *, name: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Daftar//Court hearings//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for hearing in hearings:
        lines.extend(event(hearing))
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
