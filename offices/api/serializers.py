"""The offices API's serializers: the directory, the calendar, appointments and the day view."""

import math
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import serializers

from offices import selectors
from offices.models import (
    Appointment,
    City,
    Office,
    Province,
    Service,
    WaitingListEntry,
    WorkingHours,
)

KM_PER_DEGREE = 111.195
MAX_CALENDAR_DAYS = 31


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


class ServiceScheduleSerializer(serializers.Serializer):
    service = serializers.SlugField(label=_("Service"))
    slot_minutes = serializers.IntegerField(
        min_value=5,
        max_value=240,
        required=False,
        allow_null=True,
        default=None,
        label=_("slot length (minutes)"),
    )
    slot_capacity = serializers.IntegerField(
        min_value=1,
        max_value=50,
        required=False,
        allow_null=True,
        default=None,
        label=_("people per slot"),
        help_text=_("Both empty: the service shares the office's slots again."),
    )


class OfficeDetailSerializer(OfficeSerializer):
    hours = serializers.SerializerMethodField()

    class Meta(OfficeSerializer.Meta):
        fields = [
            *OfficeSerializer.Meta.fields,
            "hours",
            "slot_minutes",
            "slot_capacity",
            "service_schedules",
        ]

    service_schedules = serializers.SerializerMethodField()

    @extend_schema_field(ServiceScheduleSerializer(many=True))
    def get_service_schedules(self, office):
        return [
            {
                "service": s.service.code,
                "slot_minutes": s.slot_minutes,
                "slot_capacity": s.slot_capacity,
            }
            for s in office.service_schedules.select_related("service")
        ]

    @extend_schema_field(HoursSerializer(many=True))
    def get_hours(self, office):
        # The Iranian week starts on Saturday (Python's weekday 5).
        hours = sorted(office.hours.all(), key=lambda h: ((h.weekday - 5) % 7, h.opens))
        return HoursSerializer(hours, many=True).data


class SlotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    service = serializers.CharField(
        allow_null=True,
        help_text=_("The service whose own slot this is; null: shared by the other services."),
    )
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
    service = serializers.SlugField(
        required=False, help_text=_("Only the slots this service is booked on.")
    )

    def validate(self, attrs):
        today = timezone.localdate()
        start = attrs.get("start") or today
        end = attrs.get("end") or start + timedelta(days=6)
        if end < start:
            raise serializers.ValidationError({"end": _("The last day is before the first.")})
        if (end - start).days >= MAX_CALENDAR_DAYS:
            raise serializers.ValidationError({"end": _("At most 31 days at a time.")})
        return {"start": max(start, today), "end": end, "service": attrs.get("service")}


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
            "rescheduled_at",
        ]
        read_only_fields = fields


class BookingSerializer(serializers.Serializer):
    slot = serializers.IntegerField(
        min_value=1, help_text=_("A slot id from the office's calendar.")
    )
    service = serializers.SlugField(help_text=_("Service code, e.g. `petition`."))


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class RescheduleSerializer(serializers.Serializer):
    slot = serializers.IntegerField(
        min_value=1,
        label=_("New time"),
        help_text=_("A free slot of the same office, for the appointment's service."),
    )


class WaitlistJoinSerializer(serializers.Serializer):
    office = serializers.RegexField(r"^\d{4,12}$", label=_("Office code"))
    service = serializers.SlugField(label=_("Service"))
    day = serializers.DateField(label=_("Day"))


class WaitingListEntrySerializer(serializers.ModelSerializer):
    office = AppointmentOfficeSerializer(read_only=True)
    service = ServiceSerializer(read_only=True)
    offered_starts_at = serializers.DateTimeField(
        source="slot.starts_at", read_only=True, allow_null=True, default=None
    )
    appointment = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = WaitingListEntry
        fields = [
            "id",
            "office",
            "service",
            "day",
            "status",
            "created_at",
            "offered_starts_at",
            "offer_expires_at",
            "appointment",
        ]
        read_only_fields = fields


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
