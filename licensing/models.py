"""Licensing (DOMAIN.md §4 LIC-1 … LIC-9, OFF-7) and the Association (§5 ASC-1 … ASC-3).

* A **call** (LIC-1) opens a window for applications in a province, with a number of places.
* An **application** (LIC-2) is the would-be manager's: their qualification record (an
  `offices.StaffProfile`) is vetted automatically by `offices.qualifications.evaluate`, then
  accepted or rejected by licensing staff.
* A **licence request** (LIC-3) of any kind goes submitted → council_review → gd_opinion →
  awaiting_decision → approved / rejected; each step is a `RequestStep` row and a transition
  log row. An approved request is applied to the licence and the office by the services.
* A **licence** (LIC-5, LIC-6) is active, suspended until a date, revoked, withdrawn or
  expired. Its effective state is computed from the stored dates (`Licence.effective_status`),
  so an office stops or resumes at once, whenever the sweep happens to run.
* **Fee schedules** (LIC-8), **Council terms** (LIC-4), **Associations** with their boards
  (ASC-1), **inspections** (ASC-2) and **complaints** (ASC-3).

Dates of licences are calendar days in the deployment's time zone: a licence is valid through
its expiry day; a suspension "until" a day ends at the start of that day.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from accounts.roles import Role, has_role
from core.fields import StateField
from offices.documents import document_path, validate_document


# --- Who may take a transition -----------------------------------------------------------------
def is_council_member(user, on=None) -> bool:
    """A Council member is someone whose Council term is running today (LIC-4)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_licensing_council", None)
    if cached is None:
        on = on or timezone.localdate()
        cached = CouncilMembership.objects.current(on).filter(user_id=user.pk).exists()
        user._licensing_council = cached
    return cached


def _council(instance, user) -> bool:
    return is_council_member(user)


def _licensing_staff(instance, user) -> bool:
    return has_role(user, Role.LICENSING_STAFF)


def _centre_head(instance, user) -> bool:
    return has_role(user, Role.CENTRE_HEAD)


def _requester(instance, user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.pk == instance.requested_by_id)


def _applicant(instance, user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.pk == instance.applicant_id)


def _inspector(instance, user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.pk == instance.inspector_id)


def _association_board(instance, user) -> bool:
    if not has_role(user, Role.ASSOCIATION_BOARD):
        return False
    return (
        BoardMembership.objects.current()
        .filter(association_id=instance.association_id, user_id=user.pk)
        .exists()
    )


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")


# --- Calls and applications (LIC-1, LIC-2) -----------------------------------------------------
class Call(models.Model):
    """A call for applicants (LIC-1; art. 22-a): a window, a region and a number of places."""

    title = models.CharField(_("title"), max_length=200)
    province = models.ForeignKey(
        "offices.Province", on_delete=models.PROTECT, related_name="licence_calls"
    )
    places = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("call for applicants")
        verbose_name_plural = _("calls for applicants")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="call_closes_after_opening"
            )
        ]

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Application(ConcurrentTransitionMixin, models.Model):
    """A would-be manager's application to a call (LIC-2): submitted (vetted automatically on
    submission and again on request) → accepted or rejected by licensing staff; the applicant
    may withdraw it before a decision."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="licence_applications"
    )
    profile = models.ForeignKey(
        "offices.StaffProfile", on_delete=models.PROTECT, related_name="licence_applications"
    )
    city = models.ForeignKey(
        "offices.City", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    statement = models.TextField(_("statement"), blank=True)
    status = StateField(
        _("status"), default=Status.SUBMITTED, choices=Status.choices, protected=True
    )
    # The automatic vetting (LIC-2): every unmet requirement with its article, as of `vetted_at`.
    unmet_requirements = models.JSONField(_("unmet requirements"), default=list, blank=True)
    vetted_at = models.DateTimeField(_("vetted at"), null=True, blank=True)
    # Approved service records give priority among applicants (art. 17, note), in days.
    priority_days = models.PositiveIntegerField(default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reasons = models.TextField(_("reasons of the decision"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "applicant"],
                condition=~Q(status="withdrawn"),
                name="one_application_per_call",
            )
        ]

    def __str__(self):
        return f"{self.call_id}/{self.pk} {self.applicant}"

    @property
    def qualified(self) -> bool:
        return self.vetted_at is not None and not self.unmet_requirements

    @transition(
        field=status, source=Status.SUBMITTED, target=Status.ACCEPTED, permission=_licensing_staff
    )
    def accept(self, *, by=None, reasons=""):
        self.decided_by, self.decided_at, self.decision_reasons = by, timezone.now(), reasons

    @transition(
        field=status, source=Status.SUBMITTED, target=Status.REJECTED, permission=_licensing_staff
    )
    def reject(self, *, by=None, reasons=""):
        self.decided_by, self.decided_at, self.decision_reasons = by, timezone.now(), reasons

    @transition(
        field=status, source=Status.SUBMITTED, target=Status.WITHDRAWN, permission=_applicant
    )
    def withdraw(self):
        pass


class ApplicationDocument(models.Model):
    """A document of an application (LIC-2): type from the content, size limit, random name."""

    class Kind(models.TextChoices):
        IDENTITY = "identity", _("Identity card")
        DEGREE = "degree", _("Degree certificate")
        EXPERIENCE = "experience", _("Service record")
        CRIMINAL_RECORD = "criminal_record", _("Certificate of no criminal record")
        ADDICTION = "addiction", _("Certificate of no addiction")
        MILITARY = "military", _("Military service card or exemption")
        FITNESS = "fitness", _("Certificate of fitness")
        OTHER = "other", _("Other")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=document_path, validators=[validate_document])
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "id"]

    def __str__(self):
        return self.get_kind_display()


# --- Licences (LIC-5, LIC-6, LIC-9) ------------------------------------------------------------
class Licence(ConcurrentTransitionMixin, models.Model):
    """A manager's licence for one office (LIC-5). Changed only by the services applying an
    approved request (or a final disciplinary ruling) and by the sweep."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")

    LIVE = (Status.ACTIVE, Status.SUSPENDED)

    number = models.CharField(_("licence number"), max_length=32, unique=True)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="licences")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="licences"
    )
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    status = StateField(_("status"), default=Status.ACTIVE, choices=Status.choices, protected=True)
    suspended_until = models.DateField(_("suspended until"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office"],
                condition=Q(status__in=["active", "suspended"]),
                name="one_live_licence_per_office",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=F("issued_on")), name="licence_expires_after_issue"
            ),
            models.CheckConstraint(
                condition=~Q(status="suspended") | Q(suspended_until__isnull=False),
                name="suspension_has_end_date",
            ),
        ]
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["status", "suspended_until"]),
            models.Index(fields=["status", "expires_on"]),
        ]

    def __str__(self):
        return self.number

    def effective_status(self, today=None) -> str:
        """The state that holds today, from the stored dates (LIC-6): a suspension whose end
        date has come is over and an active licence past its expiry is expired, even before
        the sweep records it."""
        return self.status_on(
            self.status, self.suspended_until, self.expires_on, today or timezone.localdate()
        )

    @classmethod
    def status_on(cls, status, suspended_until, expires_on, today) -> str:
        """`effective_status` from the stored values alone (lists read them without
        building a licence for each office)."""
        if status == cls.Status.SUSPENDED and suspended_until <= today:
            status = cls.Status.ACTIVE
        if status in cls.LIVE and expires_on < today:
            status = cls.Status.EXPIRED
        return status

    # Licence transitions carry no user permission: they run only from the services that
    # apply a decision already authorised (the centre head's, a final ruling's) and the sweep.
    @transition(field=status, source=Status.ACTIVE, target=Status.SUSPENDED)
    def suspend(self, *, until):
        self.suspended_until = until

    @transition(field=status, source=Status.SUSPENDED, target=Status.ACTIVE)
    def reinstate(self):
        self.suspended_until = None

    @transition(field=status, source=LIVE, target=Status.REVOKED)
    def revoke(self):
        self.ended_on = timezone.localdate()

    @transition(field=status, source=LIVE, target=Status.WITHDRAWN)
    def withdraw(self):
        self.ended_on = timezone.localdate()

    @transition(field=status, source=LIVE, target=Status.EXPIRED)
    def expire(self):
        self.ended_on = self.expires_on

    @transition(field=status, source=[Status.ACTIVE, Status.EXPIRED], target=Status.ACTIVE)
    def renew(self, *, expires_on):
        self.expires_on = expires_on
        self.ended_on = None


# --- Licence requests (LIC-3) -------------------------------------------------------------------
class LicenceRequest(ConcurrentTransitionMixin, models.Model):
    """One request about a licence, through the Council, the GD and the centre head (LIC-3;
    art. 14, 22-b, 24-c). The GD opinion cannot be skipped: the centre head decides only from
    `awaiting_decision`, which only the GD opinion reaches."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Issue")
        RENEWAL = "renewal", _("Renewal")
        WITHDRAWAL = "withdrawal", _("Withdrawal")
        REVOCATION = "revocation", _("Revocation")
        SUSPENSION = "suspension", _("Suspension")
        RELOCATION = "relocation", _("Relocation")
        REPLACEMENT = "replacement", _("Replacement")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        COUNCIL_REVIEW = "council_review", _("Council review")
        GD_OPINION = "gd_opinion", _("Awaiting the General Directorate's opinion")
        AWAITING_DECISION = "awaiting_decision", _("Awaiting the centre head's decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = StateField(
        _("status"), default=Status.SUBMITTED, choices=Status.choices, protected=True
    )
    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="licence_requests"
    )
    licence = models.ForeignKey(
        Licence, on_delete=models.PROTECT, null=True, blank=True, related_name="requests"
    )
    # Issue and replacement: the accepted application of the (new) manager.
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, null=True, blank=True, related_name="requests"
    )
    reasons = models.TextField(_("grounds of the request"))
    suspend_until = models.DateField(_("suspend until"), null=True, blank=True)
    new_address = models.TextField(_("new address"), blank=True)
    new_city = models.ForeignKey(
        "offices.City", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    new_latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    new_longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="licence_requests"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    # What the approval produced: the licence issued (issue, replacement).
    resulting_licence = models.ForeignKey(
        Licence, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("licence request")
        verbose_name_plural = _("licence requests")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @transition(
        field=status, source=Status.SUBMITTED, target=Status.COUNCIL_REVIEW, permission=_council
    )
    def start_review(self):
        """A Council member takes the request up for review (art. 24-c)."""

    @transition(
        field=status, source=Status.COUNCIL_REVIEW, target=Status.GD_OPINION, permission=_council
    )
    def propose(self, *, decision, reasons):
        """The Council's proposal to the GD (art. 24-c)."""

    @transition(
        field=status,
        source=Status.GD_OPINION,
        target=Status.AWAITING_DECISION,
        permission=_licensing_staff,
    )
    def give_opinion(self, *, decision, reasons):
        """The GD's opinion on the Council's proposal, for the centre head (art. 22-b)."""

    @transition(
        field=status,
        source=Status.AWAITING_DECISION,
        target=RETURN_VALUE(Status.APPROVED, Status.REJECTED),
        permission=_centre_head,
    )
    def decide(self, *, decision, reasons):
        """The centre head's final decision (art. 14, 22-b)."""
        self.decided_at = timezone.now()
        return self.Status.APPROVED if decision == Decision.APPROVE else self.Status.REJECTED

    @transition(
        field=status, source=Status.SUBMITTED, target=Status.CANCELLED, permission=_requester
    )
    def cancel(self):
        """The requester withdraws the request before the Council takes it up."""


class RequestStep(models.Model):
    """Who decided what, when and why at each step of a request (LIC-3). Append-only: one row
    per step, never changed."""

    class Step(models.TextChoices):
        PROPOSAL = "proposal", _("Council proposal")
        OPINION = "opinion", _("GD opinion")
        DECISION = "decision", _("Centre head decision")

    request = models.ForeignKey(LicenceRequest, on_delete=models.PROTECT, related_name="steps")
    step = models.CharField(_("step"), max_length=16, choices=Step.choices)
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices)
    reasons = models.TextField(_("reasons"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("request step")
        verbose_name_plural = _("request steps")
        ordering = ["request", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "step"], name="one_row_per_request_step")
        ]

    def __str__(self):
        return f"{self.request_id} {self.step}: {self.decision}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Request steps cannot be changed.")
        super().save(*args, **kwargs)


# --- Council (LIC-4) ----------------------------------------------------------------------------
class TermQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on, ends_on__gte=on, ended_on__isnull=True)


class CouncilMembership(models.Model):
    """A term on the 5-member Council, appointed by the centre head (LIC-4; art. 23)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_terms"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("term ends on"))
    ended_on = models.DateField(_("ended early on"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("Council term")
        verbose_name_plural = _("Council terms")
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="council_term_dates"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.starts_on} – {self.ends_on})"


# --- Fee schedules (LIC-8) ----------------------------------------------------------------------
class FeeSchedule(ConcurrentTransitionMixin, models.Model):
    """A fee proposed by the Council, with the GD's opinion, approved by the centre head
    (LIC-8; art. 22-c, 24-b). In force from its effective date until a later approved one."""

    class Kind(models.TextChoices):
        CALL = "call", _("Call registration fee")
        VETTING = "vetting", _("Vetting fee")
        ANNUAL_MEMBERSHIP = "annual_membership", _("Annual membership fee")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed by the Council")
        GD_REVIEWED = "gd_reviewed", _("GD opinion given")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(
        _("amount (rials)"), max_digits=15, decimal_places=0, validators=[MinValueValidator(0)]
    )
    effective_from = models.DateField(_("in force from"))
    status = StateField(
        _("status"), default=Status.PROPOSED, choices=Status.choices, protected=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposal_reasons = models.TextField(_("grounds of the proposal"))
    opinion = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    opinion_reasons = models.TextField(blank=True)
    opinion_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opinion_at = models.DateTimeField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("fee schedule")
        verbose_name_plural = _("fee schedules")
        ordering = ["kind", "-effective_from", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="fee_not_negative"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount}"

    @transition(
        field=status,
        source=Status.PROPOSED,
        target=Status.GD_REVIEWED,
        permission=_licensing_staff,
    )
    def give_opinion(self, *, by, decision, reasons):
        self.opinion, self.opinion_reasons = decision, reasons
        self.opinion_by, self.opinion_at = by, timezone.now()

    @transition(
        field=status,
        source=Status.GD_REVIEWED,
        target=RETURN_VALUE(Status.APPROVED, Status.REJECTED),
        permission=_centre_head,
    )
    def decide(self, *, by, decision, reasons):
        self.decided_by, self.decided_at, self.decision_reasons = by, timezone.now(), reasons
        return self.Status.APPROVED if decision == Decision.APPROVE else self.Status.REJECTED


# --- Association (ASC-1) ------------------------------------------------------------------------
class Association(models.Model):
    """The offices' Association of a province (ASC-1; art. 25). A province without its own
    Association is served by the nearest one: `ServiceArea` records which serves which."""

    name = models.CharField(_("name"), max_length=200)
    province = models.OneToOneField(
        "offices.Province", on_delete=models.PROTECT, related_name="association"
    )
    inspectors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="inspecting_for"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("Association")
        verbose_name_plural = _("Associations")
        ordering = ["province__sort_order", "id"]

    def __str__(self):
        return self.name


class ServiceArea(models.Model):
    """The Association that serves a province: its own, or the nearest (art. 25, note)."""

    province = models.OneToOneField(
        "offices.Province", on_delete=models.CASCADE, related_name="service_area"
    )
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="areas")

    class Meta:
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")

    def __str__(self):
        return f"{self.province} → {self.association}"


class BoardMembership(models.Model):
    """A 3-year term on an Association's board of 7 (ASC-1; art. 26); re-election allowed."""

    class Seat(models.TextChoices):
        OFFICE_MANAGER = "office_manager", _("Office manager (art. 26-1)")
        JUDGE = "judge", _("Judge (art. 26-2)")
        GD_REPRESENTATIVE = "gd_representative", _("General Directorate (art. 26-3)")
        IT_CENTRE = "it_centre", _("Statistics and IT centre (art. 26-4)")
        CHIEF_EXECUTIVE = "chief_executive", _("Chief executive (art. 26-5)")

    association = models.ForeignKey(
        Association, on_delete=models.PROTECT, related_name="board_terms"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_terms"
    )
    seat = models.CharField(_("seat"), max_length=20, choices=Seat.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("term ends on"))
    ended_on = models.DateField(_("ended early on"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("board term")
        verbose_name_plural = _("board terms")
        ordering = ["association", "-starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="board_term_dates")
        ]

    def __str__(self):
        return f"{self.user} @ {self.association_id} ({self.starts_on} – {self.ends_on})"


# --- Inspections (ASC-2) ------------------------------------------------------------------------
class Inspection(ConcurrentTransitionMixin, models.Model):
    """A periodic or ad hoc inspection of an office by the Association (ASC-2; art. 28-b, 33):
    planned → reported (a reasoned, documented report to the GD) → reviewed by the GD; a
    report flagged for discipline is `referred` once the discipline app opens a case."""

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Periodic")
        AD_HOC = "ad_hoc", _("Ad hoc")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        REPORTED = "reported", _("Reported to the GD")
        REVIEWED = "reviewed", _("Reviewed by the GD")
        REFERRED = "referred", _("Referred for discipline")

    association = models.ForeignKey(
        Association, on_delete=models.PROTECT, related_name="inspections"
    )
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inspections"
    )
    scheduled_for = models.DateField(_("scheduled for"))
    status = StateField(_("status"), default=Status.PLANNED, choices=Status.choices, protected=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    findings = models.TextField(_("findings"), blank=True)
    reasoning = models.TextField(_("reasoning"), blank=True)
    manager_cooperated = models.BooleanField(_("the manager cooperated"), null=True)
    recommends_discipline = models.BooleanField(_("recommends a disciplinary case"), default=False)
    reported_at = models.DateTimeField(null=True, blank=True)
    review_notes = models.TextField(blank=True)
    case_reference = models.CharField(_("disciplinary case"), max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-scheduled_for", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.office_id} {self.scheduled_for}"

    @transition(field=status, source=Status.PLANNED, target=Status.REPORTED, permission=_inspector)
    def report(self, *, findings, reasoning, manager_cooperated, recommends_discipline):
        self.findings, self.reasoning = findings, reasoning
        self.manager_cooperated = manager_cooperated
        self.recommends_discipline = recommends_discipline
        self.reported_at = timezone.now()

    @transition(
        field=status, source=Status.REPORTED, target=Status.REVIEWED, permission=_licensing_staff
    )
    def review(self, *, notes=""):
        self.review_notes = notes

    @transition(
        field=status,
        source=[Status.REPORTED, Status.REVIEWED],
        target=Status.REFERRED,
        permission=_licensing_staff,
    )
    def refer(self, *, case_reference):
        self.case_reference = case_reference


class InspectionDocument(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(_("file"), upload_to=document_path, validators=[validate_document])
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inspection document")
        verbose_name_plural = _("inspection documents")
        ordering = ["inspection", "id"]

    def __str__(self):
        return self.description or f"#{self.pk}"


# --- Complaints received by the Association (ASC-3) ----------------------------------------------
class Complaint(ConcurrentTransitionMixin, models.Model):
    """A complaint about an office, received by the Association serving its province (ASC-3;
    art. 28-e): received → forwarded to the GD with the board's findings, or dismissed with
    reasons; a forwarded complaint is `referred` once the discipline app opens a case."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        FORWARDED = "forwarded", _("Reported to the GD")
        DISMISSED = "dismissed", _("Dismissed")
        REFERRED = "referred", _("Referred for discipline")

    association = models.ForeignKey(
        Association, on_delete=models.PROTECT, related_name="complaints"
    )
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="office_complaints"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("complaint"))
    status = StateField(
        _("status"), default=Status.RECEIVED, choices=Status.choices, protected=True
    )
    findings = models.TextField(_("the board's findings"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case_reference = models.CharField(_("disciplinary case"), max_length=64, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-id"]

    def __str__(self):
        return self.subject

    @transition(
        field=status,
        source=Status.RECEIVED,
        target=Status.FORWARDED,
        permission=_association_board,
    )
    def forward(self, *, by, findings):
        self.handled_by, self.findings = by, findings

    @transition(
        field=status,
        source=Status.RECEIVED,
        target=Status.DISMISSED,
        permission=_association_board,
    )
    def dismiss(self, *, by, findings):
        self.handled_by, self.findings = by, findings

    @transition(
        field=status, source=Status.FORWARDED, target=Status.REFERRED, permission=_licensing_staff
    )
    def refer(self, *, case_reference):
        self.case_reference = case_reference
