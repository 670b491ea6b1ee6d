"""The discipline app's serializers of what it shows (DIS-1 … DIS-13): boards, cases with
their hearings and rulings, the case's history, the published reprimands and an office's file.
The API renders with them; the public site reads the reprimands' form from here too.

What a reader may see is decided by the selectors: a ruling's content (outcome, grade, text)
is null to the accused until its notice is served (`selectors.ruling_content_visible`), and
how each member voted is the board side's only.
"""

import datetime as dt

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.transitions import available_transitions
from discipline import selectors
from discipline.models import Board, Case, Challenge, Ruling, Seat, Session, Violation
from offices.models import Province


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or str(user)}


class DisciplinePersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)  # none for the system's own steps
    name = serializers.CharField()


# --- Catalogue (DIS-12) ----
class ViolationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Violation
        fields = ["number", "title_fa", "title_en"]


# --- Boards (DIS-2, DIS-3) ----
class SeatSerializer(serializers.ModelSerializer):
    user = serializers.SerializerMethodField()

    class Meta:
        model = Seat
        fields = ["id", "user", "kind", "confirmation", "starts_on", "ended_on"]

    def get_user(self, seat) -> DisciplinePersonSerializer:
        return _person(seat.user)


class BoardSerializer(serializers.ModelSerializer):
    chair = serializers.SerializerMethodField()
    seats = serializers.SerializerMethodField()
    complete = serializers.SerializerMethodField()
    province = serializers.SlugRelatedField(
        slug_field="code", queryset=Province.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Board
        fields = ["id", "tier", "name", "province", "chair", "election_round", "seats", "complete"]
        read_only_fields = ["id", "chair", "election_round", "seats", "complete"]

    @extend_schema_field(DisciplinePersonSerializer(allow_null=True))
    def get_chair(self, board):
        return _person(board.chair)

    def get_seats(self, board) -> SeatSerializer(many=True):
        seats = getattr(board, "current_seats", None)
        if seats is None:
            seats = selectors.current_seats(board)
        return SeatSerializer(seats, many=True).data

    def get_complete(self, board) -> bool:
        return not selectors.composition_problems(board)


# --- Cases ----
def _board_side(request, case) -> bool:
    cache = request.__dict__.setdefault("_discipline_board_side", {})
    if case.pk not in cache:
        cache[case.pk] = selectors.is_board_side(request.user, case)
    return cache[case.pk]


def _ruling_content_visible(request, ruling) -> bool:
    """The accused reads a ruling only through its notice: opening the notice serves it
    (NOT-4, NOT-8). Until then the case shows that a ruling exists and which notice holds it."""
    return selectors.ruling_content_visible(
        request.user, ruling, board_side=_board_side(request, ruling.case)
    )


class WindowSerializer(serializers.Serializer):
    started = serializers.BooleanField()
    open = serializers.BooleanField()
    last_day = serializers.DateField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True)


def _window(window) -> dict | None:
    if window is None:
        return None
    return {
        "started": window.started,
        "open": window.is_open(),
        "last_day": window.last_day,
        "ends_at": window.ends_at,
    }


class RulingSerializer(serializers.ModelSerializer):
    """Content is hidden from the accused until the ruling's notice is served."""

    served_at = serializers.SerializerMethodField()
    service_kind = serializers.SerializerMethodField()
    notice_number = serializers.SerializerMethodField()
    appeal_window = serializers.SerializerMethodField()
    objection_window = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()

    class Meta:
        model = Ruling
        fields = [
            "id",
            "case",
            "tier",
            "status",
            "outcome",
            "grade",
            "suspension_months",
            "decision",
            "text",
            "mitigation_note",
            "drafted_at",
            "issued_at",
            "notice_number",
            "served_at",
            "service_kind",
            "appeal_window",
            "objection_window",
            "final_at",
            "enforced_at",
            "suspension_ends_on",
            "enforcement",
        ]
        # Hidden from the accused until the ruling's notice is served: null until then.
        extra_kwargs = {
            name: {"allow_null": True}
            for name in ("outcome", "grade", "suspension_months", "text", "mitigation_note")
        }

    def to_representation(self, ruling):
        data = super().to_representation(ruling)
        request = self.context.get("request")
        if request is not None and not _ruling_content_visible(request, ruling):
            for key in (
                "outcome",
                "grade",
                "suspension_months",
                "decision",
                "text",
                "mitigation_note",
            ):
                data[key] = None
        return data

    def _served(self, ruling):
        key = f"_served_{ruling.pk}"
        if key not in self.context:
            self.context[key] = selectors.ruling_served_at(ruling)
        return self.context[key]

    def get_served_at(self, ruling) -> dt.datetime | None:
        return self._served(ruling)[0]

    def get_service_kind(self, ruling) -> str | None:
        kind = self._served(ruling)[1]
        return str(kind) if kind else None

    def get_notice_number(self, ruling) -> str | None:
        return ruling.notice.notice_number if ruling.notice_id else None

    @extend_schema_field(WindowSerializer(allow_null=True))
    def get_appeal_window(self, ruling):
        return _window(selectors.appeal_window(ruling))

    @extend_schema_field(WindowSerializer(allow_null=True))
    def get_objection_window(self, ruling):
        return _window(selectors.objection_window(ruling))

    def get_decision(self, ruling) -> str | None:
        return ruling.sanction_name


class VoteSerializer(serializers.Serializer):
    member = DisciplinePersonSerializer(source="member_repr")
    outcome = serializers.CharField()
    grade = serializers.IntegerField(allow_null=True)
    suspension_months = serializers.IntegerField(allow_null=True)
    reasons = serializers.CharField()
    cast_at = serializers.DateTimeField()


class SessionSerializer(serializers.ModelSerializer):
    attendance = serializers.SerializerMethodField()
    votes = serializers.SerializerMethodField()
    summons_number = serializers.SerializerMethodField()

    class Meta:
        model = Session
        fields = [
            "id",
            "case",
            "board",
            "tier",
            "status",
            "scheduled_for",
            "place",
            "summons_number",
            "attendance_recorded_at",
            "attendance",
            "votes",
        ]

    def get_summons_number(self, session) -> str | None:
        return session.summons.notice_number if session.summons_id else None

    def get_attendance(self, session) -> list[dict]:
        return [
            {"member": _person(a.member), "present": a.present}
            for a in session.attendance.select_related("member")
        ]

    def get_votes(self, session) -> list[dict] | None:
        """How each member voted: for the board side only."""
        request = self.context.get("request")
        if request is None or not _board_side(request, session.case):
            return None
        return [
            {
                "member": _person(v.member),
                "outcome": v.outcome,
                "grade": v.grade,
                "suspension_months": v.suspension_months,
                "reasons": v.reasons,
                "cast_at": v.cast_at,
            }
            for v in session.votes.select_related("member")
        ]


class CaseListSerializer(serializers.ModelSerializer):
    office = serializers.SerializerMethodField()
    accused = serializers.SerializerMethodField()
    violations = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "status",
            "source",
            "office",
            "accused",
            "accused_role",
            "violations",
            "offence_date",
            "board",
            "appeal_board",
            "opened_at",
            "closed_at",
        ]

    def get_office(self, case) -> dict:
        return {"id": case.office_id, "code": case.office.code, "name": case.office.name}

    def get_accused(self, case) -> DisciplinePersonSerializer:
        return _person(case.accused)

    def get_violations(self, case) -> list[int]:
        return [v.number for v in case.violations.all()]


class CaseDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()


class CaseSerializer(CaseListSerializer):
    violations = ViolationSerializer(many=True, read_only=True)
    sessions = serializers.SerializerMethodField()
    rulings = serializers.SerializerMethodField()
    referrals = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    class Meta(CaseListSerializer.Meta):
        fields = CaseListSerializer.Meta.fields + [
            "allegation",
            "complaint_withdrawn_at",
            "withdrawal_note",
            "sessions",
            "rulings",
            "referrals",
            "documents",
            "actions",
        ]

    def get_sessions(self, case) -> SessionSerializer(many=True):
        return SessionSerializer(
            case.sessions.select_related("summons", "case"), many=True, context=self.context
        ).data

    def get_rulings(self, case) -> RulingSerializer(many=True):
        qs = case.rulings.select_related("notice", "case")
        request = self.context.get("request")
        if request is not None and not _board_side(request, case):
            qs = qs.exclude(status=Ruling.Status.DRAFT)
        return RulingSerializer(qs, many=True, context=self.context).data

    def get_referrals(self, case) -> list[dict]:
        return [
            {
                "authority": r.authority,
                "facts": r.facts,
                "reference": r.reference,
                "referred_by": _person(r.referred_by),
                "referred_at": r.referred_at,
            }
            for r in selectors.referrals_of(case)
        ]

    def get_documents(self, case) -> CaseDocumentSerializer(many=True):
        return CaseDocumentSerializer(selectors.documents_of(case), many=True).data

    def get_actions(self, case) -> list[str]:
        request = self.context.get("request")
        return available_transitions(case, request.user) if request else []


class HistoryEntrySerializer(serializers.Serializer):
    time = serializers.DateTimeField()
    object = serializers.CharField()
    object_id = serializers.IntegerField()
    action = serializers.CharField()
    to = serializers.CharField()
    actor = DisciplinePersonSerializer(allow_null=True)
    reason = serializers.CharField()


class ChallengeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Challenge
        fields = ["id", "ruling", "kind", "lodged_at", "grounds"]


# --- Public reprimands and the office's file (DIS-8) ----
class ReprimandSerializer(serializers.Serializer):
    """Only what the publication of art. 35-4 needs."""

    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()
    office_code = serializers.CharField(source="case.office.code")
    office_name = serializers.SerializerMethodField()
    violations = serializers.SerializerMethodField()
    sanction = serializers.SerializerMethodField()
    final_on = serializers.SerializerMethodField()

    def get_name(self, ruling) -> str:
        return ruling.case.accused.get_full_name()

    def get_office_name(self, ruling) -> str:
        return ruling.case.office.name

    def get_violations(self, ruling) -> list[dict]:
        return [
            {"number": v.number, "title_fa": v.title_fa, "title_en": v.title_en}
            for v in ruling.case.violations.all()
        ]

    def get_sanction(self, ruling) -> str:
        return str(ruling.sanction_name)

    def get_final_on(self, ruling) -> str:
        return timezone.localdate(ruling.final_at).isoformat()


class OfficeRecordSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="case.number")
    accused = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()

    class Meta:
        model = Ruling
        fields = [
            "id",
            "case_number",
            "accused",
            "tier",
            "outcome",
            "grade",
            "decision",
            "final_at",
            "enforcement",
        ]

    def get_accused(self, ruling) -> DisciplinePersonSerializer:
        return _person(ruling.case.accused)

    def get_decision(self, ruling) -> str | None:
        return ruling.sanction_name
