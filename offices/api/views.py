"""The offices API: public directory and calendar, my appointments, the office's day view.

Views are thin: they parse, call a selector or a service, and render.
"""

from datetime import date

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.actions import with_actions
from core.exceptions import NotFound, ValidationFailed
from core.publiccache import cache_publicly
from offices import calendar_file, receipts, selectors, services
from offices.actions import APPOINTMENT_ACTIONS
from offices.api.serializers import (
    AppointmentSerializer,
    BookingSerializer,
    CalendarQuerySerializer,
    CalendarSerializer,
    CheckInSerializer,
    CitySerializer,
    DayViewSerializer,
    OfficeDetailSerializer,
    OfficeSerializer,
    ProvinceSerializer,
    ServiceScheduleSerializer,
    ServiceSerializer,
    status_data,
)
from offices.filters import OfficeFilter
from offices.models import Appointment, City, Office, Province, Service


@extend_schema_view(
    list=extend_schema(
        operation_id="offices_directory",
        summary=_("Search the office directory"),
        description=_(
            "Anonymous (OFF-6). Filters combine; `q` matches words of the Persian or English "
            "name or the code; with `lat` and `lon` the nearest offices come first. Unknown "
            "provinces, cities or services and malformed phones give 400."
        ),
    ),
    retrieve=extend_schema(
        operation_id="offices_detail", summary=_("An office, with hours and status")
    ),
)
class OfficeViewSet(viewsets.ReadOnlyModelViewSet):
    """The public directory (OFF-6) and each office's calendar (APT-2); the day view and
    check-in for the office's own staff (APT-5)."""

    permission_classes = [AllowAny]
    lookup_field = "code"
    lookup_value_regex = r"\d{4,12}"
    filterset_class = OfficeFilter
    ordering_fields = ["code", "name_fa", "name_en"]

    def get_queryset(self):
        if self.action == "list":
            return selectors.directory(prefetch=False)
        queryset = selectors.directory()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("hours")
        return queryset

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            selectors.attach_listing_data(page)
        return page

    def get_serializer_class(self):
        return OfficeDetailSerializer if self.action == "retrieve" else OfficeSerializer

    def finalize_response(self, request, response, *args, **kwargs):
        """The directory and an office's calendar are the same for every anonymous visitor:
        shared through core.publiccache (the calendar only briefly, its seats change)."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method == "GET" and self.action in ("list", "retrieve"):
            cache_publicly(response)
        elif request.method == "GET" and self.action == "slots":
            cache_publicly(response, selectors.CALENDAR_CACHE_SECONDS)
        return response

    @extend_schema(
        operation_id="offices_calendar",
        summary=_("Free slots of an office"),
        parameters=[CalendarQuerySerializer],
        responses=CalendarSerializer,
    )
    @action(
        detail=True, methods=["get"], url_path="slots", filter_backends=[], pagination_class=None
    )
    def slots(self, request, code=None):
        """Bookable slots between two days (APT-2, APT-6). A non-operational office shows why,
        and no slots."""
        office = self._public_office(code)
        query = CalendarQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        state = status_data(office)
        service = None
        if query.validated_data["service"]:
            service = office.services.filter(code=query.validated_data["service"]).first()
            if service is None:
                raise ValidationFailed(
                    code="service_not_offered",
                    fields={"service": [_("The office does not offer this service.")]},
                )
        codes = dict(Service.objects.values_list("pk", "code"))
        slots = []
        if state["operational"]:
            slots = [
                {
                    "id": s.pk,
                    "service": codes.get(s.service_id),
                    "day": s.day,
                    "starts_at": s.starts_at,
                    "ends_at": s.ends_at,
                    "free": s.free,
                }
                for s in selectors.free_slots(
                    office,
                    query.validated_data["start"],
                    query.validated_data["end"],
                    service=service,
                )
            ]
        return Response(
            CalendarSerializer({"office": office.code, "status": state, "slots": slots}).data
        )

    @extend_schema(
        operation_id="offices_day_view",
        summary=_("The office's appointments of one day (office staff)"),
        parameters=[OpenApiParameter("day", OpenApiTypes.DATE, description=_("Default today."))],
        responses=DayViewSerializer,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="day",
        permission_classes=[IsAuthenticated],
        filter_backends=[],
        pagination_class=None,
    )
    def day(self, request, code=None):
        """APT-5: the calendar of the caller's own office; any other office answers 404."""
        office = selectors.staffed_office(request.user, code)
        if office is None:
            raise NotFound()
        day = _parse_day(request.query_params.get("day"))
        appointments = list(selectors.day_appointments(office, day))
        counts = dict.fromkeys(Appointment.Status.values, 0)
        for appointment in appointments:
            counts[appointment.status] += 1
        data = {"office": office.code, "day": day, "counts": counts, "appointments": appointments}
        return Response(DayViewSerializer(data).data)

    @extend_schema(
        operation_id="offices_check_in",
        summary=_("Check a person in (office staff)"),
        request=CheckInSerializer,
        responses={200: AppointmentSerializer},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="check-in",
        permission_classes=[IsAuthenticated],
        filter_backends=[],
        pagination_class=None,
    )
    def check_in(self, request, code=None):
        """APT-5: with the receipt's code (or QR) and the national ID card, on the day."""
        body = CheckInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appointment = services.appointment_check_in(
            actor=request.user, office_code=code, **body.validated_data
        )
        return Response(AppointmentSerializer(appointment).data)

    @extend_schema(
        operation_id="offices_service_schedule",
        summary=_("Slot length and seats of one service (the office's manager)"),
        request=ServiceScheduleSerializer,
        responses={200: OfficeDetailSerializer},
        description=_(
            "The service gets slots of its own, with this length and these seats; both empty: "
            "it shares the office's slots again. The slots are generated anew at once. Offices "
            "the caller does not manage answer 404."
        ),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="service-schedule",
        permission_classes=[IsAuthenticated],
        filter_backends=[],
        pagination_class=None,
    )
    def service_schedule(self, request, code=None):
        body = ServiceScheduleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.service_schedule_set(actor=request.user, office_code=code, **body.validated_data)
        office = selectors.directory().prefetch_related("hours").get(code=code)
        return Response(OfficeDetailSerializer(office).data)

    def _public_office(self, code) -> Office:
        office = selectors.directory().filter(code=code).first()
        if office is None:
            raise NotFound()
        return office


def _parse_day(raw) -> date:
    if not raw:
        return timezone.localdate()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationFailed(fields={"day": [_("Use the format YYYY-MM-DD.")]}) from None


@extend_schema_view(
    list=extend_schema(operation_id="appointments_mine", summary=_("My appointments")),
    retrieve=extend_schema(operation_id="appointments_detail", summary=_("One of my appointments")),
    create=extend_schema(
        operation_id="appointments_book",
        summary=_("Book a slot"),
        request=BookingSerializer,
        responses={201: AppointmentSerializer},
        description=_(
            "APT-1, APT-2, APT-6. Refusals: 400 `slot_in_past`, `too_soon`, `too_far_ahead`, "
            "`service_not_offered`, `unknown_slot`; 403 `verification_required`, `booking_banned`; "
            "409 `slot_full`, `office_not_operational`, `limit_per_office_day`, "
            "`limit_open_bookings`."
        ),
    ),
)
@with_actions(APPOINTMENT_ACTIONS, response=AppointmentSerializer)
class AppointmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The caller's own appointments (APT-3); others' answer 404."""

    permission_classes = [IsAuthenticated]
    serializer_class = AppointmentSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.appointments_of(self.request.user).select_related("slot")

    def create(self, request, *args, **kwargs):
        body = BookingSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appointment = services.appointment_book(
            actor=request.user,
            slot_id=body.validated_data["slot"],
            service_code=body.validated_data["service"],
        )
        return Response(AppointmentSerializer(appointment).data, status=status.HTTP_201_CREATED)

    def _render(self, pk, status_code):
        # An action's answer: the office's staff may act on (move) one of its appointments.
        appointment = (
            selectors.appointments_visible_to(self.request.user)
            .select_related("slot", "office", "service")
            .filter(pk=pk)
            .first()
        )
        return Response(AppointmentSerializer(appointment).data, status=status_code)

    @extend_schema(
        operation_id="appointments_receipt",
        summary=_("The receipt as PDF"),
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description=_("PDF receipt")
            )
        },
    )
    @action(detail=True, methods=["get"])
    def receipt(self, request, pk=None):
        """APT-3: the receipt with the check-in code and its QR, to show at the office."""
        appointment = self.get_object()
        pdf = receipts.render_receipt(appointment, language=(get_language() or "fa")[:2])
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="appointment-{appointment.check_in_code}.pdf"'
        )
        return response

    @extend_schema(
        operation_id="appointments_calendar",
        summary=_("The appointment as a calendar file"),
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description=_("iCalendar (RFC 5545)")
            )
        },
    )
    @action(detail=True, methods=["get"], url_path="calendar")
    def calendar(self, request, pk=None):
        """The appointment as an .ics file to add to a calendar (times in UTC)."""
        return calendar_file.response(self.get_object())


class ProvinceList(generics.ListAPIView):
    """The 31 provinces (reference data for the directory's filters)."""

    permission_classes = [AllowAny]
    serializer_class = ProvinceSerializer
    pagination_class = None
    filter_backends = []
    queryset = Province.objects.all()


@extend_schema(parameters=[OpenApiParameter("province", str, OpenApiParameter.PATH)])
class CityList(generics.ListAPIView):
    """The cities of one province."""

    permission_classes = [AllowAny]
    serializer_class = CitySerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        province = Province.objects.filter(code=self.kwargs["province"]).first()
        if province is None:
            raise NotFound()
        return City.objects.filter(province=province).select_related("province")


class ServiceList(generics.ListAPIView):
    """The services offices offer and appointments are booked for."""

    permission_classes = [AllowAny]
    serializer_class = ServiceSerializer
    pagination_class = None
    filter_backends = []
    queryset = Service.objects.filter(is_active=True)
