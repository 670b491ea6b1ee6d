"""The API's shapes of courts, cases, hearings and acts (CAS-1 … CAS-9), and the actions'
inputs."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from courts.models import Case, CourtAct, Enforcement, Hearing, Participant, PeriodNotice, Role


class CourtBranchSerializer(serializers.Serializer):
    code = serializers.CharField(source="branch.code")
    name = serializers.CharField(source="branch.name")
    number = serializers.IntegerField()
    court = serializers.CharField(source="court.label")
    court_code = serializers.CharField(source="court.code")
    court_type = serializers.CharField(source="court.court_type")
    country = serializers.CharField(source="court.country")
    province = serializers.CharField(source="court.province")
    city = serializers.CharField(source="court.city")


class ApplicationTypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="label")
    court_types = serializers.ListField(child=serializers.CharField())
    starts_case = serializers.BooleanField()


class CategorySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="label")
    court_type = serializers.CharField()
    parent = serializers.CharField(source="parent.code", allow_null=True, default=None)


class ParticipantSerializer(serializers.ModelSerializer):
    represents = serializers.IntegerField(source="represents.sub_row", default=None)

    class Meta:
        model = Participant
        fields = ["sub_row", "role", "name", "represents", "joined_at"]
        read_only_fields = fields


class HearingSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="case.number", read_only=True)
    # Empty when the hearing has no online session: a string, not always a URI.
    online_link = serializers.CharField(read_only=True, label=_("online link"))

    class Meta:
        model = Hearing
        fields = [
            "id",
            "case",
            "case_number",
            "starts_at",
            "room",
            "online_link",
            "status",
            "result",
        ]
        read_only_fields = fields


class CourtActSerializer(serializers.ModelSerializer):
    class Meta:
        model = CourtAct
        fields = ["id", "kind", "title", "final", "sha256", "verification_code", "issued_at"]
        read_only_fields = fields


class EnforcementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enforcement
        fields = ["id", "number", "status", "opened_at", "judgment"]
        read_only_fields = fields


class CaseSummarySerializer(serializers.ModelSerializer):
    branch = serializers.CharField(source="branch.name")
    branch_code = serializers.CharField(source="branch.code")
    my_roles = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "branch",
            "branch_code",
            "judge",
            "court_type",
            "subject",
            "status",
            "opened_at",
            "my_roles",
        ]
        read_only_fields = fields

    def get_my_roles(self, case) -> list[str]:
        roles = self.context.get("roles", {})
        return [row.role for row in roles.get(case.pk, [])]


class CaseDetailSerializer(CaseSummarySerializer):
    category = serializers.CharField(source="category.label", default="")
    participants = serializers.SerializerMethodField()
    hearings = HearingSerializer(many=True, read_only=True)
    acts = CourtActSerializer(many=True, read_only=True)
    enforcements = EnforcementSerializer(many=True, read_only=True)

    class Meta(CaseSummarySerializer.Meta):
        fields = [
            *CaseSummarySerializer.Meta.fields,
            "category",
            "result",
            "participants",
            "hearings",
            "acts",
            "enforcements",
        ]
        read_only_fields = fields

    def get_participants(self, case) -> list[dict]:
        rows = case.participants.filter(left_at__isnull=True).select_related("represents")
        return ParticipantSerializer(rows, many=True).data


# --- Inputs -------------------------------------------------------------------------------
class ParticipantInput(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices, label=_("role"))
    name = serializers.CharField(max_length=255, label=_("name"))
    national_id = serializers.CharField(
        max_length=20, required=False, allow_blank=True, label=_("national ID")
    )
    represents = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, label=_("lawyer of (sub-row)")
    )


class CaseUpdateInput(serializers.Serializer):
    judge = serializers.CharField(max_length=255, required=False, label=_("judge"))
    status = serializers.ChoiceField(choices=Case.Status.choices, required=False, label=_("status"))
    result = serializers.CharField(required=False, allow_blank=True, label=_("result"))


class HearingInput(serializers.Serializer):
    starts_at = serializers.DateTimeField(label=_("date and time"))
    room = serializers.CharField(max_length=128, required=False, allow_blank=True, label=_("room"))
    online_link = serializers.URLField(required=False, allow_blank=True, label=_("online link"))


class HearingResultInput(serializers.Serializer):
    result = serializers.CharField(label=_("result"))
    held = serializers.BooleanField(required=False, default=True, label=_("held"))


class FollowInput(serializers.Serializer):
    case_number = serializers.RegexField(r"^\d{16}$", label=_("case number"))
    sub_row = serializers.IntegerField(min_value=1, label=_("sub-row"))
    password = serializers.CharField(
        max_length=128, trim_whitespace=False, label=_("case password")
    )


class ActInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CourtAct.Kind.choices, label=_("kind"))
    title = serializers.CharField(max_length=255, label=_("title"))
    text = serializers.CharField(label=_("text"))
    final = serializers.BooleanField(required=False, default=False, label=_("final"))


class PeriodNoticeInput(serializers.Serializer):
    sub_row = serializers.IntegerField(min_value=1, label=_("sub-row"))
    subject = serializers.CharField(max_length=255, label=_("subject"))
    body = serializers.CharField(label=_("text"))
    title = serializers.CharField(max_length=255, label=_("period"))
    days = serializers.IntegerField(min_value=1, max_value=365, label=_("days"))
    calendar = serializers.ChoiceField(
        choices=PeriodNotice.Calendar.choices,
        required=False,
        default="calendar",
        label=_("counted in"),
    )


class VerifyInput(serializers.Serializer):
    code = serializers.CharField(max_length=16, label=_("verification code"))
    sha256 = serializers.RegexField(r"^[0-9a-fA-F]{64}$", label=_("SHA-256 hash of the file"))


class VerifiedSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    kind = serializers.CharField(allow_null=True)
    issued_at = serializers.DateTimeField(allow_null=True)
    court = serializers.CharField(allow_null=True)
