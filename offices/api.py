"""The offices API: public directory and calendar, my appointments, the office's day view.

Views are thin: they parse, call a selector or a service, and render.
"""

import math
from datetime import date, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.exceptions import NotFound, ValidationFailed
from core.publiccache import cache_publicly
from offices import receipts, selectors, services
from offices.filters import OfficeFilter
from offices.models import Appointment, City, Office, Province, Service, WorkingHours

KM_PER_DEGREE = 111.195
MAX_CALENDAR_DAYS = 31


# --- Serializers ----------------------------------------------------------------------------------
class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Province
        fields = ["code", "name_fa", "name_en"]


class CitySerializer(serializers.ModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = City
        fields = ["id", "name_fa", "name_en", "province", "is_capital"]


class CityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = ["id", "name_fa", "name_en"]


class ServiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Service
        fields = ["code", "name_fa", "name_en"]


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    article = serializers.CharField(help_text=_("Article of the regulation."))


class OperationalStatusSerializer(serializers.Serializer):
    operational = serializers.BooleanField(help_text=_("Takes appointments and filings (OFF-2)."))
    reasons = ReasonSerializer(many=True, help_text=_("Why not, when not operational."))


def status_data(office) -> dict:
    result = selectors.operational_status(office)
    return {
        "operational": result.operational,
        "reasons": [
            {"code": r.code, "message": r.message, "article": r.article} for r in result.reasons
        ],
    }


class LocationSerializer(serializers.Serializer):
    lat = serializers.FloatField()
    lon = serializers.FloatField()


class HoursSerializer(serializers.ModelSerializer):
    weekday_name = serializers.CharField(source="get_weekday_display")

    class Meta:
        model = WorkingHours
        fields = ["weekday", "weekday_name", "opens", "closes"]


class OfficeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    province = ProvinceSerializer(read_only=True)
    city = CityBriefSerializer(read_only=True)
    phone = serializers.CharField(read_only=True)
    location = serializers.SerializerMethodField()
    services = serializers.SerializerMethodField()
    manager_name = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    distance_km = serializers.SerializerMethodField()

    class Meta:
        model = Office
        fields = [
            "code",
            "name",
            "name_fa",
            "name_en",
            "province",
            "city",
            "address",
            "phone",
            "location",
            "services",
            "manager_name",
            "status",
            "distance_km",
        ]

    @extend_schema_field(LocationSerializer)
    def get_location(self, office):
        return {"lat": float(office.latitude), "lon": float(office.longitude)}

    @extend_schema_field(ServiceSerializer(many=True))
    def get_services(self, office):
        services = getattr(office, "service_list", None)
        if services is None:
            services = office.services.all()
        return [{"code": s.code, "name_fa": s.name_fa, "name_en": s.name_en} for s in services]

    @extend_schema_field(OpenApiTypes.STR)
    def get_manager_name(self, office):
        return office.manager.get_full_name() if office.manager_id else ""

    @extend_schema_field(OperationalStatusSerializer)
    def get_status(self, office):
        return status_data(office)

    @extend_schema_field(
        {"type": "number", "nullable": True, "description": "Kilometres from lat/lon, when given."}
    )
    def get_distance_km(self, office):
        distance_sq = getattr(office, "distance_sq", None)
        if distance_sq is None:
            return None
        return round(math.sqrt(distance_sq) * KM_PER_DEGREE, 2)


class OfficeDetailSerializer(OfficeSerializer):
    hours = serializers.SerializerMethodField()

    class Meta(OfficeSerializer.Meta):
        fields = [*OfficeSerializer.Meta.fields, "hours", "slot_minutes", "slot_capacity"]

    @extend_schema_field(HoursSerializer(many=True))
    def get_hours(self, office):
        # The Iranian week starts on Saturday (Python's weekday 5).
        hours = sorted(office.hours.all(), key=lambda h: ((h.weekday - 5) % 7, h.opens))
        return HoursSerializer(hours, many=True).data


class SlotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    day = serializers.DateField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    free = serializers.IntegerField(help_text=_("Seats still free."))


class CalendarSerializer(serializers.Serializer):
    office = serializers.CharField()
    status = OperationalStatusSerializer()
    slots = SlotSerializer(many=True)


class CalendarQuerySerializer(serializers.Serializer):
    start = serializers.DateField(required=False, help_text=_("First day (default today)."))
    end = serializers.DateField(
        required=False, help_text=_("Last day (default a week after the first).")
    )

    def validate(self, attrs):
        today = timezone.localdate()
        start = attrs.get("start") or today
        end = attrs.get("end") or start + timedelta(days=6)
        if end < start:
            raise serializers.ValidationError({"end": _("The last day is before the first.")})
        if (end - start).days >= MAX_CALENDAR_DAYS:
            raise serializers.ValidationError({"end": _("At most 31 days at a time.")})
        return {"start": max(start, today), "end": end}


class AppointmentOfficeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    phone = serializers.CharField(read_only=True)

    class Meta:
        model = Office
        fields = ["code", "name", "address", "phone"]


class AppointmentSerializer(serializers.ModelSerializer):
    office = AppointmentOfficeSerializer(read_only=True)
    service = ServiceSerializer(read_only=True)
    ends_at = serializers.DateTimeField(source="slot.ends_at", read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "office",
            "service",
            "day",
            "starts_at",
            "ends_at",
            "status",
            "check_in_code",
            "booked_at",
            "checked_in_at",
            "cancelled_at",
            "no_show_at",
        ]
        read_only_fields = fields


class BookingSerializer(serializers.Serializer):
    slot = serializers.IntegerField(
        min_value=1, help_text=_("A slot id from the office's calendar.")
    )
    service = serializers.SlugField(help_text=_("Service code, e.g. `petition`."))


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class DayAppointmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.get_full_name", read_only=True)
    national_id_last4 = serializers.SerializerMethodField()
    service = ServiceSerializer(read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "starts_at",
            "status",
            "name",
            "national_id_last4",
            "service",
            "checked_in_at",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_national_id_last4(self, appointment):
        return appointment.user.national_id[-4:]


class DayViewSerializer(serializers.Serializer):
    office = serializers.CharField()
    day = serializers.DateField()
    counts = serializers.DictField(child=serializers.IntegerField())
    appointments = DayAppointmentSerializer(many=True)


class CheckInSerializer(serializers.Serializer):
    code = serializers.CharField(
        max_length=64, help_text=_("The receipt's check-in code, or the QR's text.")
    )
    national_id = serializers.CharField(
        max_length=20, help_text=_("From the person's national ID card.")
    )


# --- Views ----------------------------------------------------------------------------------------
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
        slots = []
        if state["operational"]:
            slots = [
                {
                    "id": s.pk,
                    "day": s.day,
                    "starts_at": s.starts_at,
                    "ends_at": s.ends_at,
                    "free": s.free,
                }
                for s in selectors.free_slots(
                    office, query.validated_data["start"], query.validated_data["end"]
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

    @extend_schema(
        operation_id="appointments_cancel",
        request=CancelSerializer,
        responses={200: AppointmentSerializer},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel before the time; the seat is offered again (APT-3)."""
        body = CancelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        self.get_object()  # 404 for anything not the caller's
        appointment = services.appointment_cancel(
            actor=request.user, appointment_id=int(pk), reason=body.validated_data["reason"]
        )
        return Response(AppointmentSerializer(appointment).data)

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
