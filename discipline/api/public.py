"""The catalogue of violations (DIS-12), the published reprimands and an office's
disciplinary file (DIS-8)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny

from discipline import selectors
from discipline.actions import TAGS
from discipline.models import Ruling
from discipline.serializers import (
    OfficeRecordSerializer,
    ReprimandSerializer,
    ViolationSerializer,
)


@extend_schema_view(list=extend_schema(tags=TAGS, summary="Violations of art. 37 (DIS-12); public"))
class ViolationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ViolationSerializer
    permission_classes = [AllowAny]
    pagination_class = None

    def get_queryset(self):
        return selectors.violations()


@extend_schema_view(
    list=extend_schema(
        tags=TAGS, summary="Published reprimands (grade 4, final only; public; DIS-8)"
    )
)
class ReprimandViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ReprimandSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.published_reprimands()


@extend_schema_view(
    list=extend_schema(
        tags=TAGS,
        summary="An office's disciplinary file: its final rulings (regulators; DIS-8)",
        parameters=[OpenApiParameter("office", int, required=True)],
    )
)
class OfficeRecordViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = OfficeRecordSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Ruling.objects.none()
        if not selectors.is_regulator(self.request.user):
            raise NotFound()
        try:
            office_id = int(self.request.query_params.get("office", ""))
        except ValueError:
            return Ruling.objects.none()
        return selectors.office_record(office_id)
