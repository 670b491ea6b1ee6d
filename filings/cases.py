"""A filing accepted by the court opens its case or joins it (CAS-2, FIL-10).

The people of the filing become the case's participants: each party in the role it has in
the case, the presenting lawyer as the lawyer of the filer's side, and the filer (if none
of the parties is them).
"""

from django.urls import reverse

from accounts.models import LegalPerson, User
from courts import selectors as court_selectors
from courts import services as court_services
from courts import timeline
from courts.models import Role
from filings import selectors
from filings.models import CaseMode, Filing, Kind, Party, PartyRole

PARTY_ROLE = {
    PartyRole.PLAINTIFF: Role.CLAIMANT,
    PartyRole.CREDITOR: Role.CLAIMANT,
    PartyRole.DEFENDANT: Role.DEFENDANT,
    PartyRole.DEBTOR: Role.DEFENDANT,
    PartyRole.COMPLAINANT: Role.COMPLAINANT,
    PartyRole.ACCUSED: Role.ACCUSED,
    PartyRole.LAWYER: Role.LAWYER,
}
CLAIMANT_SIDE = {Role.CLAIMANT, Role.COMPLAINANT}


def _filer_role(filing: Filing) -> str:
    if filing.kind == Kind.CRIMINAL_COMPLAINT:
        return Role.COMPLAINANT
    if filing.kind == Kind.DEFENCE_BRIEF:
        return Role.DEFENDANT
    if filing.kind == Kind.OFFICIAL_REPORT:
        return Role.EXPERT
    return Role.CLAIMANT


def _name(user: User) -> str:
    return user.get_full_name() or user.national_id


def people_of(filing: Filing) -> list[court_services.Joining]:
    people: list[court_services.Joining] = []
    filer_index = None
    for party in filing.parties.all():
        role = PARTY_ROLE.get(party.role, Role.THIRD_PARTY)
        user = legal = None
        if party.person_kind == Party.PersonKind.MYSELF:
            user = filing.filer
        elif party.person_kind == Party.PersonKind.LEGAL and party.legal_id:
            legal = LegalPerson.objects.filter(legal_id=party.legal_id).first()
        elif party.national_id:
            user = User.objects.filter(national_id=party.national_id).first()
        name = party.name or f"{party.first_name} {party.last_name}".strip()
        if user is not None and not name:
            name = _name(user)
        if user is not None and user.pk == filing.filer_id and filer_index is None:
            filer_index = len(people)
        people.append(
            court_services.Joining(
                role=role,
                name=name or party.national_id or party.legal_id,
                national_id=party.national_id or party.legal_id,
                user=user,
                legal_person=legal,
            )
        )
    lawyer = filing.presenter_lawyer if filing.presenter_kind == "lawyer" else None
    if filer_index is None and (lawyer is None or lawyer.pk != filing.filer_id):
        filer_index = len(people)
        people.append(
            court_services.Joining(
                role=_filer_role(filing),
                name=_name(filing.filer),
                national_id=filing.filer.national_id,
                user=filing.filer,
            )
        )
    if lawyer is not None:
        client = filer_index
        if client is None:
            client = next((i for i, p in enumerate(people) if p.role in CLAIMANT_SIDE), None)
        people.append(
            court_services.Joining(
                role=Role.LAWYER,
                name=_name(lawyer),
                national_id=lawyer.national_id,
                user=lawyer,
                represents=client,
            )
        )
    return people


def open_or_join_case(filing: Filing, *, actor):
    """Called by the acceptance, in its transaction: the case of `filing.case_number`. A
    filing that starts a case opens it; one into an existing case joins it when the court
    keeps that case here (an older case outside the register stays outside it)."""
    if (
        filing.case_mode != CaseMode.NEW
        and court_selectors.case_by_number(filing.case_number) is None
    ):
        return None
    court_branch = getattr(filing.court, "court_branch", None)
    court_type = court_branch.court.court_type if court_branch else ""
    category = filing.category
    return court_services.case_open_or_join(
        actor=actor,
        number=filing.case_number,
        branch=filing.court,
        people=people_of(filing),
        court_type=court_type,
        application_type=filing.application_type,
        category=category,
        subject=filing.subject,
    )


def timeline_entries(case, viewer) -> list:
    """The filings of `case` that `viewer` may see, for the case's timeline (CAS-4)."""
    rows = selectors.filings_visible_to(viewer).filter(case=case).order_by("-sent_at")[:100]
    return [
        timeline.Entry(
            at=f.decided_at or f.sent_at or f.created_at,
            kind="filing",
            title=f"{f.get_kind_display()}: {f.subject}",
            detail=f.tracking_code or "",
            url=reverse("filings:filing", kwargs={"pk": f.pk}),
            object_id=f.pk,
        )
        for f in rows
    ]
