"""Serializers of the filings API (read shapes and request bodies)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.names import NameField
from core.transitions import available_transitions
from filings import selectors
from filings.models import (
    CaseMode,
    Document,
    DocumentPurpose,
    DocumentType,
    ExemptionReason,
    Filing,
    Kind,
    Party,
    PartyRole,
    Payment,
    PresenterKind,
    RejectReason,
    ReturnReason,
    Signature,
)


class PlaceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class FilingSummarySerializer(serializers.ModelSerializer):
    court = PlaceSerializer(read_only=True, allow_null=True)
    office = PlaceSerializer(read_only=True, allow_null=True)
    fee_total = serializers.DecimalField(
        max_digits=18, decimal_places=0, read_only=True, allow_null=True
    )

    class Meta:
        model = Filing
        fields = [
            "id",
            "kind",
            "channel",
            "status",
            "subject",
            "court",
            "office",
            "case_number",
            "tracking_code",
            "fee_total",
            "created_at",
            "sent_at",
            "decided_at",
        ]
        read_only_fields = fields


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = [
            "role",
            "person_kind",
            "national_id",
            "id_card_serial",
            "legal_id",
            "first_name",
            "last_name",
            "name",
            "address",
            "mobile",
            "contract_signed_on",
            "contract_ends_on",
            "contract_subject",
            "contract_number",
        ]


class DocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "purpose",
            "doc_type",
            "title",
            "original_name",
            "format",
            "size",
            "sha256",
            "created_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, obj) -> str:
        return f"/api/v1/filings/{obj.filing_id}/documents/{obj.pk}/file/"


class PaymentSerializer(serializers.ModelSerializer):
    redirect_url = serializers.SerializerMethodField(
        help_text="A pending payment through a redirect gateway: the gateway's page where "
        "the payer pays (the gateway then sends them back and the payment is verified)."
    )

    def get_redirect_url(self, payment) -> str:
        from filings.services.gateway import payer_url

        return payer_url(payment)

    class Meta:
        model = Payment
        fields = [
            "id",
            "method",
            "status",
            "amount",
            "receipt_number",
            "failure_message",
            "exemption_reason",
            "created_at",
            "settled_at",
            "redirect_url",
        ]
        read_only_fields = fields


class SignatureSerializer(serializers.ModelSerializer):
    signer = serializers.CharField(source="signer.get_full_name", read_only=True)

    class Meta:
        model = Signature
        fields = ["id", "signer", "method", "content_hash", "signed_at", "voided_at", "void_reason"]
        read_only_fields = fields


class FilingStepSerializer(serializers.Serializer):
    name = serializers.CharField()
    state = serializers.ChoiceField(choices=["done", "open", "locked", "frozen"])


class FilingDetailSerializer(FilingSummarySerializer):
    application_type = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    category = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    parties = PartySerializer(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)
    signatures = SignatureSerializer(many=True, read_only=True)
    steps = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    class Meta(FilingSummarySerializer.Meta):
        fields = [
            *FilingSummarySerializer.Meta.fields,
            "application_type",
            "category",
            "claim_value",
            "case_mode",
            "presenter_kind",
            "presenter_name",
            "presenter_national_id",
            "presenter_bar_licence",
            "text_title",
            "text_html",
            "content_hash",
            "prepared_at",
            "court_fee",
            "service_fee",
            "verified_at",
            "forwarded_at",
            "returned_at",
            "cancelled_at",
            "reason_category",
            "reason_text",
            "copied_from",
            "parties",
            "documents",
            "payments",
            "signatures",
            "steps",
            "warnings",
            "actions",
        ]
        read_only_fields = fields

    @extend_schema_field(FilingStepSerializer(many=True))
    def get_steps(self, obj):
        return selectors.step_states(obj)

    @extend_schema_field(
        serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    )
    def get_warnings(self, obj):
        return selectors.warnings(obj)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_actions(self, obj):
        request = self.context.get("request")
        return available_transitions(obj, request.user) if request else []


class CreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)


class OfficeCreateSerializer(CreateSerializer):
    office = serializers.CharField(help_text=_("Code of the office."))
    filer_national_id = serializers.CharField()


def signed_in_with(request) -> str:
    """How the sender signed in, for the snapshot (FIL-12)."""
    auth = getattr(request, "auth", None)
    if auth is not None and auth.__class__.__name__ == "DeviceToken":
        return "token:password+sms"
    if getattr(request, "session", None) is not None and request.session.session_key:
        acting = request.session.get("acting_for_legal_person")
        return "session:password+sms" + (f":legal:{acting}" if acting else "")
    return "session"


def draft_requested(request) -> bool:
    """`?draft=true` on the API, the "Save draft" button on a page."""
    if hasattr(request, "query_params"):
        return str(request.query_params.get("draft", "")).lower() in {"1", "true", "yes"}
    return request.POST.get("draft") == "1"


def idempotency_key(request) -> str:
    """The API's `Idempotency-Key` header, or the key the sending page put in its form."""
    if hasattr(request, "query_params"):
        return request.headers.get("Idempotency-Key", "")
    return request.POST.get("idempotency_key", "")


class FromRequest:
    """A hidden field's value read from the request (a header, the query, how the user
    signed in) rather than from the body; not part of the documented body."""

    requires_context = True

    def __init__(self, read):
        self.read = read

    def __call__(self, field):
        return self.read(field.context["request"])


class StepSerializer(serializers.Serializer):
    # `?draft=true` (a page's "Save draft" button) saves the step without completing it.

    draft = serializers.HiddenField(default=FromRequest(draft_requested))


class KindStepSerializer(StepSerializer):
    kind = serializers.ChoiceField(label=_("Kind"), choices=Kind.choices, required=False)
    subject = serializers.CharField(
        label=_("Subject"), required=False, allow_blank=True, max_length=255
    )
    court = serializers.CharField(
        label=_("Court branch code"),
        required=False,
        allow_blank=True,
        help_text=_("Branch code (from the court picker)."),
    )
    application_type = serializers.CharField(
        label=_("Application type"),
        required=False,
        allow_blank=True,
        max_length=32,
        help_text=_("Application type code."),
    )
    category = serializers.CharField(
        label=_("Category"),
        required=False,
        allow_blank=True,
        max_length=48,
        help_text=_("Category or subcategory code."),
    )
    claim_value = serializers.DecimalField(
        label=_("Claim value (rials)"),
        max_digits=18,
        decimal_places=0,
        required=False,
        allow_null=True,
        min_value=0,
    )


class CaseStepSerializer(StepSerializer):
    case_mode = serializers.ChoiceField(
        label=_("Case"), choices=CaseMode.choices, required=False, allow_blank=True
    )
    case_number = serializers.CharField(
        label=_("Case number (16 digits)"), required=False, allow_blank=True, max_length=32
    )


class PartyInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(label=_("Role"), choices=PartyRole.choices)
    person_kind = serializers.ChoiceField(label=_("Person"), choices=Party.PersonKind.choices)
    national_id = serializers.CharField(
        label=_("National ID"), required=False, allow_blank=True, max_length=20
    )
    id_scheme = serializers.CharField(required=False, allow_blank=True, max_length=16)
    id_card_serial = NameField(required=False, allow_blank=True, max_length=20)
    legal_id = serializers.CharField(
        label=_("Legal entity ID"), required=False, allow_blank=True, max_length=20
    )
    first_name = NameField(label=_("First name"), required=False, allow_blank=True, max_length=150)
    last_name = NameField(label=_("Last name"), required=False, allow_blank=True, max_length=150)
    name = NameField(
        label=_("Name of the legal person"), required=False, allow_blank=True, max_length=255
    )
    address = serializers.CharField(required=False, allow_blank=True, max_length=500)
    mobile = serializers.CharField(required=False, allow_blank=True, max_length=20)
    contract_signed_on = serializers.DateField(
        label=_("Contract signed on (debtor, guarantor)"), required=False, allow_null=True
    )
    contract_ends_on = serializers.DateField(
        label=_("Contract ends on"), required=False, allow_null=True
    )
    contract_subject = serializers.CharField(
        label=_("Subject of the obligation"), required=False, allow_blank=True, max_length=255
    )
    contract_number = serializers.CharField(
        label=_("Contract number"), required=False, allow_blank=True, max_length=64
    )


class PartiesStepSerializer(StepSerializer):
    parties = PartyInputSerializer(label=_("Party"), many=True)


class DocumentsStepSerializer(StepSerializer):
    pass  # files are added one by one; saving the step only moves on


class PresenterStepSerializer(StepSerializer):
    presenter_kind = serializers.ChoiceField(label=_("Presented by"), choices=PresenterKind.choices)
    lawyer_national_id = serializers.CharField(
        label=_("Lawyer's national ID (filled in automatically)"),
        required=False,
        allow_blank=True,
        max_length=20,
    )


class TextStepSerializer(StepSerializer):
    title = serializers.CharField(
        label=_("Title"), required=False, allow_blank=True, max_length=255
    )
    html = serializers.CharField(
        label=_("Text"), required=False, allow_blank=True, help_text=_("Rich text; sanitised.")
    )


STEP_SERIALIZERS = {
    "kind": KindStepSerializer,
    "case": CaseStepSerializer,
    "parties": PartiesStepSerializer,
    "documents": DocumentsStepSerializer,
    "presenter": PresenterStepSerializer,
    "text": TextStepSerializer,
}


class DocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        source="upload", help_text=_("PDF, JPEG, ADOC or EDOC; checked by content.")
    )
    doc_type = serializers.ChoiceField(choices=DocumentType.choices)
    title = serializers.CharField(required=False, allow_blank=True, max_length=255)
    purpose = serializers.ChoiceField(
        choices=[DocumentPurpose.DOCUMENT, DocumentPurpose.LETTERHEAD],
        default=DocumentPurpose.DOCUMENT,
    )


class SignSerializer(serializers.Serializer):
    acknowledged = serializers.BooleanField()
    code = serializers.CharField(max_length=12)


class FilingCodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=12)
    idempotency_key = serializers.HiddenField(default=FromRequest(idempotency_key))
    signed_in_with = serializers.HiddenField(default=FromRequest(signed_in_with))


class CodeSentSerializer(serializers.Serializer):
    sent_to = serializers.CharField()
    expires_at = serializers.DateTimeField()


class FeesSerializer(serializers.Serializer):
    office = serializers.CharField(
        source="office_code",
        required=False,
        allow_blank=True,
        help_text=_("Office code (portal filings)."),
    )


class PaySerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=Payment.Method.choices)
    card_prefix = serializers.CharField(required=False, allow_blank=True, max_length=6)
    receipt_number = serializers.CharField(required=False, allow_blank=True, max_length=9)
    exemption_reason = serializers.ChoiceField(
        choices=ExemptionReason.choices, required=False, allow_blank=True
    )
    exemption_text = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    proof = serializers.FileField(required=False)


class FilingReasonSerializer(serializers.Serializer):
    reason_category = serializers.ChoiceField(
        source="category", choices=ReturnReason.choices, label=_("Reason")
    )
    reason = serializers.CharField(source="text", max_length=4000, label=_("Explanation"))


class RejectSerializer(serializers.Serializer):
    reason_category = serializers.ChoiceField(
        source="category", choices=RejectReason.choices, label=_("Reason")
    )
    reason = serializers.CharField(source="text", max_length=4000, label=_("Explanation"))
    case_number = serializers.CharField(
        required=False, allow_blank=True, max_length=16, label=_("Registered case number")
    )


class AcceptSerializer(serializers.Serializer):
    case_number = serializers.CharField(
        label=_("Registered case number"),
        required=False,
        allow_blank=True,
        max_length=16,
        help_text=_("Required for a new case: the number the court registered it under."),
    )


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class FilingCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class DocumentRefSerializer(serializers.Serializer):
    """The page's form naming one of the filing's documents."""

    document = serializers.IntegerField(source="document_id", label=_("Document"))


class PaymentRefSerializer(serializers.Serializer):
    """The page's form naming one of the filing's payments."""

    payment = serializers.IntegerField(source="payment_id", label=_("Payment"))


class LawyerSerializer(serializers.Serializer):
    national_id = serializers.CharField()
    name = serializers.CharField()
    bar_licence_number = serializers.CharField()


class SubmissionSerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    content_hash = serializers.CharField()
    sent_at = serializers.DateTimeField()
    signed_in_with = serializers.CharField()
    payment_method = serializers.CharField()
    payment_status = serializers.CharField()
    amount = serializers.DecimalField(max_digits=18, decimal_places=0)
    receipt_number = serializers.CharField()
    office = serializers.CharField(source="office.code")


class FilingTimelineEntrySerializer(serializers.Serializer):
    kind = serializers.CharField()
    time = serializers.DateTimeField()
    actor = serializers.DictField(allow_null=True)
    action = serializers.CharField()
    reason = serializers.CharField(allow_blank=True)
    changes = serializers.ListField(child=serializers.DictField())
