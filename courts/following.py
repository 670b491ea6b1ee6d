"""Following a case by its number, sub-row and case password (CAS-7, NOT-6, seed 003).

The holder sees the case's status, its next hearing and the notices addressed to them under
that sub-row. A wrong password, an unknown case, someone else's sub-row: the same 404, and
each counts toward the account's and the source's lockout (ID-7, `core.lockout`).
"""

from dataclasses import dataclass

from rest_framework import serializers

from core import lockout
from core.exceptions import NotFound
from courts import selectors
from courts.models import Case, Hearing, Participant
from notices import selectors as notice_selectors
from notices.models import Notice


@dataclass
class Followed:
    case: Case
    participant: Participant
    next_hearing: Hearing | None
    notices: list[Notice]


def follow(*, actor, case_number: str, sub_row: int, password: str, ip=None) -> Followed:
    notices = notice_selectors.by_case_password(
        actor=actor, case_number=case_number, sub_row=sub_row, password=password, ip=ip
    )
    row = (
        Participant.objects.filter(
            selectors.participation_filter(actor), case__number=case_number, sub_row=sub_row
        )
        .select_related("case", "case__branch", "case__branch__court_branch__court")
        .first()
    )
    if row is None:
        lockout.guarded_failure(notice_selectors.case_password_keys(actor=actor, ip=ip))
        raise NotFound()
    return Followed(
        case=row.case,
        participant=row,
        next_hearing=selectors.next_hearing(row.case),
        notices=list(notices[:50]),
    )


class _NoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    notice_number = serializers.CharField()
    subject = serializers.CharField()
    issued_at = serializers.DateTimeField()
    first_viewed_at = serializers.DateTimeField(allow_null=True)


class _HearingSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    room = serializers.CharField()
    online_link = serializers.CharField()


class FollowSerializer(serializers.Serializer):
    case_number = serializers.CharField(source="case.number")
    branch = serializers.CharField(source="case.branch.name")
    status = serializers.CharField(source="case.status")
    status_display = serializers.CharField(source="case.get_status_display")
    role = serializers.CharField(source="participant.role")
    next_hearing = _HearingSerializer(allow_null=True)
    notices = _NoticeSerializer(many=True)
