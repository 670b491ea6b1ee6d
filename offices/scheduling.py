"""Slots from working hours, closures and capacity (APT-2).

Slots are stored rows, generated ahead for the booking horizon, so that booking can lock one
row and the database can refuse more bookings than seats. Generation is idempotent: it adds
the missing slots, updates the seats of future ones, and removes future slots that the hours
no longer contain, unless someone has booked them (those stay, for staff to handle).

An office has one track of slots shared by its services (its `slot_minutes` and
`slot_capacity`), and one more per service that has a schedule of its own
(`ServiceSchedule`): those slots carry the service and have their own length and seats.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from offices.models import Closure, Office, ServiceSchedule, Slot, WorkingHours


def local_tz():
    return ZoneInfo(settings.TIME_ZONE)


def aware(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=local_tz())


def horizon_end(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today + timedelta(days=settings.APPOINTMENTS["BOOKING_HORIZON_DAYS"])


def closed_days(office: Office, start: date, end: date) -> set[date]:
    return set(
        Closure.objects.filter(
            Q(office=office) | Q(office__isnull=True), date__gte=start, date__lte=end
        ).values_list("date", flat=True)
    )


def intervals(
    office: Office, day: date, hours=None, closed=None
) -> list[tuple[datetime, datetime]]:
    """The office's opening intervals on `day`, as aware datetimes (none on a closed day)."""
    if closed is None:
        closed = closed_days(office, day, day)
    if day in closed:
        return []
    if hours is None:
        hours = list(WorkingHours.objects.filter(office=office))
    return sorted(
        (aware(day, h.opens), aware(day, h.closes)) for h in hours if h.weekday == day.weekday()
    )


def day_end(office: Office, day: date) -> datetime | None:
    """The end of the office's working day (APT-4 counts a no-show from then)."""
    spans = intervals(office, day)
    return max(end for _start, end in spans) if spans else None


def tracks(office: Office) -> list[tuple[int | None, int, int]]:
    """(service id or None, slot minutes, seats) of each track of the office's slots."""
    own = ServiceSchedule.objects.filter(office=office).order_by("service_id")
    return [(None, office.slot_minutes, office.slot_capacity)] + [
        (s.service_id, s.slot_minutes, s.slot_capacity) for s in own
    ]


def slot_starts(
    office: Office, spans, minutes: int | None = None
) -> list[tuple[datetime, datetime]]:
    length = timedelta(minutes=minutes or office.slot_minutes)
    result = []
    for opens, closes in spans:
        start = opens
        while start + length <= closes:
            result.append((start, start + length))
            start += length
    return result


@transaction.atomic
def generate(
    office: Office, start: date | None = None, end: date | None = None, *, now=None
) -> dict[str, int]:
    now = now or timezone.now()
    start = start or timezone.localdate(now)
    end = end or horizon_end(timezone.localdate(now))
    hours = list(WorkingHours.objects.filter(office=office))
    closed = closed_days(office, start, end)
    spans = []
    day = start
    while day <= end:
        spans.extend(intervals(office, day, hours, closed))
        day += timedelta(days=1)
    # (service id, start) → (end, seats)
    wanted: dict[tuple[int | None, datetime], tuple[datetime, int]] = {}
    for service_id, minutes, seats in tracks(office):
        for slot_start, slot_end in slot_starts(office, spans, minutes):
            if slot_start > now:
                wanted[(service_id, slot_start)] = (slot_end, seats)

    future = Slot.objects.select_for_update().filter(
        office=office, day__gte=start, day__lte=end, starts_at__gt=now
    )
    existing = {(s.service_id, s.starts_at): s for s in future}
    removed = [s.pk for key, s in existing.items() if key not in wanted and s.booked == 0]
    if removed:
        Slot.objects.filter(pk__in=removed).delete()
    changed = [
        s
        for key, s in existing.items()
        if key in wanted and s.capacity != max(wanted[key][1], s.booked)
    ]
    for s in changed:
        s.capacity = max(wanted[(s.service_id, s.starts_at)][1], s.booked)
    if changed:
        Slot.objects.bulk_update(changed, ["capacity"])
    missing = [
        Slot(
            office=office,
            service_id=service_id,
            day=timezone.localtime(at, local_tz()).date(),
            starts_at=at,
            ends_at=until,
            capacity=seats,
        )
        for (service_id, at), (until, seats) in wanted.items()
        if (service_id, at) not in existing
    ]
    Slot.objects.bulk_create(missing, ignore_conflicts=True)
    if office.slots_generated_until is None or office.slots_generated_until < end:
        Office.objects.filter(pk=office.pk).update(slots_generated_until=end)
        office.slots_generated_until = end
    return {"created": len(missing), "removed": len(removed), "updated": len(changed)}
