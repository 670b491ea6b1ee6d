"""Courts, cases and their people for tests (CAS-*)."""

from accounts.models import LegalPerson, User
from courts import reference, services
from courts.models import ApplicationType, Case, Category, Court, CourtBranch
from courts.services import Joining
from notices.models import Branch
from tests.factories.notices import court_clerk

_counter = iter(range(1, 10**6))


def load_reference() -> None:
    reference.load(
        Court=Court,
        CourtBranch=CourtBranch,
        Branch=Branch,
        ApplicationType=ApplicationType,
        Category=Category,
    )


def branch_of(court_code: str, number: int = 1) -> Branch:
    load_reference()
    return Branch.objects.get(code=f"{court_code}-{number}")


def clerk_of(branch: Branch) -> User:
    return court_clerk(branch)


def case(
    *,
    branch: Branch,
    clerk: User,
    parties: list[tuple[str, User | LegalPerson]],
    lawyers: list[tuple[User, int]] = (),
    number: str | None = None,
) -> Case:
    """A case with `parties` ((role, person) …) and `lawyers` ((lawyer, index of the party
    they act for) …), opened as a court's acceptance opens one."""
    people = []
    for role, person in parties:
        if isinstance(person, LegalPerson):
            people.append(Joining(role=role, name=person.name, legal_person=person))
        else:
            people.append(
                Joining(role=role, name=person.get_full_name() or person.national_id, user=person)
            )
    for lawyer, client in lawyers:
        people.append(
            Joining(role="lawyer", name=lawyer.get_full_name(), user=lawyer, represents=client)
        )
    number = number or f"{1_404_000_000_000_000 + next(_counter):016d}"
    return services.case_open_or_join(
        actor=clerk,
        number=number,
        branch=branch,
        people=people,
        court_type="general",
        subject="مطالبهٔ وجه کالا",
    )
