"""Cases and their participants (CAS-2), and the court clerk's management of a case."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import LegalPerson, User
from core.exceptions import Forbidden, NotFound, ValidationFailed
from core.records import as_pk, locked, save_as
from courts import access, selectors
from courts.models import Case, Participant, Role, case_number_validator
from courts.services.passwords import give_case_password


@dataclass
class Joining:
    """A person joining a case: an account, a legal person, or only a name. `represents` is
    the index (in the same list) of the party a lawyer acts for."""

    role: str
    name: str
    national_id: str = ""
    user: User | None = None
    legal_person: LegalPerson | None = None
    represents: int | None = None


def clerk_case(*, actor, case_id) -> Case:
    """The case locked for a change by a clerk of its branch; 404 for anyone who cannot see
    it, 403 for a participant."""
    case = locked(selectors.cases_visible_to(actor), as_pk(case_id))
    if not access.is_clerk_of(case, actor):
        raise Forbidden()
    return case


def _same_person(row: Participant, joining: Joining) -> bool:
    if joining.user is not None:
        return row.user_id == joining.user.pk and row.role == joining.role
    if joining.legal_person is not None:
        return row.legal_person_id == joining.legal_person.pk and row.role == joining.role
    return False


def add_participants(case: Case, people: list[Joining], *, actor) -> list[Participant]:
    """Add `people` to the case (a person already there in the same role is not added twice);
    each new participant with an account receives a case password (CAS-7)."""
    existing = list(case.participants.filter(left_at__isnull=True))
    next_row = (case.participants.aggregate(m=Max("sub_row"))["m"] or 0) + 1
    rows: list[Participant | None] = []
    added = []
    for person in people:
        found = next((r for r in existing if _same_person(r, person)), None)
        if found is not None:
            rows.append(found)
            continue
        row = Participant(
            case=case,
            sub_row=next_row,
            role=person.role,
            user=person.user,
            legal_person=person.legal_person,
            name=person.name[:255],
            national_id=person.national_id,
        )
        next_row += 1
        save_as(row, actor=actor, reason="joined the case")
        rows.append(row)
        added.append(row)
        existing.append(row)
    for person, row in zip(people, rows, strict=True):
        if person.represents is not None and row in added and rows[person.represents] is not None:
            row.represents = rows[person.represents]
            save_as(row, actor=actor, reason="lawyer of a party", update_fields=["represents"])
    for row in added:
        if row.user_id or row.legal_person_id:
            give_case_password(row)
    return added


def case_open_or_join(
    *,
    actor,
    number: str,
    branch,
    people: list[Joining],
    court_type: str = "",
    application_type=None,
    category=None,
    subject: str = "",
) -> Case:
    """A court accepted a filing (CAS-2): the case `number` is opened with its participants,
    or — already registered — the filing's people join it. Called inside the acceptance's
    transaction by the filings app."""
    case_number_validator(number)
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(number=number).first()
        if case is None:
            case = Case(
                number=number,
                branch=branch,
                court_type=court_type,
                application_type=application_type,
                category=category,
                subject=subject[:255],
            )
            save_as(case, actor=actor, reason="opened on the acceptance of a filing")
        add_participants(case, people, actor=actor)
    return case


# --- The clerk's management of a case -----------------------------------------------------------
def participant_add(
    *, actor, case_id, role: str, name: str, national_id: str = "", represents: int | None = None
) -> Participant:
    if role not in Role.values:
        raise ValidationFailed(fields={"role": [_("Unknown role.")]})
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        user = User.objects.filter(national_id=national_id).first() if national_id else None
        legal = (
            LegalPerson.objects.filter(legal_id=national_id).first()
            if national_id and user is None
            else None
        )
        people = [
            Joining(role=role, name=name, national_id=national_id, user=user, legal_person=legal)
        ]
        added = add_participants(case, people, actor=actor)
        if represents and added:
            party = case.participants.filter(sub_row=represents, left_at__isnull=True).first()
            if party is None:
                raise ValidationFailed(fields={"represents": [_("No such participant.")]})
            added[0].represents = party
            save_as(added[0], actor=actor, reason="lawyer of a party")
    if not added:
        raise ValidationFailed(fields={"national_id": [_("Already a participant.")]})
    return added[0]


def participant_remove(*, actor, case_id, sub_row: int) -> Case:
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        row = case.participants.filter(sub_row=sub_row, left_at__isnull=True).first()
        if row is None:
            raise NotFound()
        row.left_at = timezone.now()
        save_as(row, actor=actor, reason="left the case")
    return case


def case_update(
    *,
    actor,
    case_id,
    judge: str | None = None,
    status: str | None = None,
    result: str | None = None,
) -> Case:
    """The clerk records the judge, the status or the result (CAS-2)."""
    with transaction.atomic():
        case = clerk_case(actor=actor, case_id=case_id)
        if status is not None:
            if status not in Case.Status.values:
                raise ValidationFailed(fields={"status": [_("Unknown status.")]})
            case.status = status
        if judge is not None:
            case.judge = judge.strip()[:255]
        if result is not None:
            case.result = result.strip()
        save_as(case, actor=actor, reason="updated by the court clerk")
    return case
