"""The qualification evaluator of articles 16 to 21 (OFF-3, OFF-4, OFF-5).

One function, `evaluate(person, role)`, returns every requirement the person does not meet
for a post, each with its article, so staff screens, the staff appointment service and the
licensing app give the same answer. An empty list means qualified.

    unmet = evaluate(profile, StaffRole.MANAGER)
    [Unmet(requirement="prohibited.practising_lawyer", article="21(1)", message="...")]

Where the regulation leaves room, this is what is checked (and why):

* Art. 16: each general qualification is a verified, unexpired attestation with a document
  (the military-service one for men only). Items 2 and 3 of art. 16 (declarations of belief)
  are not kept as records.
* Art. 17-20: degree level and field from the degree records; a seminary level 2 counts as a
  bachelor's, level 3 as a master's and level 4 as a doctorate (their official equivalence);
  for the manager and the legal expert the seminary route is explicit in the regulation.
  Age in whole years on the date of evaluation. The manager's five years are the union of
  periods marked "related" (overlaps counted once). Computer skills: a certification by the
  General Directorate for that post.
* Art. 21: a bar licence number on the account, or the declarations on the profile.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from offices.models import Attestation, Degree, StaffProfile, StaffRole


@dataclass(frozen=True)
class Unmet:
    requirement: str
    article: str
    message: str

    def as_dict(self) -> dict:
        return {"requirement": self.requirement, "article": self.article, "message": self.message}

    def __str__(self):
        return _("Article %(article)s: %(message)s") % {
            "article": self.article,
            "message": self.message,
        }


MIN_AGE = 25
MANAGER_EXPERIENCE_YEARS = 5

_RANK = {
    Degree.Level.DIPLOMA: 0,
    Degree.Level.SEMINARY_1: 0,
    Degree.Level.ASSOCIATE: 1,
    Degree.Level.BACHELOR: 2,
    Degree.Level.SEMINARY_2: 2,
    Degree.Level.MASTER: 3,
    Degree.Level.SEMINARY_3: 3,
    Degree.Level.DOCTORATE: 4,
    Degree.Level.SEMINARY_4: 4,
}
_SEMINARY = {Degree.Level.SEMINARY_2, Degree.Level.SEMINARY_3, Degree.Level.SEMINARY_4}
_LEGAL_FIELDS = {Degree.Field.LAW, Degree.Field.FIQH, Degree.Field.JUDICIAL_SCIENCES}
_IT_FIELDS = {Degree.Field.COMPUTING, Degree.Field.IT}

# Article of each post's specific conditions, and the item numbers within it.
_ARTICLE = {
    StaffRole.MANAGER: ("17", {"degree": 1, "age": 2, "experience": 3, "computer_skills": 4}),
    StaffRole.LEGAL_EXPERT: ("18", {"degree": 1, "age": 2, "computer_skills": 3}),
    StaffRole.IT_EXPERT: ("19", {"degree": 1, "age": 2, "computer_skills": 3}),
    StaffRole.CLERK: ("20", {"degree": 1, "age": 2, "computer_skills": 3}),
}


def _article(role, item) -> str:
    number, items = _ARTICLE[StaffRole(role)]
    return f"{number}({items[item]})"


def age_on(birth_date: date, on: date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def related_experience_days(person: StaffProfile, on: date) -> int:
    """Days of related work up to `on`, overlapping periods counted once."""
    periods = sorted(
        (e.started_on, min(e.ended_on or on, on))
        for e in person.experience.all()
        if e.related and e.started_on <= on
    )
    total, current_start, current_end = 0, None, None
    for start, end in periods:
        if current_end is None or start > current_end:
            if current_end is not None:
                total += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += (current_end - current_start).days
    return total


def approved_service_days(person: StaffProfile, on: date | None = None) -> int:
    """Approved service records, which give priority among applicants (art. 17, note)."""
    on = on or timezone.localdate()
    return sum(
        (min(e.ended_on or on, on) - e.started_on).days
        for e in person.experience.all()
        if e.approved and e.started_on <= on
    )


def _degree_ok(person, role) -> bool:
    for degree in person.degrees.all():
        rank = _RANK.get(degree.level, 0)
        if role in (StaffRole.MANAGER, StaffRole.LEGAL_EXPERT):
            if degree.level in _SEMINARY or (rank >= 2 and degree.field in _LEGAL_FIELDS):
                return True
        elif role == StaffRole.IT_EXPERT:
            if rank >= 1 and degree.field in _IT_FIELDS and degree.level not in _SEMINARY:
                return True
        elif rank >= 1:
            return True
    return False


_DEGREE_MESSAGES = {
    StaffRole.MANAGER: lambda: _(
        "A bachelor's degree or higher in law, fiqh or judicial sciences, "
        "or seminary level 2 or higher, is required."
    ),
    StaffRole.LEGAL_EXPERT: lambda: _(
        "A bachelor's degree or higher in law, fiqh or judicial sciences, "
        "or seminary level 2 or higher, is required."
    ),
    StaffRole.IT_EXPERT: lambda: _(
        "An associate degree or higher in computing or information technology is required."
    ),
    StaffRole.CLERK: lambda: _("An associate degree or higher is required."),
}

_ATTESTATION_ARTICLE = {
    Attestation.Kind.NATIONALITY: "16(1)",
    Attestation.Kind.NO_ADDICTION: "16(4)",
    Attestation.Kind.NO_CRIMINAL_RECORD: "16(5)",
    Attestation.Kind.MILITARY_SERVICE: "16(6)",
    Attestation.Kind.FITNESS: "16(7)",
}


def _general(person: StaffProfile, on: date) -> list[Unmet]:
    unmet = []
    if (person.user.nationality or "").upper() != "IR":
        unmet.append(Unmet("general.nationality", "16(1)", _("Iranian nationality is required.")))
    valid = {
        a.kind
        for a in person.attestations.all()
        if a.verified_at is not None
        and a.document
        and (a.valid_until is None or a.valid_until >= on)
    }
    for kind, article in _ATTESTATION_ARTICLE.items():
        if kind == Attestation.Kind.MILITARY_SERVICE and person.sex != StaffProfile.Sex.MALE:
            continue
        if kind not in valid:
            unmet.append(
                Unmet(
                    f"general.{kind}",
                    article,
                    _("A verified, unexpired attestation is missing: %(kind)s.")
                    % {"kind": Attestation.Kind(kind).label},
                )
            )
    return unmet


def _prohibitions(person: StaffProfile) -> list[Unmet]:
    unmet = []
    if person.practising_lawyer or person.user.bar_licence_number:
        unmet.append(
            Unmet(
                "prohibited.practising_lawyer",
                "21(1)",
                _("Practising lawyers may not hold an office licence or work in an office."),
            )
        )
    if person.legal_adviser:
        unmet.append(
            Unmet(
                "prohibited.legal_adviser",
                "21(1)",
                _(
                    "Legal advisers (art. 187 of the Third Development Plan) may not hold a "
                    "licence or work in an office."
                ),
            )
        )
    if person.official_expert:
        unmet.append(
            Unmet(
                "prohibited.official_expert",
                "21(1)",
                _("Official court experts may not hold a licence or work in an office."),
            )
        )
    if person.dismissed_judge_or_notary:
        unmet.append(
            Unmet(
                "prohibited.dismissed_judge_or_notary",
                "21(2)",
                _(
                    "Judges and notaries permanently dismissed by a final ruling may not hold "
                    "a licence or work in an office."
                ),
            )
        )
    if person.merchant:
        unmet.append(
            Unmet(
                "prohibited.merchant",
                "21(3)",
                _("Merchants may not hold a licence or work in an office."),
            )
        )
    if person.government_employee:
        unmet.append(
            Unmet(
                "prohibited.government_employee",
                "21(4)",
                _(
                    "Government and public-body employees may not hold a licence or work in "
                    "an office."
                ),
            )
        )
    return unmet


def evaluate(person: StaffProfile, role: str, *, on: date | None = None) -> list[Unmet]:
    """Every requirement of articles 16-21 that `person` does not meet for `role`."""
    role = StaffRole(role)
    on = on or timezone.localdate()
    unmet = _general(person, on)

    if not _degree_ok(person, role):
        unmet.append(Unmet("specific.degree", _article(role, "degree"), _DEGREE_MESSAGES[role]()))

    birth_date = person.user.birth_date
    if birth_date is None:
        unmet.append(
            Unmet("specific.age", _article(role, "age"), _("The birth date is not recorded."))
        )
    elif age_on(birth_date, on) < MIN_AGE:
        unmet.append(
            Unmet(
                "specific.age",
                _article(role, "age"),
                _("The minimum age is %(age)d years.") % {"age": MIN_AGE},
            )
        )

    if role == StaffRole.MANAGER:
        needed = timedelta(days=round(MANAGER_EXPERIENCE_YEARS * 365.25)).days
        if related_experience_days(person, on) < needed:
            unmet.append(
                Unmet(
                    "specific.experience",
                    _article(role, "experience"),
                    _("At least %(years)d years of related work experience are required.")
                    % {"years": MANAGER_EXPERIENCE_YEARS},
                )
            )

    if not any(c.role == role and c.certified_on <= on for c in person.computer_skills.all()):
        unmet.append(
            Unmet(
                "specific.computer_skills",
                _article(role, "computer_skills"),
                _(
                    "Basic computer skills certified by the General Directorate for this post "
                    "are required."
                ),
            )
        )

    unmet.extend(_prohibitions(person))
    return unmet


def prefetch(queryset):
    """What `evaluate` reads, for a list of profiles in a constant number of queries."""
    return queryset.select_related("user").prefetch_related(
        "degrees", "experience", "attestations", "computer_skills"
    )
