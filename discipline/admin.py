"""Read-only staff screens: every change goes through the services (and their log)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from discipline.models import Board, Case, Ruling, Seat, Session, Violation


class ReadOnly(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Violation)
class ViolationAdmin(ReadOnly):
    list_display = ["number", "title_fa", "title_en"]


@admin.register(Board)
class BoardAdmin(ReadOnly):
    list_display = ["name", "tier", "chair", "election_round"]
    list_filter = ["tier"]


@admin.register(Seat)
class SeatAdmin(ReadOnly):
    list_display = ["board", "user", "kind", "starts_on", "ended_on"]
    list_filter = ["kind"]


@admin.register(Case)
class CaseAdmin(ReadOnly):
    list_display = ["number", "status", "office", "accused", "board", "opened_at"]
    list_filter = ["status", "source"]
    search_fields = ["number", "office__code"]


@admin.register(Session)
class SessionAdmin(ReadOnly):
    list_display = ["case", "board", "scheduled_for", "status"]
    list_filter = ["status"]


@admin.register(Ruling)
class RulingAdmin(ReadOnly):
    list_display = ["case", "tier", "status", "outcome", "grade", "issued_at", "final_at"]
    list_filter = ["status", "tier", "grade"]
