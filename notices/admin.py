"""Staff screens. Notices are read-only here: they change only through the services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnly
from notices.models import Branch, CasePassword, Holiday, Notice, NoticeAttachment


@admin.register(Branch)
class BranchAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["clerks"]


class AttachmentInline(ReadOnly, admin.TabularInline):
    model = NoticeAttachment
    fields = ["original_name", "content_type", "size", "sha256", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = [
        "notice_number",
        "case_number",
        "branch",
        "issued_at",
        "status",
        "service_kind",
        "first_viewed_at",
        "view_count",
    ]
    list_filter = ["status", "service_kind", "branch__kind"]
    search_fields = ["=notice_number", "=case_number"]
    date_hierarchy = "issued_at"
    list_select_related = ["branch"]
    raw_id_fields = ["recipient_user", "recipient_legal", "issued_by", "first_viewed_by"]
    inlines = [AttachmentInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Notice._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CasePassword)
class CasePasswordAdmin(admin.ModelAdmin):
    list_display = ["case_number", "role", "user", "legal_person", "created_at"]
    search_fields = ["=case_number"]
    exclude = ["password_hash"]
    raw_id_fields = ["user", "legal_person", "created_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Holiday)
class HolidayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
