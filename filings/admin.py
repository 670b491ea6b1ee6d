"""Staff screens: the fee schedule is edited here (FIL-7); filings, payments and snapshots
are read-only (they change only through the services and their transitions)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin
from filings.models import CourtFeeRule, Filing, Payment, ServiceTariff, Submission


@admin.register(CourtFeeRule)
class CourtFeeRuleAdmin(SimpleHistoryAdmin):
    list_display = [
        "kind",
        "min_claim",
        "max_claim",
        "fixed_amount",
        "rate_percent",
        "effective_from",
        "effective_until",
    ]
    list_filter = ["kind"]


@admin.register(ServiceTariff)
class ServiceTariffAdmin(SimpleHistoryAdmin):
    list_display = ["office", "kind", "amount", "effective_from", "effective_until"]
    list_filter = ["kind"]
    raw_id_fields = ["office"]


@admin.register(Filing)
class FilingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["id", "tracking_code", "kind", "status", "filer", "office", "court", "sent_at"]
    list_filter = ["status", "kind", "channel"]
    search_fields = ["tracking_code", "case_number", "filer__national_id"]
    list_select_related = ["filer", "office", "court"]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["id", "filing", "method", "status", "amount", "receipt_number", "created_at"]
    list_filter = ["method", "status"]
    search_fields = ["receipt_number", "gateway_transaction"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["tracking_code", "filing", "sent_by", "signed_by", "sent_at"]
    search_fields = ["tracking_code"]
