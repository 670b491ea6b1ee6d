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
)
from rest_framework import generics, renderers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from core.api import validated_input as _valid
from core.api.schema import stored_file_responses
from core.exceptions import NotFound, ValidationFailed
from filings import selectors, services
from filings.filters import FilingFilter
from filings.models import (
    Channel,
    Filing,
    Payment,
)
from filings.permissions import IsCourtClerk, IsOfficeStaff
from filings.serializers import (
    STEP_SERIALIZERS,
    AcceptSerializer,
    CodeSentSerializer,
    CreateSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    FeesSerializer,
    FilingCancelSerializer,
    FilingCodeSerializer,
    FilingDetailSerializer,
    FilingReasonSerializer,
    FilingSummarySerializer,
    FilingTimelineEntrySerializer,
    LawyerSerializer,
    NoteSerializer,
    OfficeCreateSerializer,
    PaymentSerializer,
    PaySerializer,
    RejectSerializer,
    SignatureSerializer,
    SignSerializer,
    SubmissionSerializer,
)


def signed_in_with(request) -> str:
    """How the sender signed in, for the snapshot (FIL-12)."""
    auth = getattr(request, "auth", None)
    if auth is not None and auth.__class__.__name__ == "DeviceToken":
        return "token:password+sms"
    if getattr(request, "session", None) is not None and request.session.session_key:
        acting = request.session.get("acting_for_legal_person")
        return "session:password+sms" + (f":legal:{acting}" if acting else "")
    return "session"


def _detail(filing: Filing, request, code=status.HTTP_200_OK) -> Response:
    filing = selectors.detail_queryset(Filing.objects.filter(pk=filing.pk)).select_related(
        "court", "office"
    )[0]
    return Response(FilingDetailSerializer(filing, context={"request": request}).data, status=code)


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
    responses=stored_file_responses(),
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
