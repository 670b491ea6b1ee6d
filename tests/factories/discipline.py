"""Factories for discipline: boards with their members and chair, cases, hearings and rulings
at any step, always through the services (so every step is logged as in real use)."""

import datetime as dt

from django.utils import timezone

from accounts.roles import Role
from discipline import services
from discipline.models import Board, Case, Outcome, Ruling, Seat, Session, Tier, Violation
from licensing import association as association_services
from licensing.models import Inspection
from notices import services as notice_services
from tests.factories.accounts import UserFactory
from tests.factories.licensing import association, centre_head, licensed_office, licensing_staff

gd = licensing_staff


def member(**kwargs):
    return UserFactory(roles=[Role.BOARD_MEMBER], **kwargs)


def association_board_member(**kwargs):
    """A sitting member of the Association's board (ASC-1)."""
    user = UserFactory(**kwargs)
    association_services.board_appoint(
        actor=centre_head(), association_id=association().pk, user=user, seat="office_manager"
    )
    return user


def board(tier=Tier.FIRST_INSTANCE, *, elect=True, name=None) -> Board:
    """A board with its full composition (DIS-2); with `elect`, the first judge is chair (DIS-3)."""
    head = centre_head()
    b = services.board_create(
        actor=head, tier=tier, name=name or f"{tier} board {Board.objects.count() + 1}"
    )
    judges = [member(), member()]
    third = member()
    for judge in judges:
        services.seat_appoint(
            actor=head, board_id=b.pk, user=judge, kind=Seat.Kind.JUDGE, confirmation="No. 1404/12"
        )
    services.seat_appoint(
        actor=head,
        board_id=b.pk,
        user=third,
        kind=Seat.Kind.ASSOCIATION if tier == Tier.FIRST_INSTANCE else Seat.Kind.GD,
    )
    b.judges, b.third = judges, third
    b.members = [*judges, third]
    if elect:
        for voter in b.members[:2]:
            services.chair_vote(actor=voter, board_id=b.pk, candidate=judges[0])
    b.refresh_from_db()
    b.judges, b.third, b.members = judges, third, [*judges, third]
    return b


def appeal_board(**kwargs) -> Board:
    return board(Tier.APPEAL, **kwargs)


def open_case(
    *,
    office=None,
    accused=None,
    first_board=None,
    source=Case.Source.GD,
    violations=(2,),
    offence_date=None,
    actor=None,
    **kwargs,
) -> Case:
    office = office or licensed_office()
    first_board = first_board or board()
    if (
        source == Case.Source.COMPLAINT
        and "complainant" not in kwargs
        and "complaint" not in kwargs
    ):
        kwargs["complainant"] = UserFactory(roles=[Role.PARTY])
        kwargs.setdefault("complainant_kind", "party")
    case = services.case_open(
        actor=actor or gd(),
        source=source,
        office=office,
        accused=accused or office.manager,
        violations=list(Violation.objects.filter(number__in=violations)),
        allegation="The manager was absent during office hours on three days.",
        offence_date=offence_date or timezone.localdate() - dt.timedelta(days=10),
        board=first_board,
        **kwargs,
    )
    case.test_board = first_board
    return case


def schedule(case: Case, b: Board, *, days=1) -> Session:
    return services.session_schedule(
        actor=b.chair,
        case_id=case.pk,
        scheduled_for=timezone.now() + dt.timedelta(days=days),
        place="Hall 3, General Directorate",
    )


def hearing_time_comes(session: Session) -> Session:
    """The clock reaches the hearing: its time is moved to a minute ago (attendance is
    recorded only from the hearing's time)."""
    Session.objects.filter(pk=session.pk).update(
        scheduled_for=timezone.now() - dt.timedelta(minutes=1)
    )
    session.refresh_from_db()
    return session


def held_session(case: Case, b: Board) -> Session:
    session = hearing_time_comes(schedule(case, b))
    return services.session_record_attendance(
        actor=b.chair, session_id=session.pk, present=[m.pk for m in b.members]
    )


def decide(
    session: Session, b: Board, *, outcome=Outcome.SANCTION, grade=3, months=None, votes=None
):
    """Every member votes (by default all for the same decision)."""
    votes = votes or [(outcome, grade, months)] * 3
    for voter, (o, g, m) in zip(b.members, votes, strict=True):
        services.session_vote(
            actor=voter,
            session_id=session.pk,
            outcome=o,
            grade=g,
            suspension_months=m,
            reasons="Proven by the inspection report.",
        )


def ruling(
    case: Case,
    b: Board | None = None,
    *,
    outcome=Outcome.SANCTION,
    grade=3,
    months=None,
    issue=True,
    mitigation_note="",
) -> Ruling:
    """A ruling of `b` (the case's current board) drafted by its chair and, with `issue`, issued."""
    b = b or case.test_board
    session = held_session(case, b)
    decide(session, b, outcome=outcome, grade=grade, months=months)
    r = services.ruling_draft(
        actor=b.chair,
        session_id=session.pk,
        text="The board finds the violation proven.",
        mitigation_note=mitigation_note,
    )
    if issue:
        r = services.ruling_issue(actor=b.chair, ruling_id=r.pk)
    r.refresh_from_db()
    return r


def serve(r: Ruling):
    """The accused opens the ruling's notice: first view = service (NOT-4)."""
    notice_services.view_notice(actor=r.case.accused, notice_id=r.notice_id)
    r.refresh_from_db()
    return r


def forwarded_complaint(office, complainant=None):
    complainant = complainant or UserFactory(roles=[Role.LAWYER])
    association(office.province.code)
    complaint = association_services.complaint_file(
        actor=complainant,
        office_id=office.pk,
        subject="Overcharging",
        body="Charged twice the fee.",
    )
    return association_services.complaint_forward(
        actor=association_board_member(), complaint_id=complaint.pk, findings="Credible."
    )


def inspection_report(office):
    return Inspection.objects.create(
        association=association(office.province.code),
        office=office,
        kind=Inspection.Kind.AD_HOC,
        inspector=UserFactory(roles=[Role.ASSOCIATION_INSPECTOR]),
        scheduled_for=timezone.localdate() - dt.timedelta(days=5),
        planned_by=licensing_staff(),
        status=Inspection.Status.REPORTED,
        findings="No receipts given.",
        reasoning="Three clients confirmed.",
        manager_cooperated=True,
        recommends_discipline=True,
        reported_at=timezone.now(),
    )
