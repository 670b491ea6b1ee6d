"""What a board may decide (DIS-5, DIS-9): acquittal, or a sanction of art. 35 with its
parameters, never lower than recidivism allows. Checked on every vote and again when the chair
drafts the ruling, so a refused decision always comes with its reason."""

from django.utils.translation import gettext as _

from core.dates import format_date
from core.exceptions import ValidationFailed
from discipline import selectors
from discipline.models import (
    GRADE_NAMES,
    SUSPENSION_MAX_MONTHS,
    SUSPENSION_MIN_MONTHS,
    Case,
    Outcome,
)


def _int_or_none(value, field):
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationFailed(fields={field: [_("A whole number.")]}) from None


def check_decision(
    case: Case, outcome: str, grade, suspension_months
) -> tuple[int | None, int | None]:
    grade = _int_or_none(grade, "grade")
    suspension_months = _int_or_none(suspension_months, "suspension_months")
    if outcome == Outcome.ACQUITTAL:
        if grade is not None or suspension_months is not None:
            raise ValidationFailed(
                _("An acquittal carries no sanction."),
                fields={"grade": [_("Leave empty for an acquittal.")]},
            )
        return None, None
    if outcome != Outcome.SANCTION:
        raise ValidationFailed(fields={"outcome": [_("Acquittal or sanction.")]})
    if grade is None or not 1 <= grade <= 6:
        raise ValidationFailed(
            _("A sanction is one of the six grades of art. 35."),
            fields={"grade": [_("A grade from 1 to 6.")]},
        )
    if grade == 5:
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
    if grade in (5, 6) and case.accused_role != Case.AccusedRole.MANAGER:
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
                "prior_name": GRADE_NAMES[prior.grade],
                "case": prior.case.number,
                "final": format_date(prior.final_at, "long"),
                "offence": format_date(case.offence_date, "long"),
            },
            code="recidivism",
            fields={"grade": [_("At least grade %(minimum)d.") % {"minimum": minimum}]},
        )
    return grade, suspension_months
