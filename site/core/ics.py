"""Events as iCalendar (RFC 5545), for every app's calendar files (court hearings, office
appointments). Times are written in UTC; an event keeps its UID and a SEQUENCE that grows with
every change, so a calendar updates a moved or cancelled event instead of adding a second one."""

from datetime import UTC

from django.utils import timezone


def escape(text: str) -> str:
    return (
        str(text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
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


def stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event(
    *,
    uid: str,
    starts_at,
    ends_at,
    summary: str,
    location: str = "",
    description: str = "",
    sequence: int = 0,
    cancelled: bool = False,
    url: str = "",
) -> list[str]:
    """One VEVENT's lines (unfolded)."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp(timezone.now())}",
        f"DTSTART:{stamp(starts_at)}",
        f"DTEND:{stamp(ends_at)}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{escape(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines.append(f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, name: str, product: str) -> str:
    """A VCALENDAR of `events` (each a list of lines from `event`), folded, CRLF-terminated."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Daftar//{product}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for lines_of_event in events:
        lines.extend(lines_of_event)
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
