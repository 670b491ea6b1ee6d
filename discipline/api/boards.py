"""Boards (DIS-2, DIS-3): constituted by the centre head, their members' seats, the chair's
election."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from core.actions import with_actions
from core.api import validated_input
from discipline import selectors, services
from discipline.actions import BOARD_ACTIONS, TAGS
from discipline.serializers import BoardSerializer


@extend_schema_view(
    list=extend_schema(
        tags=TAGS, summary="Boards the caller may see (regulators: all; members: theirs)"
    ),
    retrieve=extend_schema(tags=TAGS, summary="A board with its members and chair"),
    create=extend_schema(tags=TAGS, summary="Constitute a board (centre head; DIS-2)"),
)
@with_actions(BOARD_ACTIONS, response=BoardSerializer)
class BoardViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = BoardSerializer

    def get_queryset(self):
        return selectors.boards_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(BoardSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    def create(self, request):
        data = validated_input(BoardSerializer, request)
        board = services.board_create(actor=request.user, **data)
        return Response(BoardSerializer(board).data, status=status.HTTP_201_CREATED)
