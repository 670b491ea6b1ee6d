"""Time-driven work of the offices app (run by `manage.py sweep`, every minute).

The sweeps compare stored timestamps with `now`, so a late sweep does what a punctual one
would have done, and running one twice changes nothing more.
"""

from datetime import datetime

from django.utils import timezone

from core.sweeping import sweep
from offices import scheduling, services
from offices.services import reminders


@sweep("offices.no_shows")
def no_shows(now: datetime) -> int:
    """APT-4: appointments still booked when their office's working day has ended."""
    return sum(
        services.appointment_mark_no_show(appointment_id=pk, now=now)
        for pk in services.due_no_shows(now)
    )


@sweep("offices.reminders")
def appointment_reminders(now: datetime) -> int:
    """The reminder SMS the day before each booked appointment, sent once (services.reminders)."""
    return sum(
        reminders.appointment_remind(appointment_id=pk, now=now)
        for pk in reminders.due_reminders(now)
    )


@sweep("offices.slots")
def generate_slots(now: datetime) -> int:
    """Open the next day of the booking horizon for every office (APT-2, APT-6)."""
    today = timezone.localdate(now)
    count = 0
    for office in services.offices_needing_slots(today):
        scheduling.generate(office, today, scheduling.horizon_end(today), now=now)
        count += 1
    return count


@sweep("offices.waitlist_offers")
def expire_offers(now: datetime) -> int:
    """Times offered from a waiting list and not taken in time pass to the next person."""
    return sum(
        services.waitlist_expire_offer(entry_id=pk, now=now) for pk in services.due_offers(now)
    )
