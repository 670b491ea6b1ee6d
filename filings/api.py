"""The filings API under /api/v1/filings/ (FIL-1 … FIL-12).

Thin views: parse, call a service, render. Every transition is its own endpoint; a filing
the caller may not see answers 404.
"""

import json

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import generics, renderers, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from core.exceptions import NotFound, ValidationFailed
from core.transitions import available_transitions
from filings import selectors, services
from filings.filters import FilingFilter
from filings.models import (
    CaseMode,
    Channel,
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
from filings.permissions import IsCourtClerk, IsOfficeStaff


def signed_in_with(request) -> str:
    """How the sender signed in, for the snapshot (FIL-12)."""
    auth = getattr(request, "auth", None)
    if auth is not None and auth.__class__.__name__ == "Token":
        return "token:password+sms"
    if getattr(request, "session", None) is not None and request.session.session_key:
        acting = request.session.get("acting_for_legal_person")
        return "session:password+sms" + (f":legal:{acting}" if acting else "")
    return "session"


# --- Serializers ----------------------------------------------------------------------------
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


def _detail(filing: Filing, request, code=status.HTTP_200_OK) -> Response:
    filing = selectors.detail_queryset(Filing.objects.filter(pk=filing.pk)).select_related(
        "court", "office"
    )[0]
    return Response(FilingDetailSerializer(filing, context={"request": request}).data, status=code)


class CreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)


class OfficeCreateSerializer(CreateSerializer):
    office = serializers.CharField(help_text=_("Code of the office."))
    filer_national_id = serializers.CharField()


class KindStepSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices, required=False)
    subject = serializers.CharField(required=False, allow_blank=True, max_length=255)
    court = serializers.CharField(required=False, allow_blank=True, help_text=_("Branch code."))
    claim_value = serializers.DecimalField(
        max_digits=18, decimal_places=0, required=False, allow_null=True, min_value=0
    )


class CaseStepSerializer(serializers.Serializer):
    case_mode = serializers.ChoiceField(choices=CaseMode.choices, required=False, allow_blank=True)
    case_number = serializers.CharField(required=False, allow_blank=True, max_length=32)


class PartyInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=PartyRole.choices)
    person_kind = serializers.ChoiceField(choices=Party.PersonKind.choices)
    national_id = serializers.CharField(required=False, allow_blank=True, max_length=20)
    id_scheme = serializers.CharField(required=False, allow_blank=True, max_length=16)
    id_card_serial = serializers.CharField(required=False, allow_blank=True, max_length=20)
    legal_id = serializers.CharField(required=False, allow_blank=True, max_length=20)
    first_name = serializers.CharField(required=False, allow_blank=True, max_length=150)
    last_name = serializers.CharField(required=False, allow_blank=True, max_length=150)
    name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    address = serializers.CharField(required=False, allow_blank=True, max_length=500)
    mobile = serializers.CharField(required=False, allow_blank=True, max_length=20)
    contract_signed_on = serializers.DateField(required=False, allow_null=True)
    contract_ends_on = serializers.DateField(required=False, allow_null=True)
    contract_subject = serializers.CharField(required=False, allow_blank=True, max_length=255)
    contract_number = serializers.CharField(required=False, allow_blank=True, max_length=64)


class PartiesStepSerializer(serializers.Serializer):
    parties = PartyInputSerializer(many=True)


class DocumentsStepSerializer(serializers.Serializer):
    pass


class PresenterStepSerializer(serializers.Serializer):
    presenter_kind = serializers.ChoiceField(choices=PresenterKind.choices)
    lawyer_national_id = serializers.CharField(required=False, allow_blank=True, max_length=20)


class TextStepSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, max_length=255)
    html = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Rich text; sanitised.")
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
    file = serializers.FileField(help_text=_("PDF, JPEG, ADOC or EDOC; checked by content."))
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


class CodeSentSerializer(serializers.Serializer):
    sent_to = serializers.CharField()
    expires_at = serializers.DateTimeField()


class FeesSerializer(serializers.Serializer):
    office = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Office code (portal filings).")
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
    reason_category = serializers.ChoiceField(choices=ReturnReason.choices)
    reason = serializers.CharField(max_length=4000)


class RejectSerializer(serializers.Serializer):
    reason_category = serializers.ChoiceField(choices=RejectReason.choices)
    reason = serializers.CharField(max_length=4000)
    case_number = serializers.CharField(required=False, allow_blank=True, max_length=16)


class AcceptSerializer(serializers.Serializer):
    case_number = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=16,
        help_text=_("Required for a new case: the number the court registered it under."),
    )


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class FilingCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


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


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# --- Lists ----------------------------------------------------------------------------------
class FilingListView(generics.ListAPIView):
    serializer_class = FilingSummarySerializer
    filterset_class = FilingFilter
    ordering_fields = ["created_at", "sent_at"]
    parser_classes = [JSONParser]

    def get_queryset(self):
        return selectors.my_filings(actor=self.request.user)

    @extend_schema(tags=["filings"], summary="My filings, with search and filters (FIL-11)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["filings"],
        summary="Open a draft on the portal (FIL-1, FIL-2)",
        request=CreateSerializer,
        responses={201: FilingDetailSerializer},
    )
    def post(self, request):
        data = _valid(CreateSerializer, request)
        filing = services.filing_create(actor=request.user, kind=data["kind"])
        return _detail(filing, request, status.HTTP_201_CREATED)


class OfficeQueueView(generics.ListAPIView):
    permission_classes = [IsOfficeStaff]
    serializer_class = FilingSummarySerializer
    filterset_class = FilingFilter
    ordering_fields = ["sent_at", "created_at"]

    def get_queryset(self):
        return selectors.office_queue(actor=self.request.user)

    @extend_schema(tags=["filings"], summary="The office's queue: its own filings only (FIL-9)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["filings"],
        summary="Open a draft at the office for the person present (FIL-2, art. 6)",
        request=OfficeCreateSerializer,
        responses={201: FilingDetailSerializer},
    )
    def post(self, request):
        from offices.models import Office

        data = _valid(OfficeCreateSerializer, request)
        office = Office.objects.filter(code=data["office"]).first()
        filer = User.objects.filter(national_id=data["filer_national_id"].strip()).first()
        if office is None:
            raise NotFound()
        if filer is None:
            raise ValidationFailed(fields={"filer_national_id": [_("No account has this ID.")]})
        filing = services.filing_create(
            actor=request.user,
            kind=data["kind"],
            filer=filer,
            office=office,
            channel=Channel.OFFICE,
        )
        return _detail(filing, request, status.HTTP_201_CREATED)


@extend_schema(tags=["filings"], summary="Filings forwarded to the clerk's court branches")
class CourtQueueView(generics.ListAPIView):
    permission_classes = [IsCourtClerk]
    serializer_class = FilingSummarySerializer
    filterset_class = FilingFilter
    ordering_fields = ["forwarded_at"]

    def get_queryset(self):
        return selectors.court_queue(actor=self.request.user)


@extend_schema(
    tags=["filings"],
    summary="Look up a lawyer by national ID to fill in the presenter (seed 000)",
    responses=LawyerSerializer,
)
class LawyerLookupView(APIView):
    def get(self, request, national_id):
        lawyer = services.lawyer_lookup(national_id=national_id)
        if lawyer is None:
            raise NotFound()
        return Response(
            {
                "national_id": lawyer.national_id,
                "name": lawyer.get_full_name(),
                "bar_licence_number": lawyer.bar_licence_number,
            }
        )


# --- One filing -----------------------------------------------------------------------------
@extend_schema(
    tags=["filings"],
    summary="A filing with its steps, warnings and actions",
    responses=FilingDetailSerializer,
)
class FilingDetailView(APIView):
    def get(self, request, pk):
        return _detail(selectors.get_filing(actor=request.user, filing_id=pk), request)


class StepView(APIView):
    step = ""

    def put(self, request, pk):
        data = _valid(STEP_SERIALIZERS[self.step], request)
        draft = str(request.query_params.get("draft", "")).lower() in {"1", "true", "yes"}
        if self.step == "parties":
            data = {"parties": [dict(p) for p in data["parties"]]}
        elif self.step == "kind" and "claim_value" in data:
            data["claim_value"] = data["claim_value"]
        warnings = services.step_save(
            actor=request.user, filing_id=pk, step=self.step, data=data, draft=draft
        )
        response = _detail(selectors.get_filing(actor=request.user, filing_id=pk), request)
        response.data["warnings"] = warnings or response.data["warnings"]
        return response


def step_view(step: str):
    view = type(f"{step.title()}StepView", (StepView,), {"step": step})
    view.put = extend_schema(
        tags=["filings"],
        summary=f"Save the “{step}” step (FIL-3); ?draft=true saves without completing it",
        request=STEP_SERIALIZERS[step],
        responses=FilingDetailSerializer,
        parameters=[OpenApiParameter("draft", bool, required=False)],
    )(StepView.put)
    return view.as_view()


class DocumentsView(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=["filings"],
        summary="Attach a file, checked by its content (FIL-5)",
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer},
    )
    def post(self, request, pk):
        data = _valid(DocumentUploadSerializer, request)
        document = services.document_add(
            actor=request.user,
            filing_id=pk,
            upload=data["file"],
            doc_type=data["doc_type"],
            title=data.get("title", ""),
            purpose=data["purpose"],
        )
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["filings"], summary="Remove a document from a draft", responses={204: None})
class DocumentDeleteView(APIView):
    def delete(self, request, pk, document_id):
        services.document_remove(actor=request.user, filing_id=pk, document_id=document_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AnyMediaRenderer(renderers.BaseRenderer):
    media_type = "*/*"
    format = "file"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, (dict, list)):
            return json.dumps(data).encode()
        return data


def file_response(field_file, *, content_type: str, filename: str) -> FileResponse:
    response = FileResponse(
        field_file.open("rb"), content_type=content_type, as_attachment=True, filename=filename
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def document_download(actor, pk, document_id) -> FileResponse:
    filing, document = selectors.get_document(actor=actor, filing_id=pk, document_id=document_id)
    return file_response(
        document.file,
        content_type=document.content_type,
        filename=f"filing-{filing.pk}-{document.pk}.{document.extension}",
    )


def receipt_download(actor, pk) -> FileResponse:
    filing = selectors.get_filing(actor=actor, filing_id=pk)
    receipt = getattr(filing, "receipt", None) if filing.status == Filing.Status.ACCEPTED else None
    if receipt is None:
        raise NotFound()
    return file_response(
        receipt.file, content_type="application/pdf", filename=f"{filing.tracking_code}.pdf"
    )


@extend_schema(
    tags=["filings"],
    summary="Download a document (only through this permission-checked view)",
    responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class DocumentFileView(APIView):
    renderer_classes = [renderers.JSONRenderer, AnyMediaRenderer]

    def get(self, request, pk, document_id):
        return document_download(request.user, pk, document_id)


@extend_schema(
    tags=["filings"],
    summary="The stamped PDF receipt of an accepted filing (FIL-8)",
    responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class ReceiptView(APIView):
    renderer_classes = [renderers.JSONRenderer, AnyMediaRenderer]

    def get(self, request, pk):
        return receipt_download(request.user, pk)


@extend_schema(
    tags=["filings"],
    summary="The filing's full timeline (FIL-11)",
    responses=FilingTimelineEntrySerializer(many=True),
)
class TimelineView(APIView):
    def get(self, request, pk):
        filing = selectors.get_filing(actor=request.user, filing_id=pk)
        return Response(FilingTimelineEntrySerializer(selectors.timeline(filing), many=True).data)


def action_view(name, *, summary, request_serializer=None, call, code=status.HTTP_200_OK):
    """One endpoint per transition or action: POST, returns the filing."""

    class View(APIView):
        parser_classes = [JSONParser, FormParser]

        @extend_schema(
            tags=["filings"],
            summary=summary,
            request=request_serializer,
            responses={code: FilingDetailSerializer},
        )
        def post(self, request, pk):
            data = _valid(request_serializer, request) if request_serializer else {}
            filing = call(request, pk, data)
            return _detail(filing, request, code)

    View.__name__ = View.__qualname__ = f"{name}View"
    return View.as_view()


class CodeRequestView(APIView):
    purpose = "sign"

    def post(self, request, pk):
        if self.purpose == "sign":
            sent = services.sign_code_request(actor=request.user, filing_id=pk)
        else:
            sent = services.send_code_request(actor=request.user, filing_id=pk)
        return Response(CodeSentSerializer(sent).data)


@extend_schema(
    tags=["filings"],
    summary="Text a one-time signing code to the signer's mobile (FIL-6)",
    request=None,
    responses=CodeSentSerializer,
)
class SignCodeView(CodeRequestView):
    purpose = "sign"


@extend_schema(
    tags=["filings"],
    summary="Text a fresh one-time sending code (FIL-9)",
    request=None,
    responses=CodeSentSerializer,
)
class SendCodeView(CodeRequestView):
    purpose = "send"


@extend_schema(
    tags=["filings"],
    summary="Sign: acknowledgement + the one-time code (FIL-6)",
    request=SignSerializer,
    responses={201: SignatureSerializer},
)
class SignView(APIView):
    def post(self, request, pk):
        data = _valid(SignSerializer, request)
        signature = services.filing_sign(
            actor=request.user, filing_id=pk, acknowledged=data["acknowledged"], code=data["code"]
        )
        return Response(SignatureSerializer(signature).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["filings"],
    summary="Send to the office with a fresh code; idempotent (FIL-9, FIL-12)",
    description=(
        "The same filing is never sent twice. Repeat a request with the same "
        "`Idempotency-Key` to get the same submission back (200); another send of a sent "
        "filing answers 409."
    ),
    request=FilingCodeSerializer,
    parameters=[OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER)],
    responses={201: SubmissionSerializer, 200: SubmissionSerializer},
)
class SendView(APIView):
    def post(self, request, pk):
        data = _valid(FilingCodeSerializer, request)
        submission, created = services.filing_send(
            actor=request.user,
            filing_id=pk,
            code=data["code"],
            idempotency_key=request.headers.get("Idempotency-Key", ""),
            signed_in_with=signed_in_with(request),
        )
        return Response(
            SubmissionSerializer(submission).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


@extend_schema(
    tags=["filings"],
    summary="Pay the fee: online, already paid, exempt, or reuse a receipt (FIL-7, FIL-8)",
    description=(
        "Online: 201 with status succeeded or failed; 202 with status pending when the gateway "
        "did not answer in time — then ask `payments/{id}/check/`."
    ),
    request={"multipart/form-data": PaySerializer, "application/json": PaySerializer},
    responses={201: PaymentSerializer, 202: PaymentSerializer},
)
class PayView(APIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def post(self, request, pk):
        data = _valid(PaySerializer, request)
        method = data["method"]
        if method == Payment.Method.ONLINE:
            payment = services.pay_online(
                actor=request.user, filing_id=pk, card_prefix=data.get("card_prefix", "")
            )
        elif method == Payment.Method.ALREADY_PAID:
            payment = services.pay_with_receipt(
                actor=request.user, filing_id=pk, receipt_number=data.get("receipt_number", "")
            )
        elif method == Payment.Method.EXEMPT:
            payment = services.pay_exempt(
                actor=request.user,
                filing_id=pk,
                reason=data.get("exemption_reason", ""),
                text=data.get("exemption_text", ""),
                proof=data.get("proof"),
            )
        else:
            payment = services.pay_by_reuse(
                actor=request.user, filing_id=pk, receipt_number=data.get("receipt_number", "")
            )
        code = (
            status.HTTP_202_ACCEPTED
            if payment.status == Payment.Status.PENDING
            else status.HTTP_201_CREATED
        )
        return Response(PaymentSerializer(payment).data, status=code)


@extend_schema(
    tags=["filings"],
    summary="Ask the gateway how a pending payment ended (never charges again)",
    request=None,
    responses=PaymentSerializer,
)
class PaymentCheckView(APIView):
    def post(self, request, pk, payment_id):
        payment = services.payment_check(actor=request.user, filing_id=pk, payment_id=payment_id)
        return Response(PaymentSerializer(payment).data)


# The transitions and actions, one endpoint each.
prepare = action_view(
    "Prepare",
    summary="Prepare: validate completeness and freeze the content (FIL-4)",
    call=lambda r, pk, d: services.filing_prepare(actor=r.user, filing_id=pk),
)
reopen = action_view(
    "Reopen",
    summary="Back to a draft to change it; voids the signature (FIL-6)",
    call=lambda r, pk, d: services.filing_reopen(actor=r.user, filing_id=pk),
)
cancel = action_view(
    "Cancel",
    summary="Cancel, before the office's review starts (FIL-8)",
    request_serializer=FilingCancelSerializer,
    call=lambda r, pk, d: services.filing_cancel(
        actor=r.user, filing_id=pk, reason=d.get("reason", "")
    ),
)
copy = action_view(
    "Copy",
    summary="Copy a returned or rejected filing into a new draft (FIL-8)",
    call=lambda r, pk, d: services.filing_copy(actor=r.user, filing_id=pk),
    code=status.HTTP_201_CREATED,
)
fees = action_view(
    "Fees",
    summary="Choose the office and compute the court fee and tariff (FIL-7)",
    request_serializer=FeesSerializer,
    call=lambda r, pk, d: services.fees_compute(
        actor=r.user, filing_id=pk, office_code=d.get("office", "")
    ),
)
verify = action_view(
    "Verify",
    summary="Office: the originals match the electronic copies (FIL-9)",
    request_serializer=NoteSerializer,
    call=lambda r, pk, d: services.office_verify(
        actor=r.user, filing_id=pk, note=d.get("note", "")
    ),
)
forward = action_view(
    "Forward",
    summary="Office: forward to the court; the filer gets the tracking code (FIL-9)",
    call=lambda r, pk, d: services.office_forward(actor=r.user, filing_id=pk),
)
office_return = action_view(
    "OfficeReturn",
    summary="Office: return for correction with a reason (FIL-8)",
    request_serializer=FilingReasonSerializer,
    call=lambda r, pk, d: services.office_return(
        actor=r.user, filing_id=pk, category=d["reason_category"], text=d["reason"]
    ),
)
accept = action_view(
    "Accept",
    summary="Court: accept; stamped receipt, notice and message to the filer (FIL-8)",
    request_serializer=AcceptSerializer,
    call=lambda r, pk, d: services.court_accept(
        actor=r.user, filing_id=pk, case_number=d.get("case_number", "")
    ),
)
reject = action_view(
    "Reject",
    summary="Court: reject with a reason; notice and message to the filer (FIL-8)",
    request_serializer=RejectSerializer,
    call=lambda r, pk, d: services.court_reject(
        actor=r.user,
        filing_id=pk,
        category=d["reason_category"],
        text=d["reason"],
        case_number=d.get("case_number", ""),
    ),
)
court_return = action_view(
    "CourtReturn",
    summary="Court: return for correction with a reason (FIL-8)",
    request_serializer=FilingReasonSerializer,
    call=lambda r, pk, d: services.court_return(
        actor=r.user, filing_id=pk, category=d["reason_category"], text=d["reason"]
    ),
)
