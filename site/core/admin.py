"""Staff can read the audit records; nobody can add, change or delete them (AUD-2).

`ReadOnly` is the site's one read-only admin: every app's screens of records that change only
through its services use it (`ReadOnlyAdmin`, `ReadOnlyHistoryAdmin` with the history view,
or mixed before another admin class or inline).
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.models import OutboundMessage, TransitionLog


class ReadOnly:
    """Nobody adds, changes or deletes here (a model admin or an inline)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


class ReadOnlyHistoryAdmin(ReadOnly, SimpleHistoryAdmin):
    pass


@admin.register(TransitionLog)
class TransitionLogAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "content_type",
        "object_id",
        "transition",
        "source",
        "target",
        "actor",
        "actor_label",
    )
    list_filter = ("content_type", "transition")
    search_fields = ("object_id", "reason")
    date_hierarchy = "created_at"


@admin.register(OutboundMessage)
class OutboundMessageAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "channel",
        "recipient",
        "purpose",
        "status",
        "attempts",
        "sent_at",
        "delivery_state",
    )
    list_filter = ("channel", "status", "delivery_state", "purpose")
    search_fields = ("recipient", "purpose")
    exclude = ("body", "attachment")
    readonly_fields = ("redacted_body",)
