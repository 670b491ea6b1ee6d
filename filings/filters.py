import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.pickers import DateInput
from filings.models import Filing, Kind


class FilingFilter(django_filters.FilterSet):
    """My filings (FIL-11): status, kind, court, dates and a free search."""

    # The filing's own columns: no join can repeat a row, so no DISTINCT (django-filter's
    # default), which would sort every matching filing with all its joins.
    # Labels are given, not derived: django-filter derives a label once, in the language of
    # the first request that reads it, and keeps it.
    status = django_filters.MultipleChoiceFilter(
        choices=Filing.Status.choices, distinct=False, label=_("Status")
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=Kind.choices, distinct=False, label=_("Kind")
    )
    court = django_filters.CharFilter(
        field_name="court__code", lookup_expr="exact", label=_("Court")
    )
    office = django_filters.CharFilter(
        field_name="office__code", lookup_expr="exact", label=_("Office")
    )
    created_from = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__gte",
        label=_("Created on or after"),
        widget=DateInput,
    )
    created_to = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__lte",
        label=_("Created on or before"),
        widget=DateInput,
    )
    sent_from = django_filters.DateFilter(
        field_name="sent_at", lookup_expr="date__gte", label=_("Sent on or after"), widget=DateInput
    )
    sent_to = django_filters.DateFilter(
        field_name="sent_at",
        lookup_expr="date__lte",
        label=_("Sent on or before"),
        widget=DateInput,
    )
    q = django_filters.CharFilter(
        method="search", label=_("Tracking code, case number or words of the subject")
    )

    class Meta:
        model = Filing
        fields = [
            "status",
            "kind",
            "court",
            "office",
            "created_from",
            "created_to",
            "sent_from",
            "sent_to",
            "q",
        ]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(tracking_code=value) | Q(case_number=value) | Q(subject__icontains=value)
        )
