"""Courts and court cases: the person's cabinet (DOMAIN.md §12, CAS-1 … CAS-9).

Courts, their branches, the kinds of application each court type takes and the taxonomy of
case categories are reference data (CAS-1). A court branch is also an issuing authority of
notices: `CourtBranch` adds the court to a `notices.Branch`, whose clerks work it.

A case (CAS-2) is opened when the court clerk accepts a filing that starts one; its
participants come from the filing's parties and lawyers. Hearings (CAS-6), court acts
(CAS-5), the notices that start a period (CAS-8) and enforcement files (CAS-9) belong to a
case.
"""

import secrets
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import local_digits

case_number_validator = RegexValidator(
    r"^\d{16}$", _("A case number has exactly 16 digits."), code="case_number"
)


def _in_own_language(obj) -> bool:
    """Whether the interface speaks the language of `obj`'s country (Persian for Iran)."""
    language = (get_language() or "fa").split("-")[0]
    return language == ("az" if getattr(obj, "country", "") == "AZ" else "fa")


def localised(obj) -> str:
    """A reference row's name in the interface's language: `name` is the court's own
    language (Persian for Iran), `name_en` / `name_az` the others, falling back to English."""
    language = (get_language() or "fa").split("-")[0]
    own = "az" if getattr(obj, "country", "") == "AZ" else "fa"
    if language == own:
        return obj.name
    if language == "az" and getattr(obj, "name_az", ""):
        return obj.name_az
    return obj.name_en or obj.name


class Country(models.TextChoices):
    IRAN = "IR", _("Iran")
    AZERBAIJAN = "AZ", _("Azerbaijan")


class CourtType(models.TextChoices):
    """CAS-1: Iran's courts, and Azerbaijan's two first-instance kinds of seed 002 §10.1."""

    GENERAL = "general", _("General civil court")
    CRIMINAL = "criminal", _("Criminal court")
    FAMILY = "family", _("Family court")
    ADMINISTRATIVE = "administrative", _("Court of Administrative Justice")
    APPEAL = "appeal", _("Court of appeal")
    GENERAL_JURISDICTION = "general_jurisdiction", _("Court of general jurisdiction")
    ADMIN_ECONOMIC = "admin_economic", _("Administrative-economic court")


class Court(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    province = models.CharField(_("province"), max_length=128)
    city = models.CharField(_("city"), max_length=128)
    city_en = models.CharField(_("city in English"), max_length=128, blank=True)
    court_type = models.CharField(_("court type"), max_length=24, choices=CourtType.choices)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("court")
        verbose_name_plural = _("courts")
        ordering = ["country", "province", "city", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return localised(self)

    @property
    def city_label(self) -> str:
        """The city in the interface's language (its own name in the court's language)."""
        return self.city if _in_own_language(self) else (self.city_en or self.city)


class CourtBranch(models.Model):
    """A numbered branch of a court; the notices' issuing branch it works as (NOT-1)."""

    branch = models.OneToOneField(
        "notices.Branch", primary_key=True, on_delete=models.PROTECT, related_name="court_branch"
    )
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="branches")
    number = models.PositiveSmallIntegerField(_("branch number"))
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("court branch")
        verbose_name_plural = _("court branches")
        ordering = ["court", "number"]
        constraints = [
            models.UniqueConstraint(fields=["court", "number"], name="court_branch_number")
        ]

    def __str__(self):
        return str(self.branch_id)

    @property
    def label(self) -> str:
        """The branch's name in the interface's language: as the court writes it in its own
        language, otherwise its number and the court's name in the reader's language."""
        if _in_own_language(self.court):
            return local_digits(self.branch.name)
        return _("Branch %(number)s, %(court)s") % {
            "number": local_digits(self.number),
            "court": self.court.label,
        }


class ApplicationType(models.Model):
    """A kind of application and the court types that take it (seed 002 §10.1)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    name_az = models.CharField(_("name in Azerbaijani"), max_length=255, blank=True)
    court_types = models.JSONField(_("court types"), default=list)
    starts_case = models.BooleanField(_("starts a case"), default=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("application type")
        verbose_name_plural = _("application types")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return localised(self)

    def taken_by(self, court_type: str) -> bool:
        return court_type in (self.court_types or [])


class Category(models.Model):
    """A category of case for a court type, or (with `parent`) its subcategory."""

    code = models.CharField(_("code"), max_length=48, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    name_az = models.CharField(_("name in Azerbaijani"), max_length=255, blank=True)
    court_type = models.CharField(_("court type"), max_length=24, choices=CourtType.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("case category")
        verbose_name_plural = _("case categories")
        ordering = ["court_type", "code"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return localised(self)


# --- Cases (CAS-2) ------------------------------------------------------------------------------
class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Under consideration")
        SUSPENDED = "suspended", _("Suspended")
        DECIDED = "decided", _("Decided")
        FINAL = "final", _("Final judgment")
        CLOSED = "closed", pgettext_lazy("case status", "Closed")

    number = models.CharField(
        _("case number"), max_length=16, unique=True, validators=[case_number_validator]
    )
    branch = models.ForeignKey(
        "notices.Branch", on_delete=models.PROTECT, related_name="cases", verbose_name=_("branch")
    )
    judge = models.CharField(_("judge"), max_length=255, blank=True)
    court_type = models.CharField(
        _("case type"), max_length=24, choices=CourtType.choices, blank=True
    )
    application_type = models.ForeignKey(
        ApplicationType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    result = models.TextField(_("result"), blank=True)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["branch", "-opened_at"], name="case_branch")]

    def __str__(self):
        return self.number

    @property
    def court_label(self) -> str:
        """The court and branch in the interface's language (select `branch__court_branch
        __court` with the case)."""
        court_branch = getattr(self.branch, "court_branch", None)
        if court_branch is None:
            return local_digits(self.branch.name)
        return court_branch.label


class Role(models.TextChoices):
    """CAS-2: a participant's role in the case."""

    CLAIMANT = "claimant", _("Claimant")
    DEFENDANT = "defendant", _("Defendant")
    COMPLAINANT = "complainant", _("Complainant")
    ACCUSED = "accused", _("Accused")
    LAWYER = "lawyer", _("Lawyer of a party")
    EXPERT = "expert", _("Expert")
    THIRD_PARTY = "third_party", _("Third party")


class Participant(models.Model):
    """A person in a case: an account (natural), a legal person, or a name not yet linked."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="participants")
    sub_row = models.PositiveSmallIntegerField(_("sub-row"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_participations",
    )
    legal_person = models.ForeignKey(
        "accounts.LegalPerson",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_participations",
    )
    name = models.CharField(_("name"), max_length=255)
    national_id = models.CharField(_("national ID"), max_length=20, blank=True)
    represents = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawyers",
        verbose_name=_("lawyer of"),
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["case", "sub_row"]
        constraints = [
            models.UniqueConstraint(fields=["case", "sub_row"], name="participant_sub_row"),
        ]
        indexes = [
            models.Index(
                fields=["user", "case"], name="participant_user", condition=Q(left_at__isnull=True)
            ),
            models.Index(
                fields=["legal_person", "case"],
                name="participant_legal",
                condition=Q(left_at__isnull=True, legal_person__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.case_id}/{self.sub_row} {self.get_role_display()}: {self.name}"


# --- Hearings (CAS-6) ----------------------------------------------------------------------------
class Hearing(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="hearings")
    starts_at = models.DateTimeField(_("starts at"))
    room = models.CharField(_("room"), max_length=128, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    result = models.TextField(_("result"), blank=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["case", "starts_at"], name="hearing_case")]

    def __str__(self):
        return f"{self.case_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class HearingFeed(models.Model):
    """A person's .ics feed of their hearings, at an unguessable URL that can be revoked
    (a new token replaces the old one)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hearing_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"feed of {self.user_id}"


# --- Court acts (CAS-5) and enforcement (CAS-9) -----------------------------------------------
def act_storage():
    alias = settings.COURTS.get("STORAGE", "default")
    return storages[alias if alias in settings.STORAGES else "default"]


def act_path(instance, filename):
    return f"acts/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


def new_verification_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


class CourtAct(models.Model):
    class Kind(models.TextChoices):
        DECISION = "decision", pgettext_lazy("court act", "Decision")
        JUDGMENT = "judgment", _("Judgment")
        MINUTES = "minutes", _("Minutes")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="acts")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"))
    final = models.BooleanField(_("final"), default=False)
    file = models.FileField(upload_to=act_path, storage=act_storage, max_length=200)
    sha256 = models.CharField(max_length=64)
    verification_code = models.CharField(max_length=12, unique=True, default=new_verification_code)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("court act")
        verbose_name_plural = _("court acts")
        ordering = ["issued_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.verification_code}"


class Enforcement(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="enforcements")
    judgment = models.OneToOneField(CourtAct, on_delete=models.PROTECT, related_name="enforcement")
    number = models.CharField(_("enforcement number"), max_length=16, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    opened_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("enforcement file")
        verbose_name_plural = _("enforcement files")
        ordering = ["-opened_at", "-id"]

    def __str__(self):
        return self.number


# --- Deadlines (CAS-8) ----------------------------------------------------------------------------
class PeriodNotice(models.Model):
    """A notice of a case that starts a period: `days` after its service (NOT-4)."""

    class Calendar(models.TextChoices):
        CALENDAR = "calendar", _("Calendar days")
        WORKING = "working", _("Working days")

    notice = models.OneToOneField("notices.Notice", on_delete=models.PROTECT, related_name="period")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="periods")
    title = models.CharField(_("period"), max_length=255)
    days = models.PositiveSmallIntegerField(_("days"))
    calendar = models.CharField(
        _("counted in"), max_length=12, choices=Calendar.choices, default=Calendar.CALENDAR
    )

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")

    def __str__(self):
        return f"{self.title} ({self.days})"
