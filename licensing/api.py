"""The licensing API under /api/v1/licensing/ (LIC-1 … LIC-9, OFF-7, ASC-1 … ASC-3).

Thin views: parse, call a service, render. Lists come from selectors already filtered by the
caller; an object outside them answers 404. Every state change is its own POST endpoint
(`POST /requests/{id}/propose/` …), answering 409 in a wrong state and 403 to an actor who
may see the object but not take the step.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from accounts.models import User
from core.api import validated_input as _valid
from licensing import association as association_services
from licensing import selectors, services
from licensing.filters import LicenceRequestFilter
from licensing.models import (
    Application,
    ApplicationDocument,
    Association,
    BoardMembership,
    Call,
    Complaint,
    CouncilMembership,
    Decision,
    FeeSchedule,
    Inspection,
    Licence,
    LicenceRequest,
    RequestStep,
)
from offices.models import City, Degree, Office, Province, StaffProfile


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return user.get_full_name() or str(user)


class NationalIdField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="national_id", queryset=User.objects.all(), **kwargs)


# --- Calls (LIC-1) -------------------------------------------------------------------------------
class CallSerializer(serializers.ModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", queryset=Province.objects.all())
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = [
            "id",
            "title",
            "province",
            "places",
            "opens_at",
            "closes_at",
            "description",
            "is_open",
        ]
        read_only_fields = ["id", "is_open"]

    def get_is_open(self, call) -> bool:
        return call.is_open()


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Calls for applicants (LIC-1); public"),
    retrieve=extend_schema(tags=["licensing"], summary="A call for applicants"),
    create=extend_schema(tags=["licensing"], summary="Open a call (licensing staff; LIC-1)"),
)
class CallViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CallSerializer
    filterset_fields = ["province__code"]

    def get_permissions(self):
        return [AllowAny()] if self.action in ("list", "retrieve") else [IsAuthenticated()]

    def get_queryset(self):
        return selectors.calls()

    def create(self, request):
        data = _valid(CallSerializer, request)
        call = services.call_open(actor=request.user, **data)
        return Response(CallSerializer(call).data, status=status.HTTP_201_CREATED)


# --- Applications (LIC-2) ------------------------------------------------------------------------
class UnmetSerializer(serializers.Serializer):
    requirement = serializers.CharField()
    article = serializers.CharField()
    message = serializers.CharField()


class ApplicationDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApplicationDocument
        fields = ["id", "kind", "uploaded_at"]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer):
    applicant = PersonSerializer(read_only=True)
    city = serializers.CharField(source="city.name", read_only=True, allow_null=True)
    unmet_requirements = UnmetSerializer(many=True, read_only=True)
    qualified = serializers.BooleanField(read_only=True)
    documents = ApplicationDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "call",
            "applicant",
            "city",
            "statement",
            "status",
            "submitted_at",
            "vetted_at",
            "qualified",
            "unmet_requirements",
            "priority_days",
            "decided_at",
            "decision_reasons",
            "documents",
        ]
        read_only_fields = fields


class DegreeInput(serializers.Serializer):
    level = serializers.ChoiceField(choices=Degree.Level.choices)
    field = serializers.ChoiceField(choices=Degree.Field.choices)
    field_detail = serializers.CharField(max_length=200, required=False, default="")
    institution = serializers.CharField(max_length=200, required=False, default="")
    year = serializers.IntegerField(min_value=1300, max_value=2100, required=False)


class ExperienceInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    employer = serializers.CharField(max_length=200, required=False, default="")
    related = serializers.BooleanField(default=True)
    started_on = serializers.DateField()
    ended_on = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs):
        if attrs.get("ended_on") and attrs["ended_on"] < attrs["started_on"]:
            raise serializers.ValidationError({"ended_on": [_("After the start.")]})
        return attrs


class DeclarationsInput(serializers.Serializer):
    """Art. 21: the applicant declares whether any prohibition applies."""

    practising_lawyer = serializers.BooleanField(default=False)
    legal_adviser = serializers.BooleanField(default=False)
    official_expert = serializers.BooleanField(default=False)
    dismissed_judge_or_notary = serializers.BooleanField(default=False)
    merchant = serializers.BooleanField(default=False)
    government_employee = serializers.BooleanField(default=False)


class QualificationsInput(serializers.Serializer):
    sex = serializers.ChoiceField(choices=StaffProfile.Sex.choices)
    declarations = DeclarationsInput()
    degrees = DegreeInput(many=True, required=False, default=list)
    experience = ExperienceInput(many=True, required=False, default=list)


class ApplicationInput(serializers.Serializer):
    call = serializers.IntegerField()
    city = serializers.PrimaryKeyRelatedField(
        queryset=City.objects.all(), required=False, allow_null=True
    )
    statement = serializers.CharField(required=False, allow_blank=True, default="")
    qualifications = QualificationsInput(
        required=False,
        help_text=_("The would-be manager's qualifications; kept on their qualification record."),
    )


class DocumentInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ApplicationDocument.Kind.choices)
    file = serializers.FileField(help_text=_("PDF, JPEG or PNG, at most 5 MB."))


class ReasonsInput(serializers.Serializer):
    reasons = serializers.CharField()


class OptionalReasonInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    reasons = serializers.CharField()


@extend_schema_view(
    list=extend_schema(
        tags=["licensing"], summary="Applications: the applicant's own; all for the regulator"
    ),
    retrieve=extend_schema(
        tags=["licensing"], summary="An application, its status and its vetting (LIC-2)"
    ),
)
class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ApplicationSerializer
    filterset_fields = ["status", "call"]
    ordering_fields = ["submitted_at", "priority_days"]

    def get_queryset(self):
        return selectors.applications_visible_to(self.request.user).prefetch_related("documents")

    def _render(self, application, code=status.HTTP_200_OK):
        application = self.get_queryset().get(pk=application.pk)
        return Response(ApplicationSerializer(application).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Apply to an open call (LIC-1, LIC-2); vetted automatically",
        request=ApplicationInput,
        responses={201: ApplicationSerializer},
    )
    def create(self, request):
        data = _valid(ApplicationInput, request)
        application = services.application_submit(
            actor=request.user,
            call_id=data["call"],
            city=data.get("city"),
            statement=data["statement"],
            qualifications_record=data.get("qualifications"),
        )
        return self._render(application, status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="Add a document (the applicant, before the decision)",
        request={"multipart/form-data": DocumentInput},
        responses={201: ApplicationSerializer},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def documents(self, request, pk=None):
        data = _valid(DocumentInput, request)
        services.application_add_document(
            actor=request.user, application_id=pk, kind=data["kind"], file=data["file"]
        )
        return self._render(Application(pk=pk), status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="Run the automatic vetting again (licensing staff)",
        request=None,
        responses=ApplicationSerializer,
    )
    @action(detail=True, methods=["post"])
    def vet(self, request, pk=None):
        return self._render(services.application_vet(actor=request.user, application_id=pk))

    @extend_schema(
        tags=["licensing"],
        summary="Accept a qualified applicant (licensing staff; LIC-2)",
        request=ReasonsInput,
        responses=ApplicationSerializer,
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        data = _valid(ReasonsInput, request)
        return self._render(
            services.application_accept(actor=request.user, application_id=pk, **data)
        )

    @extend_schema(
        tags=["licensing"],
        summary="Reject an application with reasons (licensing staff; LIC-2)",
        request=ReasonsInput,
        responses=ApplicationSerializer,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        data = _valid(ReasonsInput, request)
        return self._render(
            services.application_reject(actor=request.user, application_id=pk, **data)
        )

    @extend_schema(
        tags=["licensing"],
        summary="Withdraw one's application before the decision",
        request=OptionalReasonInput,
        responses=ApplicationSerializer,
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        data = _valid(OptionalReasonInput, request)
        return self._render(
            services.application_withdraw(actor=request.user, application_id=pk, **data)
        )


# --- Licence requests (LIC-3) --------------------------------------------------------------------
class StepSerializer(serializers.ModelSerializer):
    actor = PersonSerializer(read_only=True)

    class Meta:
        model = RequestStep
        fields = ["step", "decision", "reasons", "actor", "created_at"]
        read_only_fields = fields


class LicenceRequestSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.code", read_only=True)
    licence = serializers.CharField(source="licence.number", read_only=True, allow_null=True)
    resulting_licence = serializers.CharField(
        source="resulting_licence.number", read_only=True, allow_null=True
    )
    requested_by = PersonSerializer(read_only=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = LicenceRequest
        fields = [
            "id",
            "kind",
            "status",
            "office",
            "licence",
            "application",
            "reasons",
            "suspend_until",
            "new_address",
            "new_city",
            "requested_by",
            "submitted_at",
            "decided_at",
            "resulting_licence",
            "steps",
        ]
        read_only_fields = fields


class RequestInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LicenceRequest.Kind.choices)
    reasons = serializers.CharField()
    office = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Office.objects.all(),
        required=False,
        help_text=_("Issue and replacement: the office's code."),
    )
    licence = serializers.SlugRelatedField(
        slug_field="number",
        queryset=Licence.objects.all(),
        required=False,
        help_text=_("Every other kind: the licence's number."),
    )
    application = serializers.IntegerField(
        required=False, help_text=_("Issue and replacement: the manager's accepted application.")
    )
    suspend_until = serializers.DateField(required=False)
    new_address = serializers.CharField(required=False, allow_blank=True, default="")
    new_city = serializers.PrimaryKeyRelatedField(queryset=City.objects.all(), required=False)
    new_latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-90, max_value=90, required=False
    )
    new_longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-180, max_value=180, required=False
    )


def _request_action(name, summary, service, input_serializer):
    @extend_schema(
        tags=["licensing"],
        summary=summary,
        request=input_serializer,
        responses=LicenceRequestSerializer,
    )
    def handler(self, request, pk=None):
        data = _valid(input_serializer, request)
        service(actor=request.user, request_id=pk, **data)
        return self._render(pk)

    handler.__name__ = name
    return handler


@extend_schema_view(
    list=extend_schema(
        tags=["licensing"],
        summary="Licence requests the caller may see; `waiting=true`: what waits for them",
        parameters=[
            OpenApiParameter(
                "waiting",
                bool,
                description=str(
                    _(
                        "Only what waits for the caller: Council members the requests to take "
                        "up and propose, licensing staff those awaiting the GD opinion, the "
                        "centre head those awaiting decision; others their open requests."
                    )
                ),
            )
        ],
    ),
    retrieve=extend_schema(tags=["licensing"], summary="A licence request and its steps"),
)
class LicenceRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = LicenceRequestSerializer
    filterset_class = LicenceRequestFilter
    ordering_fields = ["submitted_at"]

    def get_queryset(self):
        return selectors.requests_visible_to(self.request.user).prefetch_related(
            "steps__actor", "resulting_licence"
        )

    def _render(self, pk, code=status.HTTP_200_OK):
        obj = self.get_queryset().get(pk=pk)
        return Response(LicenceRequestSerializer(obj).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Submit a licence request to the Council (LIC-3)",
        request=RequestInput,
        responses={201: LicenceRequestSerializer},
    )
    def create(self, request):
        data = _valid(RequestInput, request)
        office, licence = data.pop("office", None), data.pop("licence", None)
        created = services.request_submit(
            actor=request.user,
            office_id=office.pk if office else None,
            licence_id=licence.pk if licence else None,
            application_id=data.pop("application", None),
            **data,
        )
        return self._render(created.pk, status.HTTP_201_CREATED)

    start_review = action(detail=True, methods=["post"], url_path="start-review")(
        _request_action(
            "start_review",
            "A Council member takes the request up (LIC-3)",
            services.request_start_review,
            OptionalReasonInput,
        )
    )
    propose = action(detail=True, methods=["post"])(
        _request_action(
            "propose",
            "The Council's proposal, approve or reject, with reasons (LIC-3)",
            services.request_propose,
            DecisionInput,
        )
    )
    opinion = action(detail=True, methods=["post"])(
        _request_action(
            "opinion",
            "The GD's opinion for the centre head (licensing staff; LIC-3)",
            services.request_give_opinion,
            DecisionInput,
        )
    )
    decide = action(detail=True, methods=["post"])(
        _request_action(
            "decide",
            "The centre head's decision; an approval is applied at once (LIC-3)",
            services.request_decide,
            DecisionInput,
        )
    )
    cancel = action(detail=True, methods=["post"])(
        _request_action(
            "cancel",
            "The requester cancels before the Council takes it up",
            services.request_cancel,
            OptionalReasonInput,
        )
    )


# --- Licences (LIC-5, LIC-6) ---------------------------------------------------------------------
class LicenceSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.code", read_only=True)
    holder = PersonSerializer(read_only=True)
    effective_status = serializers.SerializerMethodField()

    class Meta:
        model = Licence
        fields = [
            "id",
            "number",
            "office",
            "holder",
            "issued_on",
            "expires_on",
            "status",
            "effective_status",
            "suspended_until",
            "ended_on",
        ]
        read_only_fields = fields

    def get_effective_status(self, licence) -> str:
        return licence.effective_status()


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Licences: own, or all for the regulator"),
    retrieve=extend_schema(tags=["licensing"], summary="A licence"),
)
class LicenceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LicenceSerializer
    filterset_fields = ["status", "office__code"]
    ordering_fields = ["issued_on", "expires_on"]

    def get_queryset(self):
        return selectors.licences_visible_to(self.request.user)


# --- Fee schedules (LIC-8) -----------------------------------------------------------------------
class FeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeeSchedule
        fields = [
            "id",
            "kind",
            "amount",
            "effective_from",
            "status",
            "proposal_reasons",
            "opinion",
            "opinion_reasons",
            "opinion_at",
            "decision_reasons",
            "decided_at",
        ]
        read_only_fields = fields


class FeeInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FeeSchedule.Kind.choices)
    amount = serializers.DecimalField(max_digits=15, decimal_places=0, min_value=0)
    effective_from = serializers.DateField()
    reasons = serializers.CharField()


@extend_schema_view(
    list=extend_schema(
        tags=["licensing"], summary="Fee schedules: approved ones; proposals for the regulator"
    ),
    retrieve=extend_schema(tags=["licensing"], summary="A fee schedule"),
)
class FeeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = FeeSerializer
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return selectors.fees_visible_to(self.request.user)

    def _render(self, fee, code=status.HTTP_200_OK):
        return Response(FeeSerializer(fee).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="The Council proposes a fee (LIC-8)",
        request=FeeInput,
        responses={201: FeeSerializer},
    )
    def create(self, request):
        data = _valid(FeeInput, request)
        return self._render(
            services.fee_propose(actor=request.user, **data), status.HTTP_201_CREATED
        )

    @extend_schema(
        tags=["licensing"],
        summary="The GD's opinion on a proposed fee (LIC-8)",
        request=DecisionInput,
        responses=FeeSerializer,
    )
    @action(detail=True, methods=["post"])
    def opinion(self, request, pk=None):
        data = _valid(DecisionInput, request)
        return self._render(services.fee_give_opinion(actor=request.user, fee_id=pk, **data))

    @extend_schema(
        tags=["licensing"],
        summary="The centre head approves or rejects a fee (LIC-8)",
        request=DecisionInput,
        responses=FeeSerializer,
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        data = _valid(DecisionInput, request)
        return self._render(services.fee_decide(actor=request.user, fee_id=pk, **data))


# --- Council (LIC-4) -----------------------------------------------------------------------------
class CouncilSerializer(serializers.ModelSerializer):
    user = PersonSerializer(read_only=True)

    class Meta:
        model = CouncilMembership
        fields = ["id", "user", "starts_on", "ends_on", "ended_on"]
        read_only_fields = fields


class TermInput(serializers.Serializer):
    national_id = NationalIdField()
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False)


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="The sitting Council (LIC-4)"),
)
class CouncilViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = CouncilSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.council()

    @extend_schema(
        tags=["licensing"],
        summary="The centre head appoints a Council member (LIC-4)",
        request=TermInput,
        responses={201: CouncilSerializer},
    )
    def create(self, request):
        data = _valid(TermInput, request)
        term = services.council_appoint(
            actor=request.user,
            user=data["national_id"],
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
        )
        return Response(CouncilSerializer(term).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="End a Council term early (the centre head)",
        request=None,
        responses=CouncilSerializer,
    )
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        term = services.council_end(actor=request.user, membership_id=pk)
        return Response(CouncilSerializer(term).data)


# --- Associations (ASC-1) ------------------------------------------------------------------------
class BoardTermSerializer(serializers.ModelSerializer):
    user = PersonSerializer(read_only=True)

    class Meta:
        model = BoardMembership
        fields = ["id", "user", "seat", "starts_on", "ends_on", "ended_on"]
        read_only_fields = fields


class AssociationSerializer(serializers.ModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", queryset=Province.objects.all())
    serves = serializers.SerializerMethodField()
    board = serializers.SerializerMethodField()

    class Meta:
        model = Association
        fields = ["id", "name", "province", "serves", "board"]
        read_only_fields = ["id", "serves", "board"]

    def get_serves(self, association) -> list[str]:
        return [area.province.code for area in association.areas.all()]

    @extend_schema_field(BoardTermSerializer(many=True))
    def get_board(self, association) -> list[dict]:
        terms = selectors.current_board(association).select_related("user")
        return BoardTermSerializer(terms, many=True).data


class BoardInput(serializers.Serializer):
    national_id = NationalIdField()
    seat = serializers.ChoiceField(choices=BoardMembership.Seat.choices)
    starts_on = serializers.DateField(required=False)


class InspectorInput(serializers.Serializer):
    national_id = NationalIdField()


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Associations, their areas and boards (ASC-1)"),
    retrieve=extend_schema(tags=["licensing"], summary="An Association"),
)
class AssociationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = AssociationSerializer

    def get_queryset(self):
        return selectors.associations()

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(AssociationSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Record a new Association (licensing staff or the centre head; ASC-1)",
        request=AssociationSerializer,
        responses={201: AssociationSerializer},
    )
    def create(self, request):
        data = _valid(AssociationSerializer, request)
        created = association_services.association_create(actor=request.user, **data)
        return self._render(created.pk, status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="Appoint a board member for a 3-year term (the centre head; ASC-1)",
        request=BoardInput,
        responses={201: BoardTermSerializer},
    )
    @action(detail=True, methods=["post"])
    def board(self, request, pk=None):
        data = _valid(BoardInput, request)
        term = association_services.board_appoint(
            actor=request.user,
            association_id=int(pk),
            user=data["national_id"],
            seat=data["seat"],
            starts_on=data.get("starts_on"),
        )
        return Response(BoardTermSerializer(term).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="Name an inspector of the Association (its board or the GD; ASC-2)",
        request=InspectorInput,
        responses=AssociationSerializer,
    )
    @action(detail=True, methods=["post"])
    def inspectors(self, request, pk=None):
        data = _valid(InspectorInput, request)
        association_services.inspector_add(
            actor=request.user, association_id=int(pk), user=data["national_id"]
        )
        return self._render(pk)


# --- Inspections (ASC-2) -------------------------------------------------------------------------
class InspectionSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.code", read_only=True)
    inspector = PersonSerializer(read_only=True)
    documents = serializers.SerializerMethodField()

    class Meta:
        model = Inspection
        fields = [
            "id",
            "association",
            "office",
            "kind",
            "status",
            "inspector",
            "scheduled_for",
            "findings",
            "reasoning",
            "manager_cooperated",
            "recommends_discipline",
            "reported_at",
            "review_notes",
            "case_reference",
            "documents",
        ]
        read_only_fields = fields

    def get_documents(self, inspection) -> list[str]:
        return [d.description for d in inspection.documents.all()]


class InspectionInput(serializers.Serializer):
    office = serializers.SlugRelatedField(slug_field="code", queryset=Office.objects.all())
    kind = serializers.ChoiceField(choices=Inspection.Kind.choices)
    inspector = NationalIdField()
    scheduled_for = serializers.DateField()


class ReportInput(serializers.Serializer):
    findings = serializers.CharField()
    reasoning = serializers.CharField()
    manager_cooperated = serializers.BooleanField()
    recommends_discipline = serializers.BooleanField(default=False)
    documents = serializers.ListField(
        child=serializers.FileField(), help_text=_("PDF, JPEG or PNG files.")
    )


class ReviewInput(serializers.Serializer):
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class ReferInput(serializers.Serializer):
    case_reference = serializers.CharField(max_length=64)


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Inspections the caller may see (ASC-2)"),
    retrieve=extend_schema(tags=["licensing"], summary="An inspection and its report"),
)
class InspectionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = InspectionSerializer
    filterset_fields = ["status", "kind", "recommends_discipline"]

    def get_queryset(self):
        return selectors.inspections_visible_to(self.request.user).prefetch_related("documents")

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(InspectionSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Plan a periodic or ad hoc inspection (the board or the GD; ASC-2)",
        request=InspectionInput,
        responses={201: InspectionSerializer},
    )
    def create(self, request):
        data = _valid(InspectionInput, request)
        created = association_services.inspection_plan(
            actor=request.user,
            office_id=data["office"].pk,
            kind=data["kind"],
            inspector=data["inspector"],
            scheduled_for=data["scheduled_for"],
        )
        return self._render(created.pk, status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="File the reasoned, documented report to the GD (the inspector; ASC-2)",
        request={"multipart/form-data": ReportInput},
        responses=InspectionSerializer,
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def report(self, request, pk=None):
        data = _valid(ReportInput, request)
        association_services.inspection_report(actor=request.user, inspection_id=pk, **data)
        return self._render(pk)

    @extend_schema(
        tags=["licensing"],
        summary="The GD has reviewed the report",
        request=ReviewInput,
        responses=InspectionSerializer,
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        data = _valid(ReviewInput, request)
        association_services.inspection_review(actor=request.user, inspection_id=pk, **data)
        return self._render(pk)

    @extend_schema(
        tags=["licensing"],
        summary="Record the disciplinary case opened from the report (licensing staff)",
        request=ReferInput,
        responses=InspectionSerializer,
    )
    @action(detail=True, methods=["post"])
    def refer(self, request, pk=None):
        data = _valid(ReferInput, request)
        association_services.inspection_refer(actor=request.user, inspection_id=pk, **data)
        return self._render(pk)


# --- Complaints (ASC-3) --------------------------------------------------------------------------
class ComplaintSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.code", read_only=True)

    class Meta:
        model = Complaint
        fields = [
            "id",
            "association",
            "office",
            "subject",
            "body",
            "status",
            "findings",
            "case_reference",
            "received_at",
        ]
        read_only_fields = fields


class ComplaintInput(serializers.Serializer):
    office = serializers.SlugRelatedField(slug_field="code", queryset=Office.objects.all())
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField()


class FindingsInput(serializers.Serializer):
    findings = serializers.CharField()


@extend_schema_view(
    list=extend_schema(tags=["licensing"], summary="Complaints the caller may see (ASC-3)"),
    retrieve=extend_schema(tags=["licensing"], summary="A complaint"),
)
class ComplaintViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ComplaintSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.complaints_visible_to(self.request.user)

    def _render(self, pk, code=status.HTTP_200_OK):
        return Response(ComplaintSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        tags=["licensing"],
        summary="Complain about an office to the Association serving it (ASC-3)",
        request=ComplaintInput,
        responses={201: ComplaintSerializer},
    )
    def create(self, request):
        data = _valid(ComplaintInput, request)
        created = association_services.complaint_file(
            actor=request.user,
            office_id=data["office"].pk,
            subject=data["subject"],
            body=data["body"],
        )
        return self._render(created.pk, status.HTTP_201_CREATED)

    @extend_schema(
        tags=["licensing"],
        summary="The board reports the complaint to the GD with its findings (ASC-3)",
        request=FindingsInput,
        responses=ComplaintSerializer,
    )
    @action(detail=True, methods=["post"])
    def forward(self, request, pk=None):
        data = _valid(FindingsInput, request)
        association_services.complaint_forward(actor=request.user, complaint_id=pk, **data)
        return self._render(pk)

    @extend_schema(
        tags=["licensing"],
        summary="The board dismisses the complaint with reasons",
        request=FindingsInput,
        responses=ComplaintSerializer,
    )
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        data = _valid(FindingsInput, request)
        association_services.complaint_dismiss(actor=request.user, complaint_id=pk, **data)
        return self._render(pk)

    @extend_schema(
        tags=["licensing"],
        summary="Record the disciplinary case opened from the complaint (licensing staff)",
        request=ReferInput,
        responses=ComplaintSerializer,
    )
    @action(detail=True, methods=["post"])
    def refer(self, request, pk=None):
        data = _valid(ReferInput, request)
        association_services.complaint_refer(actor=request.user, complaint_id=pk, **data)
        return self._render(pk)
