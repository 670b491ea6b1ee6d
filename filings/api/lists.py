"""The lists of filings (FIL-9, FIL-11), opening a draft, and the lawyer lookup."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import validated_input as _valid
from core.api.parsers import JSONParser
from core.exceptions import NotFound
from filings import selectors, services
from filings.api.filing import render_filing
from filings.filters import FilingFilter
from filings.permissions import IsCourtClerk, IsOfficeStaff
from filings.serializers import (
    CreateSerializer,
    FilingDetailSerializer,
    FilingSummarySerializer,
    LawyerSerializer,
    OfficeCreateSerializer,
)


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
        return render_filing(filing, request, status.HTTP_201_CREATED)


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
        data = _valid(OfficeCreateSerializer, request)
        filing = services.filing_open_at_office(actor=request.user, **data)
        return render_filing(filing, request, status.HTTP_201_CREATED)


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
