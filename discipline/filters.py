import django_filters

from discipline.models import Case


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Case.Status.choices)
    office = django_filters.CharFilter(field_name="office__code")
    board = django_filters.NumberFilter(field_name="board_id")
    appeal_board = django_filters.NumberFilter(field_name="appeal_board_id")

    class Meta:
        model = Case
        fields = ["status", "source", "office", "board", "appeal_board"]
