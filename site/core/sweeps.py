"""The shell's own sweeps."""

from datetime import datetime

from django.conf import settings
from django.db.models import Q

from core.messaging.backends import DeliveryState, get_sms_backend, record_delivery
from core.models import AttemptCounter, OutboundMessage, RateWindow
from core.sweeping import sweep


@sweep("core.requeue_messages")
def requeue_stale_messages(now: datetime) -> int:
    """Enqueue again every message still queued long after it was enqueued (a lost job), and
    every one whose pause after a failed attempt is over (`retry_at`)."""
    from core.tasks import deliver_message

    stale = list(
        OutboundMessage.objects.filter(
            Q(retry_at__isnull=True, enqueued_at__lt=now - settings.MESSAGE_REQUEUE_AFTER)
            | Q(retry_at__lte=now),
            status=OutboundMessage.Status.QUEUED,
        ).values_list("pk", flat=True)[:1000]
    )
    OutboundMessage.objects.filter(pk__in=stale).update(enqueued_at=now, retry_at=None)
    for pk in stale:
        deliver_message.enqueue(str(pk))
    return len(stale)


@sweep("core.sms_delivery_reports")
def sms_delivery_reports(now: datetime) -> int:
    """Ask the SMS provider what became of the messages it took (`delivery_state` pending),
    each at most once per DELIVERY_POLL_EVERY and for DELIVERY_REPORT_FOR after sending. A
    report already final is never changed, so a run twice changes nothing more."""
    conf = settings.SMS_PROVIDER
    backend = get_sms_backend()
    if not backend.reports_delivery:
        return 0
    pending = OutboundMessage.objects.filter(
        channel=OutboundMessage.Channel.SMS,
        status=OutboundMessage.Status.SENT,
        delivery_state=DeliveryState.PENDING,
        sent_at__gte=now - conf["DELIVERY_REPORT_FOR"],
    ).filter(
        Q(delivery_checked_at__isnull=True)
        | Q(delivery_checked_at__lte=now - conf["DELIVERY_POLL_EVERY"])
    )
    rows = dict(pending.values_list("provider_reference", "pk")[:500])
    if not rows:
        return 0
    states = backend.delivery_states(list(rows))
    changed = record_delivery({ref: st for ref, st in states.items() if ref in rows}, now=now)
    OutboundMessage.objects.filter(
        pk__in=rows.values(), delivery_state=DeliveryState.PENDING
    ).update(delivery_checked_at=now)
    return changed


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
