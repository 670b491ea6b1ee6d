"""Cases (DIS-1, DIS-13): the list and the case, its opening by the General Directorate, its
papers and its history; the steps taken on a case are the rows of `CASE_ACTIONS`."""

from django.http import FileResponse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from core.actions import with_actions
from core.api import validated_input
from core.api.schema import stored_file_responses
from discipline import selectors, services
from discipline.actions import CASE_ACTIONS, TAGS
from discipline.filters import CaseFilter
from discipline.history import case_history
from discipline.inputs import CaseOpenInput
from discipline.serializers import CaseListSerializer, CaseSerializer, HistoryEntrySerializer


@extend_schema_view(
    list=extend_schema(tags=TAGS, summary="Cases the caller may see (DIS-1)"),
    retrieve=extend_schema(
        tags=TAGS, summary="A case: hearings, rulings, documents, allowed actions"
    ),
)
@with_actions(CASE_ACTIONS, response=CaseSerializer)
class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filterset_class = CaseFilter
    ordering_fields = ["opened_at"]

    def get_serializer_class(self):
        return CaseListSerializer if self.action == "list" else CaseSerializer

    def get_queryset(self):
        return selectors.cases_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        case = self.get_queryset().get(pk=pk)
        return Response(CaseSerializer(case, context={"request": self.request}).data, status=code)

    @extend_schema(
        tags=TAGS,
        summary="Open a case (General Directorate; DIS-1)",
        request=CaseOpenInput,
        responses={201: CaseSerializer},
    )
    def create(self, request):
        data = validated_input(CaseOpenInput, request)
        case = services.case_open(actor=request.user, **data)
        return self._render(case.pk, status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAGS,
        summary="Download a paper of the case",
        responses=stored_file_responses(),
    )
    @action(detail=True, methods=["get"], url_path=r"documents/(?P<document_id>\d+)")
    def document(self, request, pk=None, document_id=None):
        case = self.get_object()
        document = selectors.documents_of(case).filter(pk=document_id).first()
        if document is None:
            raise NotFound()
        response = FileResponse(document.file.open("rb"), content_type=document.content_type)
        response["Content-Disposition"] = f'attachment; filename="document-{document.pk}"'
        response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        tags=TAGS,
        summary="Every step of the case with actor, time and reason (DIS-13)",
        responses=HistoryEntrySerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request, pk=None):
        case = self.get_object()
        return Response(
            HistoryEntrySerializer(case_history(case, actor=request.user), many=True).data
        )
