"""Staff can read the audit records; nobody can add, change or delete them (AUD-2)."""

from django.contrib import admin

from core.models import OutboundMessage, TransitionLog


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
    )
    list_filter = ("channel", "status", "purpose")
    search_fields = ("recipient", "purpose")
    exclude = ("body",)
    readonly_fields = ("redacted_body",)
