"""The reminder SMS the day before an appointment (a sweep, `offices.reminders`).

Sent once per appointment and time: the `AppointmentReminder` row is written in the same
transaction as the SMS's outbox row, and its unique constraint refuses a second, so a sweep
run twice, or two runners that read the same due list, queue one SMS. A reminder is due from
APPOINTMENTS["REMINDER_FROM"] (local time) on the day before the appointment's day; one
booked on that day itself (its booking SMS has just told the time) gets none.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from offices import notifications, scheduling
from offices.models import Appointment, AppointmentReminder


def due_reminders(now: datetime, limit: int = 1000) -> list[int]:
    today = timezone.localdate(now)
    reminder_from = scheduling.aware(today, settings.APPOINTMENTS["REMINDER_FROM"])
    if now < reminder_from:
        return []
    reminded = AppointmentReminder.objects.filter(
        appointment=OuterRef("pk"), starts_at=OuterRef("starts_at")
    )
    return list(
        Appointment.objects.filter(
            status=Appointment.Status.BOOKED,
            day=today + timedelta(days=1),
            booked_at__lt=scheduling.aware(today, datetime.min.time()),
        )
        .filter(~Exists(reminded))
        .order_by("starts_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def appointment_remind(*, appointment_id: int, now: datetime | None = None) -> bool:
    """Queue the reminder of one appointment unless it was queued already; True if queued."""
    now = now or timezone.now()
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_related("user", "office")
            .filter(pk=appointment_id, status=Appointment.Status.BOOKED, starts_at__gt=now)
            .first()
        )
        if appointment is None:
            return False
        try:
            with transaction.atomic():
                AppointmentReminder.objects.create(
                    appointment=appointment, starts_at=appointment.starts_at, sent_at=now
                )
        except IntegrityError:  # reminded already, by this sweep earlier or another runner
            return False
        notifications.appointment_reminder(appointment)
    return True
