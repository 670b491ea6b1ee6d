"""Electronic service of court and board papers (DOMAIN.md §8, NOT-1 … NOT-8).

A notice is issued by a branch to exactly one recipient account (a natural person or a
legal person). Two moments are recorded once and never changed: delivery (the notice reaches
the account, at issue) and first view. Service — the moment legal deadlines run from — is
the first view, or deemed service at the end of the set period when nobody opened it, or
delivery if the deployment's setting says so. `status` goes pending → served exactly once,
through one of two transitions, and `service_kind` records which one.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from core.fields import StateField

case_number_validator = RegexValidator(
    r"^\d{16}$", _("A case number has exactly 16 digits."), code="case_number"
)


def attachment_storage():
    """Where attachment files live (a storage alias named by NOTICES["ATTACHMENT_STORAGE"]).

    Files are never served by URL from the storage: only the permission-checked download
    views stream them.
    """
    alias = settings.NOTICES.get("ATTACHMENT_STORAGE", "default")
    return storages[alias if alias in settings.STORAGES else "default"]


def attachment_path(instance, filename):
    # A random name: nothing of the sender's file name reaches the file system.
    ext = {"application/pdf": "pdf", "image/jpeg": "jpg"}.get(instance.content_type, "bin")
    return f"notices/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext}"


class Branch(models.Model):
    """An issuing authority (NOT-1): a court branch or a disciplinary board.

    `clerks` are the accounts that may issue notices in its name (court clerks of a court
    branch; disciplinary boards issue through their own app's services).
    """

    class Kind(models.TextChoices):
        COURT = "court", _("Court branch")
        BOARD = "board", _("Disciplinary board")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.COURT)
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    city = models.CharField(_("city"), max_length=128, blank=True)
    clerks = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="notice_branches",
        verbose_name=_("clerks"),
        help_text=_("Accounts that may issue notices for this branch."),
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("issuing branch")
        verbose_name_plural = _("issuing branches")
        ordering = ["code"]

    def __str__(self):
        return self.name


class NoticeCounter(models.Model):
    """Last notice number handed out per Jalali year (notice numbers are year + 14 digits)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class ServiceKind(models.TextChoices):
    FIRST_VIEW = "first_view", _("First view by the recipient")
    DEEMED = "deemed", _("Deemed service (not visited within the period)")
    DELIVERY = "delivery", _("Delivery to the recipient's account")


class Notice(ConcurrentTransitionMixin, models.Model):
    """One notice to one recipient (NOT-1). See the module docstring for the service rules."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the recipient's verified account")
        PENDING = "pending", _("Delivered, awaiting service")
        SERVED = "served", _("Served")

    notice_number = models.CharField(_("notice number"), max_length=18, unique=True)
    case_number = models.CharField(
        _("case number"), max_length=16, validators=[case_number_validator]
    )
    case_sub_row = models.PositiveIntegerField(_("sub-row"), default=1)
    issued_at = models.DateTimeField(_("issued at"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    branch = models.ForeignKey(
        Branch, on_delete=models.PROTECT, related_name="notices", verbose_name=_("issuing branch")
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("recipient (natural person)"),
    )
    recipient_legal = models.ForeignKey(
        "accounts.LegalPerson",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("recipient (legal person)"),
    )
    # ID-9: a notice for a national ID without a verified account waits, with no recipient
    # account, and is delivered to the account that is verified for that national ID.
    addressed_national_id = models.CharField(
        _("addressed to national ID"), max_length=20, blank=True, db_index=True
    )
    # NOT-4: recorded once, never changed (empty only while the notice waits, ID-9).
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    first_viewed_at = models.DateTimeField(_("first viewed at"), null=True, blank=True)
    first_viewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("first viewed by"),
    )
    view_count = models.PositiveIntegerField(_("view count"), default=0)
    # NOT-5: fixed at issue, so a later change of the setting does not move old notices.
    deemed_service_due_at = models.DateTimeField(
        _("deemed served if unviewed by"), null=True, blank=True
    )
    deemed_served_at = models.DateTimeField(_("deemed served at"), null=True, blank=True)
    # The moment legal deadlines run from, and which service started the clock.
    served_at = models.DateTimeField(_("served at"), null=True, blank=True)
    service_kind = models.CharField(
        _("service kind"), max_length=16, choices=ServiceKind.choices, blank=True
    )
    status = StateField(_("status"), default=Status.PENDING, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(
        bases=[FSMModelMixin, models.Model],
        excluded_fields=["view_count"],
        user_db_constraint=False,
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(recipient_user__isnull=False, recipient_legal__isnull=True)
                    | Q(recipient_user__isnull=True, recipient_legal__isnull=False)
                    | Q(
                        status="waiting",
                        recipient_user__isnull=True,
                        recipient_legal__isnull=True,
                    )
                    & ~Q(addressed_national_id="")
                ),
                name="notice_exactly_one_recipient",
            ),
            models.CheckConstraint(
                condition=Q(status="waiting", delivered_at__isnull=True)
                | ~Q(status="waiting") & Q(delivered_at__isnull=False),
                name="notice_delivered_unless_waiting",
            ),
            models.CheckConstraint(
                condition=Q(first_viewed_at__isnull=True) | Q(view_count__gte=1),
                name="notice_viewed_has_count",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status__in=["waiting", "pending"], served_at__isnull=True, service_kind="")
                    | Q(status="served", served_at__isnull=False) & ~Q(service_kind="")
                ),
                name="notice_served_has_moment_and_kind",
            ),
        ]
        indexes = [
            # The inbox: a recipient's notices, newest first (NOT-3).
            models.Index(fields=["recipient_user", "-issued_at", "-id"], name="notice_inbox_user"),
            models.Index(
                fields=["recipient_legal", "-issued_at", "-id"],
                name="notice_inbox_legal",
                condition=Q(recipient_legal__isnull=False),
            ),
            # New (unseen) notices and their count: small partial indexes.
            models.Index(
                fields=["recipient_user", "-issued_at", "-id"],
                name="notice_unseen_user",
                condition=Q(first_viewed_at__isnull=True),
            ),
            models.Index(
                fields=["recipient_legal", "-issued_at", "-id"],
                name="notice_unseen_legal",
                condition=Q(first_viewed_at__isnull=True, recipient_legal__isnull=False),
            ),
            # Retrieval by case number + sub-row (NOT-3, NOT-6).
            models.Index(fields=["case_number", "case_sub_row"], name="notice_case"),
            # The issuer's list of its notices.
            models.Index(fields=["branch", "-issued_at", "-id"], name="notice_branch"),
            # The deemed-service sweep (NOT-5): only notices still awaiting service.
            models.Index(
                fields=["deemed_service_due_at"],
                name="notice_deemed_due",
                condition=Q(status="pending"),
            ),
        ]

    def __str__(self):
        return self.notice_number

    @property
    def recipient(self):
        return self.recipient_user if self.recipient_user_id else self.recipient_legal

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_seen(self) -> bool:
        return self.first_viewed_at is not None

    # --- transitions (ID-9, NOT-4, NOT-5) --------------------------------------------------
    @transition(field=status, source=Status.WAITING, target=Status.PENDING)
    def deliver(self, *, user, at, deemed_due):
        """The national ID now has a verified account: the notice reaches it (ID-9, NOT-4)."""
        self.recipient_user = user
        self.delivered_at = at
        self.deemed_service_due_at = deemed_due

    @transition(field=status, source=Status.WAITING, target=Status.SERVED)
    def deliver_and_serve(self, *, user, at):
        """As `deliver`, where the deployment serves at delivery (NOT-4)."""
        self.recipient_user = user
        self.delivered_at = at
        self.served_at = at
        self.service_kind = ServiceKind.DELIVERY

    @transition(field=status, source=Status.PENDING, target=Status.SERVED)
    def serve_on_first_view(self, *, at):
        """The signed-in recipient opened it: actual service at the first view (NOT-4)."""
        self.served_at = at
        self.service_kind = ServiceKind.FIRST_VIEW

    @transition(
        field=status,
        source=Status.PENDING,
        target=Status.SERVED,
        conditions=[lambda n: n.deemed_service_due_at is not None],
    )
    def deem_served(self, *, at):
        """Not visited within the period: deemed served at the end of it (NOT-5)."""
        self.deemed_served_at = at
        self.served_at = at
        self.service_kind = ServiceKind.DEEMED


class NoticeAttachment(models.Model):
    """A PDF or JPEG attached to a notice (NOT-1), checked from its content at upload."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=attachment_storage, max_length=200)
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self):
        return self.original_name


class NoticeView(models.Model):
    """Every open of a notice by the recipient's side (the seed's "time and other details")."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="views")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField()
    first = models.BooleanField(default=False)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["viewed_at", "id"]
        indexes = [models.Index(fields=["notice", "viewed_at"], name="notice_view_notice")]
        constraints = [
            models.UniqueConstraint(
                fields=["notice"], condition=Q(first=True), name="notice_one_first_view"
            )
        ]

    def __str__(self):
        return f"{self.notice_id} @ {self.viewed_at:%Y-%m-%d %H:%M}"


class CasePassword(models.Model):
    """A person's own password for a case (NOT-6): each party, lawyer and expert has one.

    Only the hash is kept (Django's password hashers).
    """

    class Role(models.TextChoices):
        PARTY = "party", _("Party")
        LAWYER = "lawyer", _("Lawyer")
        EXPERT = "expert", _("Expert")

    case_number = models.CharField(
        _("case number"), max_length=16, validators=[case_number_validator]
    )
    role = models.CharField(_("role in the case"), max_length=8, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_passwords",
    )
    legal_person = models.ForeignKey(
        "accounts.LegalPerson",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_passwords",
    )
    password_hash = models.CharField(max_length=128)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["password_hash"], user_db_constraint=False)

    class Meta:
        verbose_name = _("case password")
        verbose_name_plural = _("case passwords")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(user__isnull=False, legal_person__isnull=True)
                    | Q(user__isnull=True, legal_person__isnull=False)
                ),
                name="case_password_exactly_one_person",
            ),
            models.UniqueConstraint(
                fields=["case_number", "user"],
                condition=Q(user__isnull=False),
                name="case_password_one_per_user",
            ),
            models.UniqueConstraint(
                fields=["case_number", "legal_person"],
                condition=Q(legal_person__isnull=False),
                name="case_password_one_per_legal_person",
            ),
        ]

    def __str__(self):
        return f"{self.case_number} ({self.get_role_display()})"


class Holiday(models.Model):
    """An official holiday, skipped when deadlines count working days."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=128)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.name}"
