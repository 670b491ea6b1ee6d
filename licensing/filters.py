import django_filters

from licensing import selectors
from licensing.models import LicenceRequest


class LicenceRequestFilter(django_filters.FilterSet):
    # The request's own columns: no join can repeat a row, so no DISTINCT (django-filter adds
    # one by default), which made PostgreSQL sort every matching row with all its joins.
    status = django_filters.MultipleChoiceFilter(
        choices=LicenceRequest.Status.choices, distinct=False
    )
    kind = django_filters.MultipleChoiceFilter(choices=LicenceRequest.Kind.choices, distinct=False)
    office = django_filters.CharFilter(field_name="office__code")
    waiting = django_filters.BooleanFilter(method="filter_waiting")

    class Meta:
        model = LicenceRequest
        fields = ["status", "kind", "office", "waiting"]

    def filter_waiting(self, queryset, name, value):
        if value is None:
            return queryset
        q = selectors.queue_filter(self.request.user)
        return queryset.filter(q) if value else queryset.exclude(q)
