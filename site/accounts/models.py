"""People and organisations who use Daftar (ID-1 … ID-8)."""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import ConcurrentTransitionMixin, FSMModelMixin, transition
from django_otp.models import SideChannelDevice, ThrottlingMixin
from django_otp.util import random_number_token
from guardian.models import UserObjectPermissionBase
from knox.models import AbstractAuthToken
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from accounts.national_id import scheme_choices
from core.fields import StateField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, national_id, password=None, **extra):
        if not national_id:
            raise ValueError("national_id is required")
        user = self.model(national_id=national_id, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, national_id, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("status", User.Status.ACTIVE)
        extra.setdefault("mobile_verified_at", timezone.now())
        return self.create_user(national_id, password, **extra)


class Level(models.TextChoices):
    """How sure Daftar is that an account belongs to the person of its national ID (ID-9)."""

    NONE = "none", _("Not registered")
    REGISTERED = "registered", _("Registered (mobile proven)")
    VERIFIED = "verified", _("Verified identity")


class IdentityMethod(models.TextChoices):
    REGISTRY = "registry", _("Civil registry and mobile operator")
    OFFICE = "office", _("In person at an office")


class User(ConcurrentTransitionMixin, AbstractUser):
    """A natural person (ID-1). Signs in with national ID + password + SMS temporary password.

    The account is usable only once its mobile is verified (ID-2): `status` goes from
    pending to active through the `activate` transition.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting mobile verification")
        ACTIVE = "active", _("Active")
        DISABLED = "disabled", _("Disabled")

    username = None
    national_id = models.CharField(_("national ID"), max_length=20, unique=True)
    id_scheme = models.CharField(
        _("ID scheme"), max_length=16, default="ir", choices=scheme_choices
    )
    nationality = models.CharField(
        _("nationality"), max_length=2, default="IR", help_text=_("ISO 3166 country code.")
    )
    mobile = PhoneNumberField(_("mobile"), db_index=True)
    mobile_verified_at = models.DateTimeField(_("mobile verified at"), null=True, blank=True)
    email = models.EmailField(_("email"), blank=True)
    email_verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    id_card_serial = models.CharField(_("ID card serial"), max_length=20, blank=True)
    bar_licence_number = models.CharField(
        _("bar licence number"), max_length=32, blank=True, help_text=_("Set for lawyers.")
    )
    status = StateField(_("status"), default=Status.PENDING, choices=Status.choices, protected=True)
    must_change_password = models.BooleanField(default=False)
    # ID-9: identity assurance. Registration proves the mobile only ("registered"); the
    # civil registry and the operator, or an office's staff, make the account "verified".
    identity_verified_at = models.DateTimeField(_("identity verified at"), null=True, blank=True)
    identity_method = models.CharField(
        _("identity verified by"), max_length=16, blank=True, choices=IdentityMethod.choices
    )
    preferred_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="fa")

    USERNAME_FIELD = "national_id"
    REQUIRED_FIELDS = ["mobile"]

    objects = UserManager()
    history = HistoricalRecords(
        bases=[FSMModelMixin, models.Model],
        excluded_fields=["password", "last_login"],
        user_db_constraint=False,
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("disable_user", _("Can disable and re-enable accounts")),
            ("view_user_timeline", _("Can read any account's timeline")),
        ]

    def __str__(self):
        return self.get_full_name() or self.national_id

    @property
    def is_lawyer(self) -> bool:
        return bool(self.bar_licence_number)

    @property
    def is_usable(self) -> bool:
        return self.status == self.Status.ACTIVE and self.is_active

    @property
    def level(self) -> str:
        if not self.is_usable:
            return Level.NONE
        return Level.VERIFIED if self.identity_verified_at else Level.REGISTERED

    @property
    def is_verified(self) -> bool:
        return self.level == Level.VERIFIED

    # --- transitions ---------------------------------------------------------------------
    @transition(field=status, source=Status.PENDING, target=Status.ACTIVE)
    def activate(self):
        """The mobile has been verified (ID-2)."""
        self.mobile_verified_at = self.mobile_verified_at or timezone.now()
        self.is_active = True

    @transition(
        field=status,
        source=Status.ACTIVE,
        target=Status.DISABLED,
        permission="accounts.disable_user",
    )
    def disable(self):
        self.is_active = False

    @transition(
        field=status,
        source=Status.DISABLED,
        target=Status.ACTIVE,
        permission="accounts.disable_user",
    )
    def enable(self):
        self.is_active = True


class LegalPerson(models.Model):
    """A company or public body (ID-3). It never signs in itself: its authorised
    representatives sign in with their own national ID + password + the entity's ID."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        PUBLIC_BODY = "public_body", _("Public body")
        OTHER = "other", _("Other organisation")

    legal_id = models.CharField(_("legal entity ID"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.COMPANY)
    mobile = PhoneNumberField(_("mobile"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("legal person")
        verbose_name_plural = _("legal persons")
        permissions = [("act_for_legalperson", _("Can act for the legal person"))]

    def __str__(self):
        return f"{self.name} ({self.legal_id})"


class Representation(models.Model):
    """A natural person authorised to act for a legal person, from a date, until revoked."""

    legal_person = models.ForeignKey(
        LegalPerson, on_delete=models.PROTECT, related_name="representations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="representations"
    )
    title = models.CharField(pgettext_lazy("job title", "title"), max_length=128, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["legal_person", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_open_representation",
            )
        ]

    def __str__(self):
        return f"{self.user} for {self.legal_person}"


class LegalPersonUserObjectPermission(UserObjectPermissionBase):
    """Guardian's per-model table for legal persons (no text-cast joins)."""

    content_object = models.ForeignKey(LegalPerson, on_delete=models.CASCADE)


class OneTimeCode(ThrottlingMixin, SideChannelDevice):
    """A code sent over a side channel for one purpose (ID-2, ID-4, ID-5, ID-8).

    Codes are stored as keyed hashes, never in clear. The sign-in temporary password stays
    valid for its whole validity (ID-4: reused on every sign-in until it expires or is
    replaced by "resend"); every other code is consumed by its first use.
    """

    class Purpose(models.TextChoices):
        MOBILE = "mobile", _("Verify mobile")
        EMAIL = "email", _("Verify email")
        SIGNIN = "signin", _("Temporary sign-in password")
        RECOVERY_SMS = "recovery_sms", _("Recovery code by SMS")
        RECOVERY_EMAIL = "recovery_email", _("Recovery code by email")
        NEW_MOBILE = "new_mobile", _("Verify a new mobile")
        NEW_EMAIL = "new_email", _("Verify a new email")

    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    target = models.CharField(_("sent to"), max_length=254)
    token_hash = models.CharField(max_length=64, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    REUSABLE = {Purpose.SIGNIN}

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "purpose"], name="one_code_device_per_purpose")
        ]

    def get_throttle_factor(self):
        return settings.ACCOUNTS.get("OTP_THROTTLE_FACTOR", 1)

    def _digest(self, token: str) -> str:
        message = f"{self.user_id}:{self.purpose}:{self.generated_at.isoformat()}:{token}"
        return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()

    def has_valid_token(self, now=None) -> bool:
        return bool(self.token_hash) and (now or timezone.now()) < self.valid_until

    def generate_token(self, length=6, valid_secs=300, commit=True):
        """Make a new code, keep only its hash, and return it (to be sent once)."""
        token = random_number_token(length)
        now = timezone.now()
        self.token = None
        self.generated_at = now
        self.valid_until = now + timezone.timedelta(seconds=valid_secs)
        self.token_hash = self._digest(token)
        self.used_at = None
        self.throttling_failure_count = 0
        self.throttling_failure_timestamp = None
        if commit:
            self.save()
        return token

    def verify_token(self, token):
        allowed, _info = self.verify_is_allowed()
        if not allowed:
            return False
        now = timezone.now()
        token = str(token or "").strip()
        if (
            self.has_valid_token(now)
            and token
            and hmac.compare_digest(self._digest(token), self.token_hash)
        ):
            if self.purpose not in self.REUSABLE:
                self.token_hash = ""  # nosec B105 # clears a used code, no password
                self.valid_until = now
            self.used_at = now
            self.throttle_reset(commit=False)
            self.save()
            return True
        self.throttle_increment(commit=True)
        return False


class IdentityVerification(models.Model):
    """One verification of an account's identity (ID-9), kept as its record: how, by whom,
    where, and for the in-person way the serial of the ID card that was seen."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="identity_verifications"
    )
    method = models.CharField(_("method"), max_length=16, choices=IdentityMethod.choices)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified by"),
    )
    office_id = models.PositiveIntegerField(_("office"), null=True, blank=True)
    id_card_serial = models.CharField(_("ID card serial seen"), max_length=20, blank=True)
    mobile = PhoneNumberField(_("mobile"), blank=True)
    providers = models.CharField(_("providers"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("verified at"), default=timezone.now)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("identity verification")
        verbose_name_plural = _("identity verifications")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.user} ({self.get_method_display()})"


class DeviceToken(AbstractAuthToken):
    """An API token of one device (ID-12): django-rest-knox keeps only its SHA-512 digest and
    an expiry; the owner names, lists and revokes each one."""

    name = models.CharField(_("device"), max_length=100, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("device token")
        verbose_name_plural = _("device tokens")
        ordering = ["-created"]
