"""Calls for applicants and applications (LIC-1, LIC-2)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.actions import with_actions
from core.api import validated_input
from licensing import selectors, services
from licensing.actions import APPLICATION_ACTIONS
from licensing.api.serializers import ApplicationInput, ApplicationSerializer, CallSerializer


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Calls for applicants (LIC-1); public"),
    retrieve=extend_schema(tags=["licensing"], summary="A call for applicants"),
    create=extend_schema(tags=["licensing"], summary="Open a call (licensing staff; LIC-1)"),
)
class CallViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CallSerializer
    filterset_fields = ["province__code"]

    def get_permissions(self):
        return [AllowAny()] if self.action in ("list", "retrieve") else [IsAuthenticated()]

    def get_queryset(self):
        return selectors.calls()

    def create(self, request):
        data = validated_input(CallSerializer, request)
        call = services.call_open(actor=request.user, **data)
        return Response(CallSerializer(call).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        tags=["licensing"], summary="Applications: the applicant's own; all for the regulator"
    ),
    retrieve=extend_schema(
        tags=["licensing"], summary="An application, its status and its vetting (LIC-2)"
    ),
)
@with_actions(APPLICATION_ACTIONS, response=ApplicationSerializer)
class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ApplicationSerializer
    filterset_fields = ["status", "call"]
    ordering_fields = ["submitted_at", "priority_days"]

    def get_queryset(self):
        return selectors.applications_visible_to(self.request.user).prefetch_related("documents")

    def _render(self, pk, code=status.HTTP_200_OK):
        application = self.get_queryset().get(pk=pk)
        return Response(ApplicationSerializer(application).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Apply to an open call (LIC-1, LIC-2); vetted automatically",
        request=ApplicationInput,
        responses={201: ApplicationSerializer},
    )
    def create(self, request):
        data = validated_input(ApplicationInput, request)
        application = services.application_submit(
            actor=request.user,
            call_id=data["call"],
            city=data.get("city"),
            statement=data["statement"],
            qualifications_record=data.get("qualifications"),
        )
        return self._render(application.pk, status.HTTP_201_CREATED)
