"""Hearings and rulings (DIS-4 … DIS-6): attendance, votes and the draft on a hearing, the
issue of a ruling; a ruling's content is null to the accused until it is served."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from core.actions import with_actions
from discipline import selectors
from discipline.actions import RULING_ACTIONS, SESSION_ACTIONS, TAGS
from discipline.serializers import RulingSerializer, SessionSerializer


@extend_schema_view(retrieve=extend_schema(tags=TAGS, summary="A hearing"))
@with_actions(SESSION_ACTIONS, response=SessionSerializer)
class SessionViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = SessionSerializer

    def get_queryset(self):
        return selectors.sessions_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        session = self.get_queryset().get(pk=pk)
        return Response(SessionSerializer(session, context={"request": self.request}).data, code)


@extend_schema_view(
    retrieve=extend_schema(tags=TAGS, summary="A ruling (content after service for the accused)")
)
@with_actions(RULING_ACTIONS, response=RulingSerializer)
class RulingViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    # A draft is the board's: `selectors.rulings_visible_to` leaves it out for anyone else.
    serializer_class = RulingSerializer

    def get_queryset(self):
        return selectors.rulings_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        ruling = self.get_queryset().get(pk=pk)
        return Response(RulingSerializer(ruling, context={"request": self.request}).data, code)
