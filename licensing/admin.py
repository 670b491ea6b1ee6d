"""Read-only admin screens of licensing (/django-admin/). Every change goes through the
services (API and staff screens), so the Council → GD → centre head pipeline and the
transition log apply; the admin only lets the regulator's staff look things up."""

from django.contrib import admin

from accounts.roles import Role, has_role
from core.admin import ReadOnlyAdmin
from licensing.models import (
    Application,
    Association,
    BoardMembership,
    Call,
    Complaint,
    CouncilMembership,
    FeeSchedule,
    Inspection,
    Licence,
    LicenceRequest,
)


class ReadOnlyRegulatorAdmin(ReadOnlyAdmin):
    def _regulator(self, request) -> bool:
        user = request.user
        return bool(
            user.is_active
            and (user.is_superuser or has_role(user, Role.LICENSING_STAFF, Role.CENTRE_HEAD))
        )

    def has_module_permission(self, request):
        return self._regulator(request)

    def has_view_permission(self, request, obj=None):
        return self._regulator(request)


@admin.register(Call)
class CallAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["title", "province", "places", "opens_at", "closes_at"]
    list_filter = ["province"]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["id", "call", "applicant", "status", "submitted_at", "priority_days"]
    list_filter = ["status"]
    list_select_related = ["call", "applicant"]


@admin.register(LicenceRequest)
class LicenceRequestAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["id", "kind", "office", "status", "submitted_at", "decided_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["office"]


@admin.register(Licence)
class LicenceAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["number", "office", "holder", "status", "issued_on", "expires_on"]
    list_filter = ["status"]
    search_fields = ["number", "office__code"]
    list_select_related = ["office", "holder"]


@admin.register(FeeSchedule)
class FeeScheduleAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["kind", "amount", "effective_from", "status"]
    list_filter = ["kind", "status"]


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["user", "starts_on", "ends_on", "ended_on"]


@admin.register(Association)
class AssociationAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["name", "province"]


@admin.register(BoardMembership)
class BoardMembershipAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["user", "association", "seat", "starts_on", "ends_on", "ended_on"]


@admin.register(Inspection)
class InspectionAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["office", "kind", "inspector", "scheduled_for", "status"]
    list_filter = ["kind", "status", "recommends_discipline"]


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyRegulatorAdmin):
    list_display = ["subject", "office", "association", "status", "received_at"]
    list_filter = ["status"]
