"""The caller's places on waiting lists: join a full day, take or decline a time offered."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.actions import with_actions
from offices import selectors, services
from offices.actions import WAITLIST_ACTIONS
from offices.api.serializers import WaitingListEntrySerializer, WaitlistJoinSerializer


@extend_schema_view(
    list=extend_schema(operation_id="waitlist_mine", summary=_("My places on waiting lists")),
    retrieve=extend_schema(operation_id="waitlist_detail", summary=_("One place")),
    create=extend_schema(
        operation_id="waitlist_join",
        summary=_("Wait for a seat on a full day"),
        request=WaitlistJoinSerializer,
        responses={201: WaitingListEntrySerializer},
        description=_(
            "Only when the day has no free time for the service. Refusals: 400 "
            "`service_not_offered`, `day_not_open`, `office_closed`; 403 "
            "`verification_required`, `booking_banned`; 404 unknown office; 409 `times_free`, "
            "`already_waiting`, `limit_per_office_day`, `limit_open_bookings`, "
            "`office_not_operational`."
        ),
    ),
)
@with_actions(WAITLIST_ACTIONS, response=WaitingListEntrySerializer)
class WaitingListViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The caller's own places; others' answer 404."""

    permission_classes = [IsAuthenticated]
    serializer_class = WaitingListEntrySerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.waiting_of(self.request.user)

    def create(self, request, *args, **kwargs):
        body = WaitlistJoinSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        entry = services.waitlist_join(
            actor=request.user,
            office_code=body.validated_data["office"],
            service=body.validated_data["service"],
            day=body.validated_data["day"],
        )
        return Response(WaitingListEntrySerializer(entry).data, status=status.HTTP_201_CREATED)

    def _render(self, pk, status_code):
        entry = self.get_queryset().filter(pk=pk).first()
        return Response(WaitingListEntrySerializer(entry).data, status=status_code)
