"""Offices, staff and qualifications, calendars and appointments (OFF-1 … OFF-6, APT-1 … APT-6)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMModelMixin, transition
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from core.fields import StateField
from offices.documents import document_path, validate_document
from offices.text import normalize


class BilingualName(models.Model):
    name_fa = models.CharField(_("name (Persian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if (get_language() or "fa").startswith("fa"):
            return self.name_fa
        return self.name_en or self.name_fa


# --- Reference data ----------------------------------------------------------------------------
class Province(BilingualName):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["sort_order", "name_en"]


class City(BilingualName):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="cities")
    is_capital = models.BooleanField(_("provincial capital"), default=False)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["province__sort_order", "sort_order", "name_en"]
        constraints = [
            models.UniqueConstraint(fields=["province", "name_en"], name="city_unique_per_province")
        ]


class Service(BilingualName):
    """A counter service an appointment is booked for (seed 001)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    is_active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["sort_order", "code"]


# --- Offices -----------------------------------------------------------------------------------
def _default_slot_minutes():
    return settings.OFFICES["DEFAULT_SLOT_MINUTES"]


def _default_slot_capacity():
    return settings.OFFICES["DEFAULT_SLOT_CAPACITY"]


office_code_validator = RegexValidator(r"^\d{4,12}$", _("An office code is 4 to 12 digits."))


class Office(BilingualName):
    """A judicial e-services office (OFF-1). Whether it is operational (OFF-2) is computed by
    `offices.selectors.operational_status`, never stored."""

    code = models.CharField(
        _("office code"), max_length=12, unique=True, validators=[office_code_validator]
    )
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="offices")
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="offices")
    address = models.TextField(_("address"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = PhoneNumberField(_("phone"), db_index=True)
    services = models.ManyToManyField(
        Service, blank=True, related_name="offices", verbose_name=_("services")
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="managed_offices",
        verbose_name=_("manager (licence holder)"),
        editable=False,
        help_text=_("Set by appointing a manager; see the staff."),
    )
    # The default licence-state source (OFFICES["LICENCE_STATUS_PROVIDER"]); the licensing app
    # replaces the provider and this field is then no longer read.
    licence_active = models.BooleanField(_("licence active"), default=False)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=_default_slot_minutes,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    slot_capacity = models.PositiveSmallIntegerField(
        _("people per slot"),
        default=_default_slot_capacity,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    search_text = models.TextField(editable=False, default="")
    # The manager's name, normalised, for the directory's manager filter (kept by the staff
    # services when a manager is appointed or released).
    manager_search = models.CharField(max_length=300, editable=False, default="")
    slots_generated_until = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        user_db_constraint=False,
        excluded_fields=["search_text", "manager_search", "slots_generated_until"],
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["code"]
        permissions = [
            ("manage_appointments", _("Can run the office's appointment calendar")),
            ("manage_staff", _("Can appoint and release the office's staff")),
        ]
        indexes = [models.Index(fields=["city", "code"]), models.Index(fields=["province", "code"])]

    def __str__(self):
        return f"{self.code} — {self.name}"

    def save(self, *args, **kwargs):
        self.search_text = normalize(" ".join([self.code, self.name_fa, self.name_en]))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class Weekday(models.IntegerChoices):
    """Python's numbering (Monday = 0); shown Saturday first, as the Iranian week runs."""

    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


class WorkingHours(models.Model):
    """One opening interval of a weekday; a day may have several (morning, afternoon)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        ordering = ["office", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="hours_close_after_open"
            ),
            models.UniqueConstraint(
                fields=["office", "weekday", "opens"], name="hours_unique_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Closure(models.Model):
    """A day without appointments: an office's own closure, or a public holiday (no office)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, null=True, blank=True, related_name="closures"
    )
    date = models.DateField(_("date"))
    reason_fa = models.CharField(_("reason (Persian)"), max_length=200, blank=True)
    reason_en = models.CharField(_("reason (English)"), max_length=200, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("closure or holiday")
        verbose_name_plural = _("closures and holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="closure_unique_per_office"),
            models.UniqueConstraint(
                fields=["date"], condition=Q(office__isnull=True), name="holiday_unique"
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.reason_fa or self.reason_en}"


# --- Staff and qualifications (OFF-3, OFF-4, OFF-5) ---------------------------------------------
class StaffRole(models.TextChoices):
    MANAGER = "manager", _("Manager")
    LEGAL_EXPERT = "legal_expert", _("Legal expert")
    IT_EXPERT = "it_expert", _("IT expert")
    CLERK = "clerk", _("Clerk")


class StaffProfile(models.Model):
    """The qualification record of a person who manages or works in an office.

    Name, national ID, nationality and birth date are those of the user account. The
    declarations of OFF-5 are kept here; a bar licence number on the account also marks the
    person as a practising lawyer.
    """

    class Sex(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_profile"
    )
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    practising_lawyer = models.BooleanField(_("practising lawyer"), default=False)
    legal_adviser = models.BooleanField(
        _("legal adviser (art. 187 of the Third Development Plan)"), default=False
    )
    official_expert = models.BooleanField(_("official court expert"), default=False)
    dismissed_judge_or_notary = models.BooleanField(
        _("judge or notary permanently dismissed by final ruling"), default=False
    )
    merchant = models.BooleanField(_("merchant (art. 2 of the Commercial Code)"), default=False)
    government_employee = models.BooleanField(
        _("government or public-body employee"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self):
        return str(self.user)


class Degree(models.Model):
    class Level(models.TextChoices):
        DIPLOMA = "diploma", _("High-school diploma")
        ASSOCIATE = "associate", _("Associate degree")
        BACHELOR = "bachelor", _("Bachelor's degree")
        MASTER = "master", _("Master's degree")
        DOCTORATE = "doctorate", _("Doctorate")
        SEMINARY_1 = "seminary_1", _("Seminary level 1")
        SEMINARY_2 = "seminary_2", _("Seminary level 2")
        SEMINARY_3 = "seminary_3", _("Seminary level 3")
        SEMINARY_4 = "seminary_4", _("Seminary level 4")

    class Field(models.TextChoices):
        LAW = "law", _("Law")
        FIQH = "fiqh", _("Fiqh and Islamic law")
        JUDICIAL_SCIENCES = "judicial_sciences", _("Judicial sciences")
        COMPUTING = "computing", _("Computing")
        IT = "it", _("Information technology")
        OTHER = "other", _("Other")

    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="degrees")
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    field = models.CharField(_("field"), max_length=24, choices=Field.choices)
    field_detail = models.CharField(_("field as written on the degree"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("degree")
        verbose_name_plural = _("degrees")

    def __str__(self):
        return f"{self.get_level_display()} — {self.get_field_display()}"


class Experience(models.Model):
    """A period of work; `related` ones count toward the manager's five years (art. 17(3)),
    `approved` ones give priority among applicants (art. 17, note)."""

    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="experience")
    title = models.CharField(pgettext_lazy("job title", "title"), max_length=200)
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    related = models.BooleanField(_("related to the office's work"), default=True)
    approved = models.BooleanField(_("approved service record"), default=False)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty while ongoing.")
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("work experience")
        verbose_name_plural = _("work experience")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="experience_dates",
            )
        ]

    def __str__(self):
        return self.title


class Attestation(models.Model):
    """A document proving one general qualification of art. 16 (OFF-3). It counts once
    licensing staff have verified it, until it expires."""

    class Kind(models.TextChoices):
        NATIONALITY = "nationality", _("Iranian nationality")
        NO_CRIMINAL_RECORD = "no_criminal_record", _("No criminal record")
        NO_ADDICTION = "no_addiction", _("No drug addiction")
        MILITARY_SERVICE = "military_service", _("Military service card or permanent exemption")
        FITNESS = "fitness", _("Physical and mental fitness")

    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="attestations")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    document = models.FileField(
        _("document"), upload_to=document_path, validators=[validate_document]
    )
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        ordering = ["kind", "-issued_on"]

    def __str__(self):
        return self.get_kind_display()


class ComputerSkillsCertification(models.Model):
    """Basic computer skills certified by the General Directorate for a post (art. 17-20)."""

    profile = models.ForeignKey(
        StaffProfile, on_delete=models.CASCADE, related_name="computer_skills"
    )
    role = models.CharField(_("post"), max_length=16, choices=StaffRole.choices)
    certified_on = models.DateField(_("certified on"))
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("computer skills certification")
        verbose_name_plural = _("computer skills certifications")
        constraints = [
            models.UniqueConstraint(fields=["profile", "role"], name="one_certification_per_post")
        ]

    def __str__(self):
        return f"{self.get_role_display()} ({self.certified_on})"


class Membership(models.Model):
    """A person's post in an office, from a date until released. A person holds one post at a
    time; an office has one manager at a time."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="memberships")
    profile = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("post"), max_length=16, choices=StaffRole.choices)
    full_time = models.BooleanField(_("full time"), default=True)
    started_on = models.DateField(_("from"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("staff post")
        verbose_name_plural = _("staff posts")
        ordering = ["office", "role", "started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile"],
                condition=Q(ended_on__isnull=True),
                name="one_open_post_per_person",
            ),
            models.UniqueConstraint(
                fields=["office"],
                condition=Q(ended_on__isnull=True, role="manager"),
                name="one_manager_per_office",
            ),
        ]
        indexes = [
            models.Index(
                fields=["office", "role"], condition=Q(ended_on__isnull=True), name="open_posts"
            )
        ]

    def __str__(self):
        return f"{self.profile} — {self.get_role_display()} @ {self.office.code}"


class OfficeUserObjectPermission(UserObjectPermissionBase):
    """Guardian's per-model table for offices (a direct foreign key, no text-cast joins)."""

    content_object = models.ForeignKey(Office, on_delete=models.CASCADE)


class OfficeGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Office, on_delete=models.CASCADE)


# --- Calendar and appointments (APT-*) -----------------------------------------------------------
class ServiceSchedule(models.Model):
    """An office's own slot length and seats for one service it offers; a service without one
    shares the office's slots (`Office.slot_minutes`, `Office.slot_capacity`)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="service_schedules")
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="+", verbose_name=_("service")
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(240)]
    )
    slot_capacity = models.PositiveSmallIntegerField(
        _("people per slot"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("slots of a service")
        verbose_name_plural = _("slots per service")
        ordering = ["office", "service"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "service"], name="service_schedule_unique_per_office"
            )
        ]

    def __str__(self):
        return f"{self.service} ({self.slot_minutes}′ × {self.slot_capacity})"


class Slot(models.Model):
    """A bookable time of an office with a number of seats. Generated from the office's hours,
    closures and capacity. `booked` only changes under a row lock; the database refuses more
    bookings than seats (APT-2).

    A slot with a `service` belongs to that service's own schedule (`ServiceSchedule`) and
    takes only its bookings; a slot without one is the office's shared slot, booked for any
    service that has no schedule of its own. Each has its own seats and counter."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="slots")
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveSmallIntegerField()
    booked = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "service", "starts_at"],
                name="slot_unique_start",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=Q(booked__lte=F("capacity")), name="slot_not_overbooked"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["office", "day", "starts_at"])]

    def __str__(self):
        return f"{self.office_id} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


def _is_office_staff(instance, user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_perm("offices.manage_appointments", instance.office)
    )


def _is_owner_or_office_staff(instance, user) -> bool:
    if user and user.is_authenticated and user.pk == instance.user_id:
        return True
    return _is_office_staff(instance, user)


def _system_only(instance, user) -> bool:
    return False


class Appointment(ConcurrentTransitionMixin, models.Model):
    """A booked visit (APT-1 … APT-5): booked → checked in / cancelled / no-show."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CHECKED_IN = "checked_in", _("Checked in")
        CANCELLED = "cancelled", _("Cancelled")
        NO_SHOW = "no_show", _("No-show")

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="appointments")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="appointments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    starts_at = models.DateTimeField()
    # The end of the office's working day: the appointment becomes a no-show from then (APT-4).
    day_ends_at = models.DateTimeField()
    status = StateField(_("status"), default=Status.BOOKED, choices=Status.choices, protected=True)
    check_in_code = models.CharField(_("check-in code"), max_length=12, unique=True)
    booked_at = models.DateTimeField(default=timezone.now)
    # The office's staff member who booked it at the desk for the person (art. 7); empty
    # when the person booked it themselves.
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("booked by"),
    )
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    no_show_at = models.DateTimeField(null=True, blank=True)
    rescheduled_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["user", "status", "day"]),
            models.Index(fields=["office", "day", "starts_at"]),
            models.Index(
                fields=["day_ends_at"],
                condition=Q(status="booked"),
                name="appointment_open_by_day_end",
            ),
        ]

    def __str__(self):
        return f"{self.check_in_code} ({self.get_status_display()})"

    @transition(
        field=status, source=Status.BOOKED, target=Status.CHECKED_IN, permission=_is_office_staff
    )
    def check_in(self, *, by=None):
        """The person came with the receipt's code and their national ID card (APT-5)."""
        self.checked_in_at = timezone.now()
        self.checked_in_by = by

    @transition(
        field=status,
        source=Status.BOOKED,
        target=Status.CANCELLED,
        permission=_is_owner_or_office_staff,
    )
    def cancel(self):
        self.cancelled_at = timezone.now()

    @transition(
        field=status,
        source=Status.BOOKED,
        target=Status.BOOKED,
        permission=_is_owner_or_office_staff,
    )
    def reschedule(self, *, slot, day_ends_at):
        """Move to another slot of the same office and service; the code stays."""
        self.slot = slot
        self.day = slot.day
        self.starts_at = slot.starts_at
        self.day_ends_at = day_ends_at
        self.rescheduled_at = timezone.now()

    @transition(field=status, source=Status.BOOKED, target=Status.NO_SHOW, permission=_system_only)
    def mark_no_show(self):
        """Taken by the end-of-day sweep only (APT-4)."""
        self.no_show_at = timezone.now()


class OnlineBookingBan(models.Model):
    """No online booking for a week after a no-show (APT-4), counted from the end of that
    working day. One per no-show, so a sweep that runs twice bans once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="booking_bans"
    )
    appointment = models.OneToOneField(Appointment, on_delete=models.PROTECT, related_name="ban")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("online booking ban")
        verbose_name_plural = _("online booking bans")
        indexes = [models.Index(fields=["user", "ends_at"])]

    def __str__(self):
        return f"{self.user_id} until {self.ends_at}"


class AppointmentReminder(models.Model):
    """The day-before reminder of an appointment at one time, sent once: the row is written in
    the transaction that queues the SMS, and its uniqueness refuses a second one, whichever
    sweep runs it. A moved appointment (another `starts_at`) is reminded of its new time."""

    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="reminders")
    starts_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("appointment reminder")
        verbose_name_plural = _("appointment reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "starts_at"], name="appointment_reminded_once_per_time"
            )
        ]

    def __str__(self):
        return f"{self.appointment_id} at {self.starts_at}"


class WaitingListEntry(ConcurrentTransitionMixin, models.Model):
    """A person waiting for a seat at an office on a day, for a service, when none was free.

    A freed seat is held for the first person waiting (`offered`) until `offer_expires_at`;
    they accept it (a booking on that slot) or let it expire, and it passes to the next."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        OFFERED = "offered", _("Offered a time")
        ACCEPTED = "accepted", _("Booked")
        EXPIRED = "expired", _("Offer expired")
        LEFT = "left", _("Left the list")

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="waiting_list")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="waiting_list_entries"
    )
    day = models.DateField()
    status = StateField(_("status"), default=Status.WAITING, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(default=timezone.now)
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.PROTECT, related_name="offers"
    )
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    appointment = models.OneToOneField(
        Appointment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting list")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "office", "service", "day"],
                condition=Q(status__in=["waiting", "offered"]),
                name="waiting_once_per_day_and_service",
            )
        ]
        indexes = [
            models.Index(
                fields=["office", "day", "created_at"],
                condition=Q(status="waiting"),
                name="waiting_in_order",
            ),
            models.Index(
                fields=["offer_expires_at"],
                condition=Q(status="offered"),
                name="offers_by_expiry",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} {self.office_id} {self.day} ({self.status})"

    @transition(field=status, source=Status.WAITING, target=Status.OFFERED)
    def offer(self, *, slot, until):
        self.slot = slot
        self.offered_at = timezone.now()
        self.offer_expires_at = until

    @transition(
        field=status,
        source=Status.OFFERED,
        target=Status.ACCEPTED,
        permission=lambda entry, user: bool(user and user.pk == entry.user_id),
    )
    def accept(self, *, appointment):
        self.appointment = appointment

    @transition(field=status, source=Status.OFFERED, target=Status.EXPIRED, permission=_system_only)
    def expire(self):
        """Taken by the sweep once the offer's time has passed."""

    @transition(
        field=status,
        source=[Status.WAITING, Status.OFFERED],
        target=Status.LEFT,
        permission=lambda entry, user: bool(user and user.pk == entry.user_id),
    )
    def leave(self):
        """The person leaves the list (or declines the time offered)."""
