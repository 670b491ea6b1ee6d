"""Disciplinary cases of offices (DOMAIN.md §6, DIS-1 … DIS-13; art. 34-38 of the regulation).

- `Violation`: the catalogue of art. 37 (DIS-12), loaded by a data migration.
- `Board`, `Seat`, `ChairVote`: the first-instance and appeal boards (DIS-2), their members'
  seats and the election of the chair from the judges (DIS-3).
- `Case`: one case against an office and its manager or a staff member (DIS-1); a state
  machine from opening to the final ruling. Events that do not change its state (a hearing
  scheduled, a criminal referral, a complaint withdrawn, the appeal board assigned) are
  transitions to the same state, so every step has its row in the one transition log (DIS-13).
- `Session`: a hearing (DIS-4): scheduled with a summons notice, attendance, one vote per member.
- `Ruling`: the chair's ruling from the majority (DIS-4, DIS-5); served as a notice (DIS-6),
  challenged by appeal or objection (DIS-6, DIS-7), final and enforced (DIS-8).
- `Challenge`, `CriminalReferral`, `CaseDocument`: records of the case; nothing is deleted.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from accounts.roles import Role, has_role
from core.fields import StateField


class Grade(models.IntegerChoices):
    """The sanctions of art. 35 (DIS-5), in increasing order. Grades 5 and 6 act on the
    licence, which only the manager holds, and only they can be appealed by the sanctioned
    person (art. 36, DIS-6); grade 4 is published (DIS-8); grades 1-4 count for recidivism
    (DIS-9)."""

    ORAL_WARNING = 1, _("Oral warning")
    WRITTEN_WARNING = 2, _("Written warning")
    RECORDED_REPRIMAND = 3, _("Written reprimand recorded in the file")
    PUBLISHED_REPRIMAND = 4, _("Reprimand published on the centre's website")
    SUSPENSION = 5, _("Temporary suspension of the licence (3 months to 2 years)")
    REVOCATION = 6, _("Permanent revocation of the licence")

    @property
    def acts_on_licence(self) -> bool:
        return self in (Grade.SUSPENSION, Grade.REVOCATION)

    @property
    def appealable(self) -> bool:
        """DIS-6: the sanctioned person may appeal it (the other grades are final for them)."""
        return self.acts_on_licence

    @property
    def published(self) -> bool:
        return self == Grade.PUBLISHED_REPRIMAND

    @classmethod
    def on_licence(cls) -> list["Grade"]:
        return [g for g in cls if g.acts_on_licence]

    @classmethod
    def below_licence(cls) -> list["Grade"]:
        """Grades 1-4: the sanctions that do not touch the licence (and count for DIS-9)."""
        return [g for g in cls if not g.acts_on_licence]


SUSPENSION_MIN_MONTHS = 3
SUSPENSION_MAX_MONTHS = 24


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_gd(user) -> bool:
    return _signed_in(user) and (user.is_superuser or has_role(user, Role.LICENSING_STAFF))


def is_centre_head(user) -> bool:
    return _signed_in(user) and has_role(user, Role.CENTRE_HEAD)


# --- The catalogue of violations (DIS-12; art. 37) ----
class Violation(models.Model):
    number = models.PositiveSmallIntegerField(_("item of art. 37"), unique=True)
    title_fa = models.TextField(_("wording (Persian)"))
    title_en = models.TextField(_("wording (English)"))
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("catalogue of violations")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return self.title_fa if (get_language() or "fa").startswith("fa") else self.title_en


# --- Boards (DIS-2, DIS-3; art. 34 and its note 1) ----
class Tier(models.TextChoices):
    FIRST_INSTANCE = "first_instance", _("First instance")
    APPEAL = "appeal", _("Appeal")


class Board(models.Model):
    """A disciplinary board. Its composition is in `Seat`; its chair is elected (DIS-3)."""

    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    name = models.CharField(_("name"), max_length=200)
    province = models.ForeignKey(
        "offices.Province",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province"),
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chair"),
        editable=False,
    )
    # A new election round starts whenever the membership changes (the chair is cleared).
    election_round = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("disciplinary board")
        verbose_name_plural = _("disciplinary boards")
        ordering = ["tier", "name"]

    def __str__(self):
        return self.name

    @property
    def notice_code(self) -> str:
        """The board's code as an issuing branch of the notice system (NOT-1)."""
        return f"DB-{self.pk}"


class Seat(models.Model):
    """A member's seat on a board (DIS-2): two judges, and an Association representative (first
    instance) or a General Directorate representative (appeal). Ending a seat keeps the row."""

    class Kind(models.TextChoices):
        JUDGE = "judge", _("Judge")
        ASSOCIATION = "association", _("Association representative")
        GD = "gd", _("General Directorate representative")

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="seats")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_seats"
    )
    kind = models.CharField(_("seat"), max_length=16, choices=Kind.choices)
    # Art. 34-1: judges are chosen by the centre head and confirmed by the head of the judiciary.
    confirmation = models.CharField(
        _("confirmation of the head of the judiciary"), max_length=200, blank=True
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("board seat")
        verbose_name_plural = _("board seats")
        ordering = ["board", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "user"],
                condition=Q(ended_on__isnull=True),
                name="discipline_one_open_seat_per_member",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_kind_display()} @ {self.board}"


class ChairVote(models.Model):
    """One member's vote for the chair in one election round (DIS-3)."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="chair_votes")
    election_round = models.PositiveIntegerField()
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cast_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["board", "election_round", "voter"], name="discipline_one_chair_vote"
            )
        ]

    def __str__(self):
        return f"{self.voter} → {self.candidate}"


# --- Who may take a transition ----
def current_member_ids(board_id) -> set[int]:
    if board_id is None:
        return set()
    return set(
        Seat.objects.filter(board_id=board_id, ended_on__isnull=True).values_list(
            "user_id", flat=True
        )
    )


def _gd(instance, user) -> bool:
    return is_gd(user)


def _centre_head(instance, user) -> bool:
    return is_centre_head(user)


def _accused(instance, user) -> bool:
    return _signed_in(user) and user.pk == instance.accused_id


def _system(instance, user) -> bool:
    return False


def _case_board_id(case) -> int | None:
    return case.appeal_board_id if case.status == Case.Status.APPEAL else case.board_id


def _case_chair(instance, user) -> bool:
    board_id = _case_board_id(instance)
    if not _signed_in(user) or board_id is None:
        return False
    return Board.objects.filter(pk=board_id, chair_id=user.pk).exists() and (
        user.pk in current_member_ids(board_id)
    )


def _case_member(instance, user) -> bool:
    return _signed_in(user) and user.pk in current_member_ids(_case_board_id(instance))


def _session_chair(instance, user) -> bool:
    return (
        _signed_in(user)
        and Board.objects.filter(pk=instance.board_id, chair_id=user.pk).exists()
        and user.pk in current_member_ids(instance.board_id)
    )


def _session_member(instance, user) -> bool:
    return _signed_in(user) and user.pk in current_member_ids(instance.board_id)


# --- Cases (DIS-1, DIS-10, DIS-11, DIS-13) ----
class Case(ConcurrentTransitionMixin, models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        FIRST_INSTANCE = "first_instance", _("Before the first-instance board")
        RULED = "ruled", _("Ruled at first instance")
        APPEAL = "appeal", _("Before the appeal board")
        CLOSED = "closed", _("Closed by a final ruling")

    class Source(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        INSPECTION = "inspection", _("Inspection report")
        GD = "gd", _("General Directorate")

    class AccusedRole(models.TextChoices):
        MANAGER = "manager", _("Manager of the office")
        STAFF = "staff", _("Staff member of the office")

    number = models.CharField(_("case number"), max_length=16, unique=True, editable=False)
    status = StateField(_("status"), default=Status.NEW, choices=Status.choices, protected=True)
    source = models.CharField(_("opened on"), max_length=12, choices=Source.choices)
    complaint = models.ForeignKey(
        "licensing.Complaint",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("complaint received by the Association"),
    )
    inspection = models.ForeignKey(
        "licensing.Inspection",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("inspection report"),
    )
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("complainant"),
    )
    complainant_kind = models.CharField(
        _("complainant is"),
        max_length=8,
        blank=True,
        choices=[
            ("public", _("Member of the public")),
            ("lawyer", _("Lawyer")),
            ("party", _("Party")),
        ],
    )
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    accused = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="disciplinary_cases"
    )
    accused_role = models.CharField(_("accused as"), max_length=8, choices=AccusedRole.choices)
    violations = models.ManyToManyField(Violation, related_name="cases")
    allegation = models.TextField(_("allegation"))
    offence_date = models.DateField(_("date of the offence"))
    board = models.ForeignKey(
        Board,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("first-instance board"),
    )
    appeal_board = models.ForeignKey(
        Board,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeal_cases",
        verbose_name=_("appeal board"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    # DIS-10: withdrawal of the complaint does not stop the case; it mitigates a sanction.
    complaint_withdrawn_at = models.DateTimeField(
        _("complaint withdrawn at"), null=True, blank=True
    )
    withdrawal_note = models.TextField(_("withdrawal"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("disciplinary case")
        verbose_name_plural = _("disciplinary cases")
        ordering = ["-opened_at", "-id"]
        indexes = [
            models.Index(fields=["board", "status"]),
            models.Index(fields=["appeal_board", "status"]),
            models.Index(fields=["accused", "status"]),
        ]

    def __str__(self):
        return self.number or f"#{self.pk}"

    @property
    def current_board_id(self):
        return _case_board_id(self)

    @transition(field=status, source=Status.NEW, target=Status.FIRST_INSTANCE, permission=_gd)
    def open(self):
        pass

    @transition(
        field=status,
        source=[Status.FIRST_INSTANCE, Status.APPEAL],
        target=None,
        permission=_case_chair,
    )
    def schedule_hearing(self):
        """DIS-4: a hearing is scheduled (the session and its summons are recorded)."""

    @transition(
        field=status,
        source=[Status.FIRST_INSTANCE, Status.APPEAL],
        target=None,
        permission=_case_member,
    )
    def refer_crime(self):
        """DIS-11: the board refers a crime to the judicial authority; the case goes on."""

    @transition(
        field=status,
        source=[Status.FIRST_INSTANCE, Status.RULED, Status.APPEAL],
        target=None,
        permission=_gd,
    )
    def record_withdrawal(self, *, at, note):
        """DIS-10: the complaint is withdrawn; the case goes on."""
        self.complaint_withdrawn_at = at
        self.withdrawal_note = note

    @transition(field=status, source=Status.APPEAL, target=None, permission=_gd)
    def assign_appeal_board(self, *, board):
        self.appeal_board = board

    @transition(
        field=status, source=Status.FIRST_INSTANCE, target=Status.RULED, permission=_case_chair
    )
    def rule(self):
        """DIS-5: the first-instance board's ruling is issued."""

    @transition(
        field=status,
        source=[Status.RULED, Status.APPEAL],
        target=Status.APPEAL,
        permission=_accused,
    )
    def appeal(self):
        """DIS-6: the sanctioned person appeals a grade 5-6 ruling."""

    @transition(
        field=status,
        source=[Status.RULED, Status.APPEAL],
        target=Status.APPEAL,
        permission=_centre_head,
    )
    def object(self):
        """DIS-7: the centre head objects to a first-instance ruling."""

    @transition(field=status, source=Status.APPEAL, target=Status.CLOSED, permission=_case_chair)
    def rule_on_appeal(self):
        """DIS-8: the appeal board's ruling is final."""
        self.closed_at = timezone.now()

    @transition(field=status, source=Status.RULED, target=Status.CLOSED, permission=_system)
    def finalise(self):
        """DIS-8: no appeal or objection is possible any more."""
        self.closed_at = timezone.now()


class CaseCounter(models.Model):
    """Last case number of each Jalali year: case numbers are year + 9 + an 11-digit counter."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


# --- Hearings (DIS-4; note 2 of art. 34) ----
class Session(ConcurrentTransitionMixin, models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held with all members")
        INCOMPLETE = "incomplete", _("Not all members present: cannot rule")
        CONCLUDED = "concluded", _("Concluded with a ruling")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="sessions")
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="sessions")
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    status = StateField(
        _("status"), default=Status.SCHEDULED, choices=Status.choices, protected=True
    )
    scheduled_for = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=255)
    summons = models.ForeignKey(
        "notices.Notice",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("summons"),
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["scheduled_for", "id"]
        indexes = [models.Index(fields=["board", "scheduled_for"])]

    def __str__(self):
        return f"{self.case} — {self.scheduled_for:%Y-%m-%d %H:%M}"

    @transition(
        field=status,
        source=Status.SCHEDULED,
        target=RETURN_VALUE(Status.HELD, Status.INCOMPLETE),
        permission=_session_chair,
    )
    def record_attendance(self, *, all_present: bool):
        """DIS-4: a session is valid only with all members present."""
        self.attendance_recorded_at = timezone.now()
        return self.Status.HELD if all_present else self.Status.INCOMPLETE

    @transition(field=status, source=Status.HELD, target=None, permission=_session_member)
    def vote(self):
        """DIS-4: a member's vote is recorded (its content is in `Vote`)."""

    @transition(
        field=status, source=Status.HELD, target=Status.CONCLUDED, permission=_session_chair
    )
    def conclude(self):
        """DIS-4: the chair drafts the ruling of the majority."""


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="attendance")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="discipline_attendance_once")
        ]

    def __str__(self):
        return f"{self.member}: {'present' if self.present else 'absent'}"


class Outcome(models.TextChoices):
    ACQUITTAL = "acquittal", _("Acquittal")
    SANCTION = "sanction", _("Sanction")


grade_validators = [MinValueValidator(Grade.ORAL_WARNING), MaxValueValidator(Grade.REVOCATION)]


class Vote(models.Model):
    """A member's vote in a held session (DIS-4): the decision the member votes for."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    grade = models.PositiveSmallIntegerField(
        _("grade"), null=True, blank=True, choices=Grade.choices, validators=grade_validators
    )
    suspension_months = models.PositiveSmallIntegerField(
        _("suspension (months)"), null=True, blank=True
    )
    reasons = models.TextField(_("reasons"))
    cast_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="discipline_one_vote"),
        ]

    def __str__(self):
        return f"{self.member}: {self.decision_key}"

    @property
    def decision_key(self) -> tuple:
        return (self.outcome, self.grade, self.suspension_months)


# --- Rulings (DIS-4 … DIS-9) ----
class Ruling(ConcurrentTransitionMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Drafted by the chair")
        ISSUED = "issued", _("Issued")
        CHALLENGED = "challenged", _("Appealed or objected to")
        SUPERSEDED = "superseded", _("Replaced by the appeal ruling")
        FINAL = "final", _("Final")
        ENFORCED = "enforced", _("Final and enforced")

    FINAL_STATES = (Status.FINAL, Status.ENFORCED)

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="rulings")
    session = models.OneToOneField(Session, on_delete=models.PROTECT, related_name="ruling")
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="rulings")
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    status = StateField(_("status"), default=Status.DRAFT, choices=Status.choices, protected=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    grade = models.PositiveSmallIntegerField(
        _("grade"), null=True, blank=True, choices=Grade.choices, validators=grade_validators
    )
    suspension_months = models.PositiveSmallIntegerField(
        _("suspension (months)"), null=True, blank=True
    )
    text = models.TextField(_("ruling"))
    mitigation_note = models.TextField(_("mitigation (complaint withdrawn)"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    notice = models.ForeignKey(
        "notices.Notice",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("service notice"),
    )
    final_at = models.DateTimeField(_("final at"), null=True, blank=True)
    enforced_at = models.DateTimeField(_("enforced at"), null=True, blank=True)
    suspension_starts_on = models.DateField(null=True, blank=True)
    suspension_ends_on = models.DateField(_("suspended until"), null=True, blank=True)
    enforcement = models.TextField(_("enforcement"), blank=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("ruling")
        verbose_name_plural = _("rulings")
        ordering = ["case", "drafted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome="acquittal", grade__isnull=True))
                | Q(outcome="sanction", grade__gte=Grade.ORAL_WARNING, grade__lte=Grade.REVOCATION),
                name="discipline_ruling_grade",
            ),
            models.CheckConstraint(
                condition=Q(
                    grade=Grade.SUSPENSION,
                    suspension_months__gte=SUSPENSION_MIN_MONTHS,
                    suspension_months__lte=SUSPENSION_MAX_MONTHS,
                )
                | (~Q(grade=Grade.SUSPENSION) & Q(suspension_months__isnull=True))
                | Q(grade__isnull=True, suspension_months__isnull=True),
                name="discipline_ruling_suspension_length",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "tier", "issued_at"]),
            models.Index(fields=["grade", "status"]),
        ]

    def __str__(self):
        return f"{self.case} — {self.get_tier_display()}"

    @property
    def sanction_name(self) -> str:
        if self.outcome == Outcome.ACQUITTAL:
            return str(_("Acquittal"))
        return str(Grade(self.grade).label)

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL_STATES

    @transition(field=status, source=Status.DRAFT, target=Status.ISSUED, permission=_session_chair)
    def issue(self):
        self.issued_at = timezone.now()

    @transition(field=status, source=Status.ISSUED, target=Status.CHALLENGED, permission=_system)
    def challenge(self):
        pass

    @transition(
        field=status, source=Status.CHALLENGED, target=Status.SUPERSEDED, permission=_system
    )
    def supersede(self):
        pass

    @transition(field=status, source=Status.ISSUED, target=Status.FINAL, permission=_system)
    def finalise(self, *, at):
        self.final_at = at

    @transition(field=status, source=Status.FINAL, target=Status.ENFORCED, permission=_system)
    def enforce(self, *, at, note, starts_on=None, ends_on=None):
        self.enforced_at = at
        self.enforcement = note
        self.suspension_starts_on = starts_on
        self.suspension_ends_on = ends_on


class Challenge(models.Model):
    """An appeal by the sanctioned person (DIS-6) or an objection of the centre head (DIS-7)."""

    class Kind(models.TextChoices):
        APPEAL = "appeal", _("Appeal by the sanctioned person")
        OBJECTION = "objection", _("Objection of the centre head")

    ruling = models.ForeignKey(Ruling, on_delete=models.PROTECT, related_name="challenges")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lodged_at = models.DateTimeField(default=timezone.now)
    grounds = models.TextField(_("grounds"))
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ruling", "kind"], name="discipline_one_challenge_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.ruling}"


class CriminalReferral(models.Model):
    """DIS-11 (art. 38): the board refers a crime it learnt of to the judicial authority."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="referrals")
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="+")
    authority = models.CharField(_("judicial authority"), max_length=255)
    facts = models.TextField(_("facts referred"))
    reference = models.CharField(_("referral letter number"), max_length=64, blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        ordering = ["referred_at", "id"]

    def __str__(self):
        return f"{self.case} → {self.authority}"


def document_path(instance, filename):
    ext = {"application/pdf": "pdf", "image/jpeg": "jpg"}.get(instance.content_type, "bin")
    return f"discipline/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext}"


class CaseDocument(models.Model):
    """A paper of the case (the complaint, the inspection report, evidence, the defence)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title
