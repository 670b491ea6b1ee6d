"""Licence requests, licences, fee schedules and the Council (LIC-3 … LIC-9)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from core.actions import with_actions
from core.api import validated_input
from licensing import selectors, services
from licensing.actions import COUNCIL_ACTIONS, FEE_ACTIONS, REQUEST_ACTIONS
from licensing.api.serializers import (
    CouncilSerializer,
    FeeInput,
    FeeSerializer,
    LicenceRequestSerializer,
    LicenceSerializer,
    RequestInput,
    TermInput,
)
from licensing.filters import LicenceRequestFilter


# --- Licence requests (LIC-3) --------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        tags=["licensing"],
        summary="Licence requests the caller may see; `waiting=true`: what waits for them",
        parameters=[
            OpenApiParameter(
                "waiting",
                bool,
                description=str(
                    _(
                        "Only what waits for the caller: Council members the requests to take "
                        "up and propose, licensing staff those awaiting the GD opinion, the "
                        "centre head those awaiting decision; others their open requests."
                    )
                ),
            )
        ],
    ),
    retrieve=extend_schema(tags=["licensing"], summary="A licence request and its steps"),
)
@with_actions(REQUEST_ACTIONS, response=LicenceRequestSerializer)
class LicenceRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = LicenceRequestSerializer
    filterset_class = LicenceRequestFilter
    ordering_fields = ["submitted_at"]

    def get_queryset(self):
        return selectors.requests_visible_to(self.request.user).prefetch_related(
            "steps__actor", "resulting_licence"
        )

    def _render(self, pk, code=status.HTTP_200_OK):
        obj = self.get_queryset().get(pk=pk)
        return Response(LicenceRequestSerializer(obj).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Submit a licence request to the Council (LIC-3)",
        request=RequestInput,
        responses={201: LicenceRequestSerializer},
    )
    def create(self, request):
        data = validated_input(RequestInput, request)
        office, licence = data.pop("office", None), data.pop("licence", None)
        created = services.request_submit(
            actor=request.user,
            office_id=office.pk if office else None,
            licence_id=licence.pk if licence else None,
            application_id=data.pop("application", None),
            **data,
        )
        return self._render(created.pk, status.HTTP_201_CREATED)


# --- Licences (LIC-5, LIC-6) ---------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Licences: own, or all for the regulator"),
    retrieve=extend_schema(tags=["licensing"], summary="A licence"),
)
class LicenceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LicenceSerializer
    filterset_fields = ["status", "office__code"]
    ordering_fields = ["issued_on", "expires_on"]

    def get_queryset(self):
        return selectors.licences_visible_to(self.request.user)


# --- Fee schedules (LIC-8) -----------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        tags=["licensing"], summary="Fee schedules: approved ones; proposals for the regulator"
    ),
    retrieve=extend_schema(tags=["licensing"], summary="A fee schedule"),
)
@with_actions(FEE_ACTIONS, response=FeeSerializer)
class FeeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = FeeSerializer
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return selectors.fees_visible_to(self.request.user)

    @extend_schema(
        tags=["licensing"],
        summary="The Council proposes a fee (LIC-8)",
        request=FeeInput,
        responses={201: FeeSerializer},
    )
    def create(self, request):
        data = validated_input(FeeInput, request)
        fee = services.fee_propose(actor=request.user, **data)
        return Response(FeeSerializer(fee).data, status=status.HTTP_201_CREATED)


# --- Council (LIC-4) -----------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="The sitting Council (LIC-4)"),
)
@with_actions(COUNCIL_ACTIONS, response=CouncilSerializer)
class CouncilViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = CouncilSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.council()

    @extend_schema(
        tags=["licensing"],
        summary="The centre head appoints a Council member (LIC-4)",
        request=TermInput,
        responses={201: CouncilSerializer},
    )
    def create(self, request):
        data = validated_input(TermInput, request)
        term = services.council_appoint(
            actor=request.user,
            user=data["national_id"],
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
        )
        return Response(CouncilSerializer(term).data, status=status.HTTP_201_CREATED)
