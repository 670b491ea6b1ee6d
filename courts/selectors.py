"""Every read of courts and cases, filtered by who is asking (CAS-1, CAS-3, CAS-4, CAS-6).

A case is seen by its participants (themselves, through a legal person they act for, or as
lawyer: a lawyer is a participant of their client's case) and by the clerks of its branch.
Anything else answers NotFound, exactly like a missing case.
"""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core.exceptions import NotFound
from core.records import as_pk
from courts import access
from courts.models import (
    ApplicationType,
    Case,
    Category,
    CourtAct,
    CourtBranch,
    Enforcement,
    Hearing,
    Participant,
    PeriodNotice,
)


# --- Reference data (CAS-1) ---------------------------------------------------------------------
def court_branches(*, q: str = "", city: str = "", court_type: str = "", country: str = ""):
    """The court picker: branches by name, city, court type and country."""
    qs = CourtBranch.objects.select_related("court", "branch")
    if q:
        qs = qs.filter(
            Q(court__name__icontains=q)
            | Q(court__name_en__icontains=q)
            | Q(branch__name__icontains=q)
            | Q(branch__code__iexact=q)
        )
    if city:
        qs = qs.filter(court__city__icontains=city)
    if court_type:
        qs = qs.filter(court__court_type=court_type)
    if country:
        qs = qs.filter(court__country=country)
    return qs.order_by("court__country", "court__province", "court__city", "court__name", "number")


def application_types(court_type: str = "") -> list[ApplicationType]:
    rows = list(ApplicationType.objects.all())
    return [a for a in rows if not court_type or a.taken_by(court_type)]


def categories(court_type: str = "") -> QuerySet[Category]:
    qs = Category.objects.select_related("parent")
    return qs.filter(court_type=court_type) if court_type else qs


# --- Cases (CAS-3) ----------------------------------------------------------------------------
def participation_filter(user) -> Q:
    """The participant rows that are `user`'s: their own, or a legal person's they act for."""
    q = Q(user_id=user.pk)
    legal = access.legal_ids(user)
    if legal:
        q |= Q(legal_person_id__in=legal)
    return q & Q(left_at__isnull=True)


def cases_visible_to(user) -> QuerySet[Case]:
    if not access.may_open_cabinet(user):
        return Case.objects.none()
    mine = Participant.objects.filter(participation_filter(user), case_id=OuterRef("pk"))
    q = Q(Exists(mine))
    branches = access.clerk_branch_ids(user)
    if branches:
        q |= Q(branch_id__in=branches)
    return Case.objects.filter(q)


def my_cases(*, actor, filters: dict | None = None) -> QuerySet[Case]:
    """CAS-3: the cases `actor` takes part in, newest first, with search and filters: court
    (branch code or court), number, status, type, participant's name, opened from/until."""
    if not access.may_open_cabinet(actor):
        return Case.objects.none()
    f = filters or {}
    mine = Participant.objects.filter(participation_filter(actor), case_id=OuterRef("pk"))
    qs = Case.objects.filter(Exists(mine)).select_related(
        "branch", "branch__court_branch__court", "category"
    )
    if f.get("number"):
        qs = qs.filter(number__startswith=str(f["number"]).strip())
    if f.get("status"):
        qs = qs.filter(status=f["status"])
    if f.get("type"):
        qs = qs.filter(court_type=f["type"])
    if f.get("court"):
        court = str(f["court"]).strip()
        qs = qs.filter(
            Q(branch__code__iexact=court)
            | Q(branch__name__icontains=court)
            | Q(branch__court_branch__court__name__icontains=court)
        )
    if f.get("participant"):
        named = Participant.objects.filter(
            case_id=OuterRef("pk"), name__icontains=str(f["participant"]).strip()
        )
        qs = qs.filter(Exists(named))
    if f.get("opened_from"):
        qs = qs.filter(opened_at__date__gte=f["opened_from"])
    if f.get("opened_until"):
        qs = qs.filter(opened_at__date__lte=f["opened_until"])
    if f.get("as") in {"self", "legal", "lawyer"}:
        role_q = {
            "self": Q(user_id=actor.pk) & ~Q(role="lawyer"),
            "legal": Q(legal_person_id__in=access.legal_ids(actor) or [0]),
            "lawyer": Q(user_id=actor.pk, role="lawyer"),
        }[f["as"]]
        qs = qs.filter(
            Exists(Participant.objects.filter(role_q, case_id=OuterRef("pk"), left_at__isnull=True))
        )
    return qs.order_by("-opened_at", "-id")


def roles_in(cases, user) -> dict[int, list[Participant]]:
    """The participant rows of `user` (own or a legal person's) in each case: one query."""
    rows = Participant.objects.filter(
        participation_filter(user), case_id__in=[c.pk for c in cases]
    ).order_by("sub_row")
    out: dict[int, list[Participant]] = {}
    for row in rows:
        out.setdefault(row.case_id, []).append(row)
    return out


def get_case(*, actor, case_id) -> Case:
    case = (
        cases_visible_to(actor)
        .select_related("branch", "branch__court_branch__court", "category", "application_type")
        .filter(pk=as_pk(case_id))
        .first()
    )
    if case is None:
        raise NotFound()
    return case


def case_by_number(number: str) -> Case | None:
    return Case.objects.filter(number=str(number or "").strip()).first()


# --- The case page (CAS-4) --------------------------------------------------------------------
def participants(case) -> list[Participant]:
    return list(case.participants.filter(left_at__isnull=True).select_related("represents"))


def acts(case) -> list[CourtAct]:
    return list(case.acts.all())


def hearings(case) -> list[Hearing]:
    return list(case.hearings.all())


def enforcements(case) -> list[Enforcement]:
    return list(case.enforcements.select_related("judgment"))


def periods_of(case) -> list[PeriodNotice]:
    return list(case.periods.select_related("notice"))


def get_act(*, actor, act_id) -> CourtAct:
    act = (
        CourtAct.objects.filter(case__in=cases_visible_to(actor), pk=as_pk(act_id))
        .select_related("case")
        .first()
    )
    if act is None:
        raise NotFound()
    return act


def act_by_code(code: str) -> CourtAct | None:
    return (
        CourtAct.objects.filter(verification_code=str(code or "").strip().upper())
        .select_related("case", "case__branch", "case__branch__court_branch__court")
        .first()
    )


# --- Hearings (CAS-6) -------------------------------------------------------------------------
def my_hearings(
    *,
    actor,
    court: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    status: str = "",
) -> QuerySet[Hearing]:
    if not access.may_open_cabinet(actor):
        return Hearing.objects.none()
    mine = Participant.objects.filter(participation_filter(actor), case_id=OuterRef("case_id"))
    qs = Hearing.objects.filter(Exists(mine)).select_related(
        "case", "case__branch", "case__branch__court_branch__court"
    )
    if court:
        qs = qs.filter(Q(case__branch__code__iexact=court) | Q(case__branch__name__icontains=court))
    if since:
        qs = qs.filter(starts_at__gte=since)
    if until:
        qs = qs.filter(starts_at__lt=until)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("starts_at", "id")


def next_hearing(case) -> Hearing | None:
    return (
        case.hearings.filter(status=Hearing.Status.SCHEDULED, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
