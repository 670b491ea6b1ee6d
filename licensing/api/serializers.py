"""The licensing API's serializers: what each endpoint renders (`…Serializer`) and the bodies
it accepts (`…Input`), shared by the staff pages' forms (`licensing.actions`)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import User
from licensing import selectors
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


# The request page's forms are validated by these two: their labels name the fields in the
# page's messages, in the reader's language.
class OptionalReasonInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", label=_("Reasons"))


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices, label=_("Decision"))
    reasons = serializers.CharField(label=_("Reasons"))


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
    national_id = NationalIdField(source="user")
    seat = serializers.ChoiceField(choices=BoardMembership.Seat.choices)
    starts_on = serializers.DateField(required=False)


class InspectorInput(serializers.Serializer):
    national_id = NationalIdField(source="user")


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
