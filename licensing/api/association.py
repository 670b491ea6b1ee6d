"""Associations, their boards and inspectors, inspections and complaints (ASC-1 … ASC-3)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from core.actions import with_actions
from core.api import validated_input
from licensing import association, selectors
from licensing.actions import ASSOCIATION_ACTIONS, COMPLAINT_ACTIONS, INSPECTION_ACTIONS
from licensing.api.serializers import (
    AssociationSerializer,
    ComplaintInput,
    ComplaintSerializer,
    InspectionInput,
    InspectionSerializer,
)


# --- Associations (ASC-1) ------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Associations, their areas and boards (ASC-1)"),
    retrieve=extend_schema(tags=["licensing"], summary="An Association"),
)
@with_actions(ASSOCIATION_ACTIONS, response=AssociationSerializer)
class AssociationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = AssociationSerializer

    def get_queryset(self):
        return selectors.associations()

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(AssociationSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Record a new Association (licensing staff or the centre head; ASC-1)",
        request=AssociationSerializer,
        responses={201: AssociationSerializer},
    )
    def create(self, request):
        data = validated_input(AssociationSerializer, request)
        created = association.association_create(actor=request.user, **data)
        return self._render(created.pk, status.HTTP_201_CREATED)


# --- Inspections (ASC-2) -------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Inspections the caller may see (ASC-2)"),
    retrieve=extend_schema(tags=["licensing"], summary="An inspection and its report"),
)
@with_actions(INSPECTION_ACTIONS, response=InspectionSerializer)
class InspectionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = InspectionSerializer
    filterset_fields = ["status", "kind", "recommends_discipline"]

    def get_queryset(self):
        return selectors.inspections_visible_to(self.request.user).prefetch_related("documents")

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(InspectionSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Plan a periodic or ad hoc inspection (the board or the GD; ASC-2)",
        request=InspectionInput,
        responses={201: InspectionSerializer},
    )
    def create(self, request):
        data = validated_input(InspectionInput, request)
        created = association.inspection_plan(
            actor=request.user,
            office_id=data["office"].pk,
            kind=data["kind"],
            inspector=data["inspector"],
            scheduled_for=data["scheduled_for"],
        )
        return self._render(created.pk, status.HTTP_201_CREATED)


# --- Complaints (ASC-3) --------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Complaints the caller may see (ASC-3)"),
    retrieve=extend_schema(tags=["licensing"], summary="A complaint"),
)
@with_actions(COMPLAINT_ACTIONS, response=ComplaintSerializer)
class ComplaintViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ComplaintSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.complaints_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(ComplaintSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Complain about an office to the Association serving it (ASC-3)",
        request=ComplaintInput,
        responses={201: ComplaintSerializer},
    )
    def create(self, request):
        data = validated_input(ComplaintInput, request)
        created = association.complaint_file(
            actor=request.user,
            office_id=data["office"].pk,
            subject=data["subject"],
            body=data["body"],
        )
        return self._render(created.pk, status.HTTP_201_CREATED)
