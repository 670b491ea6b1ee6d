"""What a board may decide (DIS-5, DIS-9): acquittal, or a sanction of art. 35 with its
parameters, never lower than recidivism allows. Checked on every vote and again when the chair
drafts the ruling, so a refused decision always comes with its reason."""

from django.utils.translation import gettext as _

from core.dates import format_date
from core.exceptions import ValidationFailed
from discipline import selectors
from discipline.models import (
    SUSPENSION_MAX_MONTHS,
    SUSPENSION_MIN_MONTHS,
    Case,
    Grade,
    Outcome,
)


def check_decision(
    case: Case, outcome: str, grade: int | None, suspension_months: int | None
) -> tuple[Grade | None, int | None]:
    """The decision as stored (`grade` a `Grade`), or the reason it is refused. The values
    are typed already (`VoteInput`, or the votes a ruling is drafted from)."""
    if outcome == Outcome.ACQUITTAL:
        if grade is not None or suspension_months is not None:
            raise ValidationFailed(
                _("An acquittal carries no sanction."),
                fields={"grade": [_("Leave empty for an acquittal.")]},
            )
        return None, None
    if outcome != Outcome.SANCTION:
        raise ValidationFailed(fields={"outcome": [_("Acquittal or sanction.")]})
    if grade not in Grade.values:
        raise ValidationFailed(
            _("A sanction is one of the six grades of art. 35."),
            fields={"grade": [_("A grade from 1 to 6.")]},
        )
    grade = Grade(grade)
    if grade == Grade.SUSPENSION:
        if suspension_months is None or not (
            SUSPENSION_MIN_MONTHS <= suspension_months <= SUSPENSION_MAX_MONTHS
        ):
            raise ValidationFailed(
                _(
                    "A temporary suspension of the licence runs from 3 months to 2 years "
                    "(art. 35-5)."
                ),
                code="suspension_length",
                fields={"suspension_months": [_("From 3 to 24 months.")]},
            )
    elif suspension_months is not None:
        raise ValidationFailed(
            fields={"suspension_months": [_("Only a suspension (grade 5) has a length.")]}
        )
    if grade.acts_on_licence and case.accused_role != Case.AccusedRole.MANAGER:
        raise ValidationFailed(
            _("Grades 5 and 6 suspend or revoke the licence, which only the manager holds."),
            code="no_licence",
            fields={"grade": [_("Not applicable to a member of the staff.")]},
        )
    minimum, prior = selectors.minimum_grade(case)
    if grade < minimum:
        raise ValidationFailed(
            _(
                "Recidivism (note 3 of article 38): the manager was sanctioned with grade "
                "%(prior)d (%(prior_name)s) in case %(case)s by a ruling that became final on "
                "%(final)s, and the offence of %(offence)s came after it; the new sanction must "
                "be of a higher grade than %(prior)d."
            )
            % {
                "prior": prior.grade,
                "prior_name": Grade(prior.grade).label,
                "case": prior.case.number,
                "final": format_date(prior.final_at, "long"),
                "offence": format_date(case.offence_date, "long"),
            },
            code="recidivism",
            fields={"grade": [_("At least grade %(minimum)d.") % {"minimum": minimum}]},
        )
    return grade, suspension_months
