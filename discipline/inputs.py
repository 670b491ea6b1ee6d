"""What each action of the discipline app takes (DIS-1 … DIS-11): one serializer per action,
used by the API and by the pages' forms alike (`discipline.actions`).

They turn a JSON body or a form into typed values — ids into the boards, violations,
complaints and people they name, blanks into None — and refuse what is malformed with the
field it concerns, so the services receive what they can act on and decide only what
depends on the state of the case (who acts, in which state, within which window).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.utils import html

from accounts.models import User
from discipline.models import Board, Case, Grade, Outcome, Seat, Tier, Violation
from licensing import selectors as licensing_selectors
from offices.models import Office


class NationalIdField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="national_id", queryset=User.objects.all(), **kwargs)


class BoardField(serializers.PrimaryKeyRelatedField):
    """A board of one tier, by id; any other id is refused with `message`."""

    def __init__(self, *, tier: str, message, **kwargs):
        super().__init__(
            queryset=Board.objects.filter(tier=tier),
            error_messages={"does_not_exist": message, "incorrect_type": message},
            **kwargs,
        )


class TickedIds(serializers.ListField):
    """Ids, as a JSON list or a form's ticked boxes (none ticked: an empty list, where a form
    sends nothing at all)."""

    child = serializers.IntegerField()

    def get_value(self, dictionary):
        if html.is_html_input(dictionary):
            return dictionary.getlist(self.field_name)
        return super().get_value(dictionary)


# --- Boards (DIS-2, DIS-3) ----
class SeatInput(serializers.Serializer):
    national_id = NationalIdField(source="user")
    kind = serializers.ChoiceField(choices=Seat.Kind.choices)
    confirmation = serializers.CharField(required=False, allow_blank=True, default="")


class ChairVoteInput(serializers.Serializer):
    candidate = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())


# --- Cases (DIS-1, DIS-6, DIS-7, DIS-10, DIS-11) ----
class CaseOpenInput(serializers.Serializer):
    """DIS-1: the case's source, office, accused, the items of art. 37 it cites, and the
    first-instance board; on a complaint, the forwarded complaint or the complainant named
    directly; on an inspection, the report flagged for discipline."""

    source = serializers.ChoiceField(choices=Case.Source.choices)
    office = serializers.SlugRelatedField(slug_field="code", queryset=Office.objects.all())
    accused = NationalIdField()
    violations = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        allow_empty=False,
        error_messages={"empty": _("Cite at least one violation of art. 37.")},
    )
    allegation = serializers.CharField()
    offence_date = serializers.DateField()
    board = BoardField(tier=Tier.FIRST_INSTANCE, message=_("Choose a first-instance board."))
    complaint = serializers.IntegerField(required=False, allow_null=True)
    inspection = serializers.IntegerField(required=False, allow_null=True)
    complainant = NationalIdField(required=False, allow_null=True)
    complainant_kind = serializers.ChoiceField(
        choices=[("public", "public"), ("lawyer", "lawyer"), ("party", "party")],
        required=False,
        default="",
    )

    def validate_violations(self, numbers):
        numbers = sorted(set(numbers))
        found = list(Violation.objects.filter(number__in=numbers).order_by("number"))
        if len(found) != len(numbers):
            raise serializers.ValidationError(_("Unknown item of art. 37."))
        return found

    def validate_offence_date(self, day):
        if day > timezone.localdate():
            raise serializers.ValidationError(_("The date of the offence cannot be in the future."))
        return day

    def validate(self, data):
        office, source = data["office"], data["source"]
        errors = {}
        if source == Case.Source.COMPLAINT:
            if data.get("complaint"):
                complaint = (
                    licensing_selectors.complaints_for_discipline()
                    .filter(pk=data["complaint"], office_id=office.pk)
                    .first()
                )
                if complaint is None:
                    errors["complaint"] = [_("No complaint about this office awaits a case.")]
                else:
                    data["complaint"] = complaint
                    data["complainant"] = complaint.complainant
            if data.get("complainant") is None and "complaint" not in errors:
                errors["complainant"] = [_("Name the complainant or the complaint.")]
            if data.get("complainant_kind") not in ("public", "lawyer", "party"):
                errors["complainant_kind"] = [_("A member of the public, a lawyer or a party.")]
        elif source == Case.Source.INSPECTION:
            inspection = (
                licensing_selectors.inspection_reports_for_discipline()
                .filter(pk=data.get("inspection") or 0, office_id=office.pk)
                .first()
            )
            if inspection is None:
                errors["inspection"] = [_("No inspection report of this office awaits a case.")]
            data["inspection"] = inspection
        if errors:
            raise serializers.ValidationError(errors)
        if source != Case.Source.COMPLAINT:
            data["complaint"] = None
        if source != Case.Source.INSPECTION:
            data["inspection"] = None
        return data


class ScheduleInput(serializers.Serializer):
    scheduled_for = serializers.DateTimeField(label=_("Date and time"))
    place = serializers.CharField(label=_("Place"))

    def validate_scheduled_for(self, when):
        if when <= timezone.now():
            raise serializers.ValidationError(_("A hearing is scheduled in the future."))
        return when


class NoteInput(serializers.Serializer):
    note = serializers.CharField()


class AppealBoardInput(serializers.Serializer):
    board = BoardField(tier=Tier.APPEAL, message=_("Choose an appeal board."))


class ReferralInput(serializers.Serializer):
    authority = serializers.CharField(label=_("Authority"))
    facts = serializers.CharField(label=_("Facts"))
    reference = serializers.CharField(
        label=_("Letter number"), required=False, allow_blank=True, default=""
    )


class GroundsInput(serializers.Serializer):
    grounds = serializers.CharField(label=_("Grounds"))


class CaseDocumentInput(serializers.Serializer):
    title = serializers.CharField()
    file = serializers.FileField()


# --- Hearings and rulings (DIS-4, DIS-5, DIS-6) ----
class AttendanceInput(serializers.Serializer):
    present = TickedIds(allow_empty=True)


class VoteInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices, label=_("Decision"))
    grade = serializers.ChoiceField(
        choices=Grade.choices, required=False, allow_null=True, label=_("Sanction grade (art. 35)")
    )
    suspension_months = serializers.IntegerField(
        required=False, allow_null=True, label=_("Suspension (months)")
    )
    reasons = serializers.CharField(label=_("Reasons"))


class DraftInput(serializers.Serializer):
    text = serializers.CharField(label=_("Ruling of the majority"))
    mitigation_note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        label=_("Mitigation (complaint withdrawn)"),
    )
