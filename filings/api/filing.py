"""One filing's reads: its detail, timeline, documents' files and receipt."""

import json

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import renderers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.schema import stored_file_responses
from core.exceptions import NotFound
from filings import selectors
from filings.models import Filing
from filings.serializers import FilingDetailSerializer, FilingTimelineEntrySerializer


def render_filing(filing: Filing, request, code=status.HTTP_200_OK) -> Response:
    """The filing as the detail endpoint shows it, with the caller's actions."""
    filing = selectors.detail_queryset(Filing.objects.filter(pk=filing.pk)).select_related(
        "court", "office"
    )[0]
    return Response(FilingDetailSerializer(filing, context={"request": request}).data, status=code)


@extend_schema(
    tags=["filings"],
    summary="A filing with its steps, warnings and actions",
    responses=FilingDetailSerializer,
)
class FilingDetailView(APIView):
    def get(self, request, pk):
        return render_filing(selectors.get_filing(actor=request.user, filing_id=pk), request)


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
