"""Electronic filings (DOMAIN.md §7, FIL-1 … FIL-12).

A filing is prepared in a wizard (kind and subject, case, parties, documents, presenter,
text), *prepared* (validated and frozen), signed with a one-time code, paid for and sent to
an office, which verifies the originals and forwards it to the court; a court clerk accepts
or rejects it. `status` is the one state machine; every transition goes through
`core.transitions.apply_transition` from a service in `filings.services`.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMModelMixin, transition
from django_otp.models import SideChannelDevice, ThrottlingMixin
from simple_history.models import HistoricalRecords

from core.fields import StateField
from filings import access

case_number_validator = RegexValidator(
    r"^\d{16}$", _("A case number has exactly 16 digits."), code="case_number"
)
receipt_number_validator = RegexValidator(
    r"^\d{9}$", _("A receipt number has exactly 9 digits."), code="receipt_number"
)


def file_storage():
    """Private storage of filing files (FILINGS["STORAGE"]). Files are never linked by URL:
    only the permission-checked views stream them."""
    alias = settings.FILINGS.get("STORAGE", "default")
    return storages[alias if alias in settings.STORAGES else "default"]


def file_path(instance, filename):
    # A random name: nothing of the sender's file name reaches the file system.
    return f"filings/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{instance.extension}"


class Kind(models.TextChoices):
    """FIL-1: what can be filed."""

    PETITION = "petition", _("Petition (civil claim)")
    CRIMINAL_COMPLAINT = "criminal_complaint", _("Criminal complaint")
    DEFENCE_BRIEF = "defence_brief", _("Defence brief")
    REQUEST = "request", _("Request or application")
    CASE_DOCUMENT = "case_document", _("Document into an existing case")
    OFFICIAL_REPORT = "official_report", _("Official's report (police, expert, prison…)")


class Channel(models.TextChoices):
    """FIL-2: prepared by the filer on the portal (art. 5) or at an office (art. 6)."""

    PORTAL = "portal", _("Portal")
    OFFICE = "office", _("At an office")


class CaseMode(models.TextChoices):
    NEW = "new", _("New case")
    EXISTING = "existing", _("Existing case")


class PresenterKind(models.TextChoices):
    LAWYER = "lawyer", _("A lawyer")
    SELF = "self", _("The filer in person")


class ReturnReason(models.TextChoices):
    """Why an office or the court sends a filing back for correction (FIL-8)."""

    INCOMPLETE_DOCUMENTS = "incomplete_documents", _("Documents incomplete")
    ORIGINALS_MISMATCH = "originals_mismatch", _("Originals do not match the electronic copies")
    ILLEGIBLE = "illegible", _("Scans illegible")
    WRONG_COURT = "wrong_court", _("Addressed to the wrong court")
    PARTIES = "parties", _("Parties' details wrong or missing")
    FORMAL = "formal", _("Formal requirements not met")
    OTHER = "other", _("Other")


class RejectReason(models.TextChoices):
    """Why the court rejects a filing (FIL-8)."""

    FORMAL = "formal", _("Procedural requirements not met")
    JURISDICTION = "jurisdiction", _("No jurisdiction")
    TIME_LIMIT = "time_limit", _("Out of time")
    FEE = "fee", _("Court fee not paid in full")
    DUPLICATE = "duplicate", _("Duplicate filing")
    OTHER = "other", _("Other")


# --- The filing --------------------------------------------------------------------------------
class Filing(ConcurrentTransitionMixin, models.Model):
    class Status(models.TextChoices):
        """FIL-8 (seed 002's five statuses, plus the office's steps, return and cancel)."""

        DRAFT = "draft", _("Draft")
        CONFIRMED = "confirmed", _("Confirmed (prepared, ready to sign)")
        SENT = "sent", _("Sent to the office")
        VERIFIED = "verified", _("Originals verified by the office")
        FORWARDED = "forwarded", _("Forwarded to the court")
        ACCEPTED = "accepted", _("Accepted by the court")
        REJECTED = "rejected", _("Rejected by the court")
        RETURNED = "returned", _("Returned for correction")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    channel = models.CharField(
        _("channel"), max_length=8, choices=Channel.choices, default=Channel.PORTAL
    )
    status = StateField(_("status"), default=Status.DRAFT, choices=Status.choices, protected=True)
    filer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("filer"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Step 1: kind and subject.
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    court = models.ForeignKey(
        "notices.Branch",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("court"),
    )
    # CAS-1: the kind of application the court takes, and the case's category / subcategory.
    application_type = models.ForeignKey(
        "courts.ApplicationType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("application type"),
    )
    category = models.ForeignKey(
        "courts.Category",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("category"),
    )
    claim_value = models.DecimalField(
        _("claim value (rials)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    # Step 2: case information.
    case_mode = models.CharField(_("case"), max_length=8, choices=CaseMode.choices, blank=True)
    case_number = models.CharField(
        _("case number"), max_length=16, blank=True, validators=[case_number_validator]
    )
    # CAS-2: the court's case it was accepted into.
    case = models.ForeignKey(
        "courts.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("court case"),
    )
    # Step 5: presenter.
    presenter_kind = models.CharField(
        _("presenter"), max_length=8, choices=PresenterKind.choices, blank=True
    )
    presenter_lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="presented_filings",
        verbose_name=_("presenting lawyer"),
    )
    presenter_name = models.CharField(_("presenter's name"), max_length=255, blank=True)
    presenter_national_id = models.CharField(
        _("presenter's national ID"), max_length=20, blank=True
    )
    presenter_bar_licence = models.CharField(_("bar licence number"), max_length=32, blank=True)
    # Step 6: text (rich text, sanitised) or a scanned letterhead instead.
    text_title = models.CharField(_("title"), max_length=255, blank=True)
    text_html = models.TextField(_("text"), blank=True)
    # Wizard progress: names of the saved steps (FIL-3, FIL-4).
    steps_done = models.JSONField(default=list, blank=True)
    # Frozen by "prepare" (FIL-4): the hash of the exact content and files.
    content_hash = models.CharField(max_length=64, blank=True)
    prepared_at = models.DateTimeField(null=True, blank=True)
    # Fees (FIL-7): computed for the chosen office once prepared.
    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("office"),
    )
    court_fee = models.DecimalField(max_digits=18, decimal_places=0, null=True, blank=True)
    service_fee = models.DecimalField(max_digits=18, decimal_places=0, null=True, blank=True)
    fees_computed_at = models.DateTimeField(null=True, blank=True)
    # Sending and after (FIL-9, FIL-12).
    tracking_code = models.CharField(
        _("tracking code"), max_length=16, unique=True, null=True, blank=True
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reason_category = models.CharField(_("reason category"), max_length=24, blank=True)
    reason_text = models.TextField(_("reason"), blank=True)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        bases=[FSMModelMixin, models.Model],
        excluded_fields=["updated_at"],
        user_db_constraint=False,
    )

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case_mode="existing", case_number__regex=r"^\d{16}$")
                | ~Q(case_mode="existing"),
                name="filing_existing_case_has_number",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "confirmed", "cancelled"])
                | Q(tracking_code__isnull=False, sent_at__isnull=False),
                name="filing_sent_has_tracking_code",
            ),
        ]
        indexes = [
            models.Index(fields=["filer", "-created_at", "-id"], name="filing_mine"),
            models.Index(
                fields=["office", "status", "sent_at"],
                name="filing_office_queue",
                condition=Q(sent_at__isnull=False),
            ),
            models.Index(
                fields=["court", "status", "forwarded_at"],
                name="filing_court_queue",
                condition=Q(forwarded_at__isnull=False),
            ),
        ]

    def __str__(self):
        return self.tracking_code or f"#{self.pk}"

    @property
    def fee_total(self):
        if self.court_fee is None or self.service_fee is None:
            return None
        return self.court_fee + self.service_fee

    @property
    def signer(self):
        """Who signs (FIL-6): the presenting lawyer, or else the filer."""
        if self.presenter_kind == PresenterKind.LAWYER and self.presenter_lawyer_id:
            return self.presenter_lawyer
        return self.filer

    # --- transitions (FIL-4, FIL-8, FIL-9) -------------------------------------------------
    @transition(
        field=status, source=Status.DRAFT, target=Status.CONFIRMED, permission=access.is_filer_side
    )
    def prepare(self, *, content_hash):
        """Complete and frozen: signing, fees and sending unlock (FIL-4)."""
        self.content_hash = content_hash
        self.prepared_at = timezone.now()

    @transition(
        field=status, source=Status.CONFIRMED, target=Status.DRAFT, permission=access.is_filer_side
    )
    def reopen(self):
        """Back to editing; the signature, if any, is voided by the service (FIL-6)."""
        self.content_hash = ""
        self.prepared_at = None

    @transition(
        field=status, source=Status.CONFIRMED, target=Status.SENT, permission=access.may_send
    )
    def send(self, *, tracking_code, at):
        self.tracking_code = tracking_code
        self.sent_at = at

    @transition(
        field=status,
        source=[Status.DRAFT, Status.CONFIRMED, Status.SENT],
        target=Status.CANCELLED,
        permission=access.is_filer_side,
    )
    def cancel(self):
        """By the filer, before the office starts its review (FIL-8)."""
        self.cancelled_at = timezone.now()

    @transition(
        field=status,
        source=Status.SENT,
        target=Status.VERIFIED,
        permission=access.is_office_staff,
    )
    def verify(self):
        """The office checked the originals against the electronic copies (art. 5)."""
        self.verified_at = timezone.now()

    @transition(
        field=status,
        source=Status.VERIFIED,
        target=Status.FORWARDED,
        permission=access.is_office_staff,
    )
    def forward(self):
        self.forwarded_at = timezone.now()

    @transition(
        field=status,
        source=[Status.SENT, Status.VERIFIED],
        target=Status.RETURNED,
        permission=access.is_office_staff,
    )
    def office_return(self, *, category, text):
        self.reason_category, self.reason_text = category, text
        self.returned_at = timezone.now()

    @transition(
        field=status,
        source=Status.FORWARDED,
        target=Status.RETURNED,
        permission=access.is_court_clerk,
    )
    def court_return(self, *, category, text):
        self.reason_category, self.reason_text = category, text
        self.returned_at = timezone.now()

    @transition(
        field=status,
        source=Status.FORWARDED,
        target=Status.ACCEPTED,
        permission=access.is_court_clerk,
    )
    def accept(self, *, case_number):
        self.case_number = case_number
        self.decided_at = timezone.now()

    @transition(
        field=status,
        source=Status.FORWARDED,
        target=Status.REJECTED,
        permission=access.is_court_clerk,
    )
    def reject(self, *, case_number, category, text):
        self.case_number = case_number
        self.reason_category, self.reason_text = category, text
        self.decided_at = timezone.now()


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", _("Plaintiff")
    DEFENDANT = "defendant", _("Defendant")
    COMPLAINANT = "complainant", _("Complainant")
    ACCUSED = "accused", _("Accused")
    CREDITOR = "creditor", _("Creditor")
    DEBTOR = "debtor", _("Debtor")
    GUARANTOR = "guarantor", _("Guarantor")
    REPRESENTATIVE = "representative", _("Representative")
    LAWYER = "lawyer", _("Lawyer")
    OTHER = "other", _("Other")


CONTRACT_ROLES = {PartyRole.DEBTOR, PartyRole.GUARANTOR}


class Party(models.Model):
    """A party of the filing (FIL-3, seed 002 §10.2)."""

    class PersonKind(models.TextChoices):
        NATURAL = "natural", _("Natural person")
        LEGAL = "legal", _("Legal person")
        MYSELF = "myself", _("Myself")

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="parties")
    position = models.PositiveSmallIntegerField(default=0)
    role = models.CharField(_("role"), max_length=16, choices=PartyRole.choices)
    person_kind = models.CharField(_("person"), max_length=8, choices=PersonKind.choices)
    national_id = models.CharField(_("national ID"), max_length=20, blank=True)
    id_card_serial = models.CharField(_("ID card serial"), max_length=20, blank=True)
    legal_id = models.CharField(_("legal entity ID"), max_length=20, blank=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    name = models.CharField(_("name of the legal person"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    mobile = models.CharField(_("mobile"), max_length=20, blank=True)
    # Debtors and guarantors: the contract that created the obligation (seed 002).
    contract_signed_on = models.DateField(_("contract signed on"), null=True, blank=True)
    contract_ends_on = models.DateField(_("contract ends on"), null=True, blank=True)
    contract_subject = models.CharField(_("subject of the obligation"), max_length=255, blank=True)
    contract_number = models.CharField(_("contract number"), max_length=64, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["filing", "position", "id"]

    def __str__(self):
        who = self.name or f"{self.first_name} {self.last_name}".strip()
        return f"{self.get_role_display()}: {who}"


class DocumentPurpose(models.TextChoices):
    DOCUMENT = "document", _("Document")
    LETTERHEAD = "letterhead", _("Scanned letterhead (instead of the text)")
    EXEMPTION_PROOF = "exemption_proof", _("Proof of fee exemption")


class DocumentType(models.TextChoices):
    CONTRACT = "contract", _("Contract")
    POWER_OF_ATTORNEY = "power_of_attorney", _("Power of attorney")
    CERTIFICATE = "certificate", _("Certificate or statement")
    EVIDENCE = "evidence", _("Evidence")
    IDENTITY = "identity", _("Identity document")
    RULING = "ruling", _("Court paper")
    LETTER = "letter", _("Letter")
    OTHER = "other", _("Other")


class Document(models.Model):
    """A file of a filing (FIL-5): PDF, JPEG, or a signed ADOC/EDOC container, checked by its
    content. Stored under a random name; served only by the permission-checked views."""

    class Format(models.TextChoices):
        PDF = "pdf", _("PDF")
        JPEG = "jpeg", _("JPEG")
        ADOC = "adoc", _("ADOC")
        EDOC = "edoc", _("EDOC")

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="documents")
    purpose = models.CharField(
        _("purpose"), max_length=16, choices=DocumentPurpose.choices, default="document"
    )
    doc_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    title = models.CharField(_("title"), max_length=255, blank=True)
    file = models.FileField(upload_to=file_path, storage=file_storage, max_length=200)
    original_name = models.CharField(_("original name"), max_length=255)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["filing", "id"]

    def __str__(self):
        return self.title or self.get_doc_type_display()

    @property
    def extension(self) -> str:
        return {"pdf": "pdf", "jpeg": "jpg", "adoc": "adoc", "edoc": "edoc"}.get(self.format, "bin")


# --- Signing (FIL-6, FIL-9) ---------------------------------------------------------------------
class Signature(models.Model):
    """An e-signature over a hash of exactly what was signed. Voided by any later change."""

    class Method(models.TextChoices):
        SMS_CODE = "sms_code", _("Acknowledgement + one-time code by SMS")

    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(max_length=16, choices=Method.choices, default=Method.SMS_CODE)
    acknowledgement = models.TextField(_("acknowledged text"))
    content_hash = models.CharField(max_length=64)
    signed_at = models.DateTimeField()
    voided_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.CharField(max_length=255, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["filing"],
                condition=Q(voided_at__isnull=True),
                name="filing_one_live_signature",
            )
        ]

    def __str__(self):
        return f"{self.signer_id} @ {self.signed_at:%Y-%m-%d %H:%M}"


class FilingCode(ThrottlingMixin, SideChannelDevice):
    """A one-time code for signing or sending one filing, sent to the signer's mobile. Only a
    keyed hash is kept; a code works once, for a few minutes (FIL-6, FIL-9)."""

    class Purpose(models.TextChoices):
        SIGN = "sign", _("Sign the filing")
        SEND = "send", _("Send the filing")

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(max_length=8, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "filing", "purpose"], name="filing_code_one_device"
            )
        ]

    def get_throttle_factor(self):
        return settings.ACCOUNTS.get("OTP_THROTTLE_FACTOR", 1)


# --- Fees and payment (FIL-7, FIL-8) --------------------------------------------------------------
class CourtFeeRule(models.Model):
    """The court fee of a filing kind for claims in a value band, from a date (FIL-7).

    fee = fixed + claim value × rate / 100, rounded to the rial.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    min_claim = models.DecimalField(_("claim from"), max_digits=18, decimal_places=0, default=0)
    max_claim = models.DecimalField(
        _("claim up to"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    fixed_amount = models.DecimalField(_("fixed amount"), max_digits=18, decimal_places=0)
    rate_percent = models.DecimalField(
        # xgettext:no-python-format
        _("rate (% of the claim)"),
        max_digits=6,
        decimal_places=3,
        default=0,
    )
    effective_from = models.DateField(_("effective from"))
    effective_until = models.DateField(_("effective until"), null=True, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("court fee rule")
        verbose_name_plural = _("court fee rules")
        ordering = ["kind", "min_claim", "-effective_from"]

    def __str__(self):
        return f"{self.get_kind_display()} ≥ {self.min_claim} from {self.effective_from}"


class ServiceTariff(models.Model):
    """An office's service tariff, from a date (FIL-7). The most specific rule wins: the
    office and kind, the office, the kind, then the default (no office, no kind)."""

    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=0)
    effective_from = models.DateField(_("effective from"))
    effective_until = models.DateField(_("effective until"), null=True, blank=True)
    history = HistoricalRecords(user_db_constraint=False)

    class Meta:
        verbose_name = _("service tariff")
        verbose_name_plural = _("service tariffs")
        ordering = ["office", "kind", "-effective_from"]

    def __str__(self):
        return f"{self.office_id or '*'} {self.kind or '*'} {self.amount}"


class ExemptionReason(models.TextChoices):
    INSOLVENCY = "insolvency", _("Insolvency (court-granted)")
    LEGAL_AID = "legal_aid", _("Legal aid")
    PUBLIC_BODY = "public_body", _("Public body exempt by law")
    LABOUR = "labour", _("Labour claim")
    OTHER = "other", _("Other ground in law")


class Payment(ConcurrentTransitionMixin, models.Model):
    """One way the fee of a filing was settled (FIL-7): online through the gateway, a receipt
    already paid elsewhere (9 digits), an exemption with proof, or a rejected filing's receipt
    reused once (FIL-8). At most one payment per filing is pending or succeeded at a time."""

    class Method(models.TextChoices):
        ONLINE = "online", _("Online payment")
        ALREADY_PAID = "already_paid", _("Already paid (receipt number)")
        EXEMPT = "exempt", _("Exempt from the fee")
        REUSED = "reused", _("Receipt of a rejected filing reused")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="payments")
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    status = StateField(_("status"), default=Status.PENDING, choices=Status.choices, protected=True)
    amount = models.DecimalField(_("amount (rials)"), max_digits=18, decimal_places=0)
    receipt_number = models.CharField(
        _("receipt number"), max_length=9, blank=True, validators=[receipt_number_validator]
    )
    gateway = models.CharField(max_length=32, blank=True)
    gateway_transaction = models.CharField(max_length=64, blank=True)
    # A redirect gateway's token for this payment (core.payments.redirect): the callback
    # must name it, and verify and reverse are asked with it.
    gateway_token = models.CharField(max_length=64, blank=True)
    card_prefix = models.CharField(max_length=6, blank=True)
    failure_message = models.CharField(max_length=255, blank=True)
    exemption_reason = models.CharField(
        _("exemption ground"), max_length=16, choices=ExemptionReason.choices, blank=True
    )
    exemption_text = models.TextField(_("exemption details"), blank=True)
    proof = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reused_from = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reused_by",
        help_text=_("A receipt of a rejected filing can be reused once."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    settled_at = models.DateTimeField(null=True, blank=True)
    # The money a gateway took was given back (our side could not settle the payment).
    reversed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(bases=[FSMModelMixin, models.Model], user_db_constraint=False)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["filing"],
                condition=Q(status__in=["pending", "succeeded"]),
                name="payment_one_live_per_filing",
            ),
            # A receipt settles one filing; its only second life is one reuse (reused_from).
            models.UniqueConstraint(
                fields=["receipt_number"],
                condition=Q(
                    method__in=["online", "already_paid"], status__in=["pending", "succeeded"]
                )
                & ~Q(receipt_number=""),
                name="payment_receipt_used_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_method_display()} {self.amount} ({self.status})"

    @transition(field=status, source=Status.PENDING, target=Status.SUCCEEDED)
    def succeed(self, *, receipt_number="", transaction_id=""):
        self.receipt_number = receipt_number or self.receipt_number
        self.gateway_transaction = transaction_id or self.gateway_transaction
        self.settled_at = timezone.now()

    @transition(field=status, source=Status.PENDING, target=Status.FAILED)
    def fail(self, *, message="", reversed_=False):
        self.failure_message = message[:255]
        self.settled_at = timezone.now()
        if reversed_:
            self.reversed_at = self.settled_at


# --- Sending (FIL-9, FIL-12) --------------------------------------------------------------------
class Submission(models.Model):
    """The immutable snapshot frozen when a filing is sent (FIL-12). One per filing: the
    database refuses a second, so the same filing is never sent twice."""

    filing = models.OneToOneField(Filing, on_delete=models.PROTECT, related_name="submission")
    idempotency_key = models.CharField(max_length=128, blank=True)
    tracking_code = models.CharField(max_length=16, unique=True)
    content_hash = models.CharField(max_length=64)
    canonical = models.JSONField(help_text=_("The exact content and file hashes that were sent."))
    signature = models.ForeignKey(Signature, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_in_with = models.CharField(max_length=64)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="+")
    payment_method = models.CharField(max_length=16)
    payment_status = models.CharField(max_length=16)
    amount = models.DecimalField(max_digits=18, decimal_places=0)
    receipt_number = models.CharField(max_length=9, blank=True)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return self.tracking_code

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("A submission cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("A submission cannot be deleted.")


class StampedReceipt(models.Model):
    """The stamped PDF receipt of an accepted filing (FIL-8), made once at acceptance."""

    filing = models.OneToOneField(Filing, on_delete=models.PROTECT, related_name="receipt")
    file = models.FileField(upload_to=file_path, storage=file_storage, max_length=200)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    extension = "pdf"

    class Meta:
        verbose_name = _("stamped receipt")
        verbose_name_plural = _("stamped receipts")

    def __str__(self):
        return f"receipt of {self.filing_id}"
