import django_filters
from django.utils.translation import gettext_lazy as _

from notices.models import Notice


class NoticeFilter(django_filters.FilterSet):
    """Inbox filters (NOT-3): new/viewed, case number and sub-row, issue date range, branch."""

    seen = django_filters.BooleanFilter(
        method="filter_seen", label=_("Viewed (true) or new (false)")
    )
    case_number = django_filters.CharFilter(field_name="case_number", lookup_expr="exact")
    case_sub_row = django_filters.NumberFilter(field_name="case_sub_row")
    issued_from = django_filters.DateFilter(
        field_name="issued_at", lookup_expr="date__gte", label=_("Issued on or after")
    )
    issued_to = django_filters.DateFilter(
        field_name="issued_at", lookup_expr="date__lte", label=_("Issued on or before")
    )
    branch = django_filters.CharFilter(field_name="branch__code", lookup_expr="exact")

    class Meta:
        model = Notice
        fields = ["seen", "case_number", "case_sub_row", "issued_from", "issued_to", "branch"]

    def filter_seen(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(first_viewed_at__isnull=not value)


class IssuedNoticeFilter(NoticeFilter):
    status = django_filters.ChoiceFilter(choices=Notice.Status.choices)

    class Meta(NoticeFilter.Meta):
        fields = [*NoticeFilter.Meta.fields, "status"]
