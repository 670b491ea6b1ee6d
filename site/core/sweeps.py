"""The shell's own sweeps."""

from datetime import datetime

from django.conf import settings
from django.db.models import Q

from core.models import AttemptCounter, OutboundMessage, RateWindow
from core.sweeping import sweep


@sweep("core.requeue_messages")
def requeue_stale_messages(now: datetime) -> int:
    """Enqueue again every message still queued long after it was enqueued (a lost job)."""
    from core.tasks import deliver_message

    stale = list(
        OutboundMessage.objects.filter(
            status=OutboundMessage.Status.QUEUED,
            enqueued_at__lt=now - settings.MESSAGE_REQUEUE_AFTER,
        ).values_list("pk", flat=True)[:1000]
    )
    OutboundMessage.objects.filter(pk__in=stale).update(enqueued_at=now)
    for pk in stale:
        deliver_message.enqueue(str(pk))
    return len(stale)


@sweep("core.prune_attempt_counters")
def prune_attempt_counters(now: datetime) -> int:
    window = settings.ACCOUNTS["FAILURE_WINDOW"]
    deleted, _ = AttemptCounter.objects.filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=now),
        window_started_at__lt=now - window,
    ).delete()
    return deleted


@sweep("core.prune_rate_windows")
def prune_rate_windows(now: datetime) -> int:
    """Drop the API rate limits' past windows (the longest rate in use is a day)."""
    oldest = int(now.timestamp()) - 2 * 24 * 60 * 60
    deleted, _ = RateWindow.objects.filter(window_start__lt=oldest).delete()
    return deleted
