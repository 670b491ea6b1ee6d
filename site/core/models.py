"""Shared records: the one transition log, the message outbox and failure counters."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit records cannot be changed.")

    def delete(self):
        raise TypeError("Audit records cannot be deleted.")


class TransitionLog(models.Model):
    """One row per state transition of any domain object (AUD-1). Append-only (AUD-2).

    On PostgreSQL a trigger also refuses UPDATE and DELETE (see migration 0002).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    transition = models.CharField(_("transition"), max_length=64)
    source = models.CharField(_("from"), max_length=64)
    target = models.CharField(_("to"), max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who acted when there is no user: "system:sweep", "system:worker"...
    actor_label = models.CharField(max_length=64, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transition log")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.source}→{self.target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit records cannot be deleted.")


class OutboundMessage(models.Model):
    """Every SMS and email the platform sends, kept for audit (ID-8, NOT-2).

    Delivery is a background job; the row is the source of truth, so a job that runs twice
    or a worker that dies mid-job never sends twice or loses a message.
    Secrets (codes, passwords) are kept only until delivery, then redacted.
    """

    class Channel(models.TextChoices):
        SMS = "sms", _("SMS")
        EMAIL = "email", _("Email")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", pgettext_lazy("message status", "Sent")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    recipient = models.CharField(_("to"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(
        max_length=64, help_text=_("Why it was sent, e.g. signin.temp_password.")
    )
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    redacted_body = models.TextField(blank=True, help_text=_("The body as kept after delivery."))
    contains_secret = models.BooleanField(default=False)
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # The provider's id of the message (its messageid), asked about for the delivery report.
    provider_reference = models.CharField(max_length=128, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    # After a failed attempt: not tried again before this time (the pause grows each time).
    retry_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The provider's delivery report (core.messaging.backends.DeliveryState): "pending" while
    # it is asked, then "delivered" or "undelivered"; blank when the backend reports none.
    delivery_state = models.CharField(
        pgettext_lazy("delivery report of a message", "delivery"),
        max_length=12,
        blank=True,
        default="",
        db_index=True,
    )
    delivery_checked_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # An e-mail's one attachment (a calendar file): its name, type and text.
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attachment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "enqueued_at"])]

    def __str__(self):
        return f"{self.channel} to {self.recipient} ({self.purpose})"


class AttemptCounter(models.Model):
    """Failed attempts per scope and key (an account, a source address, a case) — ID-7.

    The key is stored hashed so the table reveals neither IDs nor addresses.
    """

    scope = models.CharField(max_length=32)
    key_hash = models.CharField(max_length=64)
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key_hash"], name="attempt_counter_unique_key")
        ]

    def __str__(self):
        return f"{self.scope}:{self.key_hash[:8]} ({self.failures})"


class RateWindow(models.Model):
    """Requests counted per client and fixed time window for the API's rate limits (ID-7),
    shared by every web process. One row per key and window, incremented by one upsert per
    request (`core.throttling`); past windows are pruned by the `core.prune_rate_windows`
    sweep. The key is the throttle's own (scope and user id or address), keyed-hashed."""

    key = models.CharField(max_length=200)
    window_start = models.BigIntegerField(help_text="in seconds since the epoch")
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "core_ratewindow"  # named in core.throttling's statement
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="rate_window_unique_key")
        ]

    def __str__(self):
        return f"{self.key}@{self.window_start} ({self.hits})"


class SweepRun(models.Model):
    """The last runs of one sweep (`manage.py sweep`): when it last started, succeeded and
    failed, and how often. Read by /ready/ (the last success) and /metrics."""

    name = models.CharField(max_length=100, unique=True)
    runs = models.PositiveBigIntegerField(default=0)
    failures = models.PositiveBigIntegerField(default=0)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_succeeded_at = models.DateTimeField(null=True, blank=True)
    last_failed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_count = models.BigIntegerField(default=0)

    def __str__(self):
        return self.name
