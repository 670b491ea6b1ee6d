"""Read-only staff screens: every change goes through the services (and their log)."""

from django.contrib import admin

from core.admin import ReadOnlyHistoryAdmin
from discipline.models import Board, Case, Ruling, Seat, Session, Violation


@admin.register(Violation)
class ViolationAdmin(ReadOnlyHistoryAdmin):
    list_display = ["number", "title_fa", "title_en"]


@admin.register(Board)
class BoardAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "tier", "chair", "election_round"]
    list_filter = ["tier"]


@admin.register(Seat)
class SeatAdmin(ReadOnlyHistoryAdmin):
    list_display = ["board", "user", "kind", "starts_on", "ended_on"]
    list_filter = ["kind"]


@admin.register(Case)
class CaseAdmin(ReadOnlyHistoryAdmin):
    list_display = ["number", "status", "office", "accused", "board", "opened_at"]
    list_filter = ["status", "source"]
    search_fields = ["number", "office__code"]


@admin.register(Session)
class SessionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["case", "board", "scheduled_for", "status"]
    list_filter = ["status"]


@admin.register(Ruling)
class RulingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["case", "tier", "status", "outcome", "grade", "issued_at", "final_at"]
    list_filter = ["status", "tier", "grade"]
