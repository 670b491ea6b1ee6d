"""The discipline API under /api/v1/discipline/ (DIS-1 … DIS-13).

Thin views: parse, call a service, render. Cases come from a selector already filtered by the
caller (board members see only their boards' cases, the accused their own; anything else is
404). Every state change is its own POST endpoint: 409 in a wrong state, 403 to an actor who
may see the case but not take the step.
"""

import datetime as dt

from django.http import FileResponse
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from accounts.models import User
from core.api import validated_input as _valid
from core.api.schema import stored_file_responses
from core.transitions import available_transitions
from discipline import selectors, services
from discipline.filters import CaseFilter
from discipline.models import (
    Board,
    Case,
    Challenge,
    Outcome,
    Ruling,
    Seat,
    Session,
    Violation,
)
from offices.models import Office, Province

TAG = ["discipline"]


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or str(user)}


class DisciplinePersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)  # none for the system's own steps
    name = serializers.CharField()


class NationalIdField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="national_id", queryset=User.objects.all(), **kwargs)


# --- Catalogue (DIS-12) ----
class ViolationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Violation
        fields = ["number", "title_fa", "title_en"]


@extend_schema_view(list=extend_schema(tags=TAG, summary="Violations of art. 37 (DIS-12); public"))
class ViolationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ViolationSerializer
    permission_classes = [AllowAny]
    pagination_class = None

    def get_queryset(self):
        return selectors.violations()


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


class SeatInput(serializers.Serializer):
    national_id = NationalIdField()
    kind = serializers.ChoiceField(choices=Seat.Kind.choices)
    confirmation = serializers.CharField(required=False, allow_blank=True, default="")


class ChairVoteInput(serializers.Serializer):
    candidate = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())


@extend_schema_view(
    list=extend_schema(
        tags=TAG, summary="Boards the caller may see (regulators: all; members: theirs)"
    ),
    retrieve=extend_schema(tags=TAG, summary="A board with its members and chair"),
    create=extend_schema(tags=TAG, summary="Constitute a board (centre head; DIS-2)"),
)
class BoardViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = BoardSerializer

    def get_queryset(self):
        return selectors.boards_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(BoardSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    def create(self, request):
        data = _valid(BoardSerializer, request)
        board = services.board_create(actor=request.user, **data)
        return Response(BoardSerializer(board).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Appoint a member (centre head; DIS-2)",
        request=SeatInput,
        responses={201: BoardSerializer},
    )
    @action(detail=True, methods=["post"])
    def seats(self, request, pk=None):
        data = _valid(SeatInput, request)
        services.seat_appoint(
            actor=request.user,
            board_id=pk,
            user=data["national_id"],
            kind=data["kind"],
            confirmation=data["confirmation"],
        )
        return Response(
            BoardSerializer(Board.objects.get(pk=pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        tags=TAG,
        summary="End a member's seat (centre head)",
        request=None,
        responses=BoardSerializer,
    )
    @action(detail=True, methods=["post"], url_path=r"seats/(?P<seat_id>\d+)/end")
    def end_seat(self, request, pk=None, seat_id=None):
        seat = services.seat_end(actor=request.user, seat_id=seat_id)
        return Response(BoardSerializer(seat.board).data)

    @extend_schema(
        tags=TAG,
        summary="Vote for the chair among the judges (members; DIS-3)",
        request=ChairVoteInput,
        responses=BoardSerializer,
    )
    @action(detail=True, methods=["post"], url_path="elect-chair")
    def elect_chair(self, request, pk=None):
        data = _valid(ChairVoteInput, request)
        services.chair_vote(actor=request.user, board_id=pk, candidate=data["candidate"])
        return self._render(pk)


# --- Cases ----
def _board_side(request, case) -> bool:
    cache = request.__dict__.setdefault("_discipline_board_side", {})
    if case.pk not in cache:
        cache[case.pk] = selectors.is_board_side(request.user, case)
    return cache[case.pk]


def _ruling_content_visible(request, ruling) -> bool:
    """The accused reads a ruling only through its notice: opening the notice serves it
    (NOT-4, NOT-8). Until then the case shows that a ruling exists and which notice holds it."""
    if _board_side(request, ruling.case):
        return True
    return selectors.ruling_served_at(ruling)[0] is not None


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


class CaseOpenInput(serializers.Serializer):
    source = serializers.ChoiceField(choices=Case.Source.choices)
    office = serializers.SlugRelatedField(slug_field="code", queryset=Office.objects.all())
    accused = NationalIdField()
    violations = serializers.ListField(
        child=serializers.IntegerField(min_value=1), allow_empty=False
    )
    allegation = serializers.CharField()
    offence_date = serializers.DateField()
    board = serializers.IntegerField()
    complaint = serializers.IntegerField(required=False, allow_null=True)
    inspection = serializers.IntegerField(required=False, allow_null=True)
    complainant = NationalIdField(required=False, allow_null=True)
    complainant_kind = serializers.ChoiceField(
        choices=[("public", "public"), ("lawyer", "lawyer"), ("party", "party")],
        required=False,
        default="",
    )


class ScheduleInput(serializers.Serializer):
    scheduled_for = serializers.DateTimeField()
    place = serializers.CharField()


class NoteInput(serializers.Serializer):
    note = serializers.CharField()


class AppealBoardInput(serializers.Serializer):
    board = serializers.IntegerField()


class ReferralInput(serializers.Serializer):
    authority = serializers.CharField()
    facts = serializers.CharField()
    reference = serializers.CharField(required=False, allow_blank=True, default="")


class GroundsInput(serializers.Serializer):
    grounds = serializers.CharField()


class CaseDocumentInput(serializers.Serializer):
    title = serializers.CharField()
    file = serializers.FileField()


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


@extend_schema_view(
    list=extend_schema(tags=TAG, summary="Cases the caller may see (DIS-1)"),
    retrieve=extend_schema(
        tags=TAG, summary="A case: hearings, rulings, documents, allowed actions"
    ),
)
class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filterset_class = CaseFilter
    ordering_fields = ["opened_at"]

    def get_serializer_class(self):
        return CaseListSerializer if self.action == "list" else CaseSerializer

    def get_queryset(self):
        return selectors.cases_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        case = self.get_queryset().get(pk=pk)
        return Response(CaseSerializer(case, context={"request": self.request}).data, status=code)

    @extend_schema(
        tags=TAG,
        summary="Open a case (General Directorate; DIS-1)",
        request=CaseOpenInput,
        responses={201: CaseSerializer},
    )
    def create(self, request):
        data = _valid(CaseOpenInput, request)
        case = services.case_open(
            actor=request.user,
            source=data["source"],
            office=data["office"],
            accused=data["accused"],
            violations=data["violations"],
            allegation=data["allegation"],
            offence_date=data["offence_date"],
            board_id=data["board"],
            complaint_id=data.get("complaint"),
            inspection_id=data.get("inspection"),
            complainant=data.get("complainant"),
            complainant_kind=data.get("complainant_kind", ""),
        )
        return self._render(case.pk, status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Schedule a hearing and summon the accused (chair; DIS-4)",
        request=ScheduleInput,
        responses={201: SessionSerializer},
    )
    @action(detail=True, methods=["post"])
    def sessions(self, request, pk=None):
        data = _valid(ScheduleInput, request)
        session = services.session_schedule(actor=request.user, case_id=pk, **data)
        return Response(
            SessionSerializer(session, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        tags=TAG,
        summary="Record the withdrawal of the complaint (GD; DIS-10)",
        request=NoteInput,
        responses=CaseSerializer,
    )
    @action(detail=True, methods=["post"])
    def withdrawal(self, request, pk=None):
        data = _valid(NoteInput, request)
        services.case_record_withdrawal(actor=request.user, case_id=pk, note=data["note"])
        return self._render(pk)

    @extend_schema(
        tags=TAG,
        summary="Put the case before an appeal board (GD)",
        request=AppealBoardInput,
        responses=CaseSerializer,
    )
    @action(detail=True, methods=["post"], url_path="assign-appeal-board")
    def assign_appeal_board(self, request, pk=None):
        data = _valid(AppealBoardInput, request)
        services.case_assign_appeal_board(actor=request.user, case_id=pk, board_id=data["board"])
        return self._render(pk)

    @extend_schema(
        tags=TAG,
        summary="Refer a crime to the judicial authority (board member; DIS-11)",
        request=ReferralInput,
        responses={201: CaseSerializer},
    )
    @action(detail=True, methods=["post"])
    def referrals(self, request, pk=None):
        data = _valid(ReferralInput, request)
        services.case_refer_crime(actor=request.user, case_id=pk, **data)
        return self._render(pk, status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Appeal a grade 5-6 ruling within 20 days of service (accused; DIS-6)",
        request=GroundsInput,
        responses={201: ChallengeSerializer},
    )
    @action(detail=True, methods=["post"])
    def appeal(self, request, pk=None):
        data = _valid(GroundsInput, request)
        challenge = services.ruling_appeal(actor=request.user, case_id=pk, grounds=data["grounds"])
        return Response(ChallengeSerializer(challenge).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Object to a first-instance ruling (centre head; DIS-7)",
        request=GroundsInput,
        responses={201: ChallengeSerializer},
    )
    @action(detail=True, methods=["post"])
    def object(self, request, pk=None):
        data = _valid(GroundsInput, request)
        challenge = services.ruling_object(actor=request.user, case_id=pk, grounds=data["grounds"])
        return Response(ChallengeSerializer(challenge).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Add a paper to the case (GD or the case's board)",
        request={"multipart/form-data": CaseDocumentInput},
        responses={201: CaseDocumentSerializer},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser, JSONParser])
    def documents(self, request, pk=None):
        data = _valid(CaseDocumentInput, request)
        document = services.case_add_document(
            actor=request.user, case_id=pk, title=data["title"], file=data["file"]
        )
        return Response(CaseDocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=TAG,
        summary="Download a paper of the case",
        responses=stored_file_responses(),
    )
    @action(detail=True, methods=["get"], url_path=r"documents/(?P<document_id>\d+)")
    def document(self, request, pk=None, document_id=None):
        case = self.get_object()
        document = selectors.documents_of(case).filter(pk=document_id).first()
        if document is None:
            raise NotFound()
        response = FileResponse(document.file.open("rb"), content_type=document.content_type)
        response["Content-Disposition"] = f'attachment; filename="document-{document.pk}"'
        response["Cache-Control"] = "private, no-store"
        return response

    @extend_schema(
        tags=TAG,
        summary="Every step of the case with actor, time and reason (DIS-13)",
        responses=HistoryEntrySerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request, pk=None):
        case = self.get_object()
        return Response(
            HistoryEntrySerializer(selectors.case_history(case, actor=request.user), many=True).data
        )


# --- Hearings (DIS-4) ----
class AttendanceInput(serializers.Serializer):
    present = serializers.ListField(child=serializers.IntegerField(), allow_empty=True)


class VoteInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    grade = serializers.IntegerField(required=False, allow_null=True)
    suspension_months = serializers.IntegerField(required=False, allow_null=True)
    reasons = serializers.CharField()


class DraftInput(serializers.Serializer):
    text = serializers.CharField()
    mitigation_note = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_view(retrieve=extend_schema(tags=TAG, summary="A hearing"))
class SessionViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = SessionSerializer

    def get_queryset(self):
        return selectors.sessions_visible_to(self.request.user)

    def _render(self, pk):
        return Response(
            SessionSerializer(
                self.get_queryset().get(pk=pk), context={"request": self.request}
            ).data
        )

    @extend_schema(
        tags=TAG,
        summary="Record attendance (chair); not all present: cannot rule (DIS-4)",
        request=AttendanceInput,
        responses=SessionSerializer,
    )
    @action(detail=True, methods=["post"])
    def attendance(self, request, pk=None):
        data = _valid(AttendanceInput, request)
        services.session_record_attendance(
            actor=request.user, session_id=pk, present=data["present"]
        )
        return self._render(pk)

    @extend_schema(
        tags=TAG,
        summary="Cast one's vote (member; DIS-4, DIS-5, DIS-9)",
        request=VoteInput,
        responses=SessionSerializer,
    )
    @action(detail=True, methods=["post"])
    def vote(self, request, pk=None):
        data = _valid(VoteInput, request)
        services.session_vote(actor=request.user, session_id=pk, **data)
        return self._render(pk)

    @extend_schema(
        tags=TAG,
        summary="Draft the majority's ruling (chair; DIS-4)",
        request=DraftInput,
        responses={201: RulingSerializer},
    )
    @action(detail=True, methods=["post"])
    def ruling(self, request, pk=None):
        data = _valid(DraftInput, request)
        ruling = services.ruling_draft(actor=request.user, session_id=pk, **data)
        return Response(
            RulingSerializer(ruling, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    retrieve=extend_schema(tags=TAG, summary="A ruling (content after service for the accused)")
)
class RulingViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = RulingSerializer

    def get_queryset(self):
        qs = selectors.rulings_visible_to(self.request.user)
        return qs

    def get_object(self):
        ruling = super().get_object()
        if ruling.status == Ruling.Status.DRAFT and not _board_side(self.request, ruling.case):
            raise NotFound()
        return ruling

    @extend_schema(
        tags=TAG,
        summary="Issue the ruling and serve it as a notice (chair; DIS-6)",
        request=None,
        responses=RulingSerializer,
    )
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        services.ruling_issue(actor=request.user, ruling_id=pk)
        return Response(
            RulingSerializer(self.get_queryset().get(pk=pk), context={"request": request}).data
        )


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
        from django.utils import timezone

        return timezone.localdate(ruling.final_at).isoformat()


@extend_schema_view(
    list=extend_schema(
        tags=TAG, summary="Published reprimands (grade 4, final only; public; DIS-8)"
    )
)
class ReprimandViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ReprimandSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.published_reprimands()


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


@extend_schema_view(
    list=extend_schema(
        tags=TAG,
        summary="An office's disciplinary file: its final rulings (regulators; DIS-8)",
        parameters=[OpenApiParameter("office", int, required=True)],
    )
)
class OfficeRecordViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = OfficeRecordSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Ruling.objects.none()
        if not selectors.is_regulator(self.request.user):
            raise NotFound()
        try:
            office_id = int(self.request.query_params.get("office", ""))
        except ValueError:
            return Ruling.objects.none()
        return selectors.office_record(office_id)
