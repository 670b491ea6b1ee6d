"""Demo data for `make run` (development only). Idempotent: a second run adds nothing.

A first-instance board in Tehran — the demo board member as chair judge, a second judge and an
Association representative who is not on the Association's board — and one case against the
manager of the staffed demo office, with a hearing scheduled ten minutes after seeding, waiting
for the board. Every member of both boards signs in with the demo password.

An appeal board — two judges and a General Directorate representative — and a second case
against the same manager that went the whole way to a published reprimand (art. 35-4, DIS-8):
the first-instance board heard it and ruled a written reprimand (grade 3), the centre head
objected (DIS-7), and the appeal board heard it again and ruled a reprimand published on the
centre's website (grade 4). A ruling on appeal is final on issue (DIS-8), so no window has to
pass: the services make it final and enforce it, and it appears on `/reprimands/`. Every step
goes through the services, so the case's history and the accused's notices are real.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.demo import demo_user
from accounts.roles import Role
from discipline import selectors, services
from discipline.models import Board, Case, Grade, Outcome, Ruling, Seat, Session, Tier, Violation
from offices.models import Office

MEMBER_ID = "0010000135"  # core.demo: the disciplinary board member
HEAD_ID = "0010000100"  # the centre head
GD_ID = "0010000089"  # licensing staff
MANAGER_ID = "0010000038"  # the demo office's manager
# Board members who are not demo sign-ins of core.demo (whose national IDs end at 0010000151,
# the superuser): the first-instance board's second judge and Association representative,
# then the appeal board's two judges and General Directorate representative.
EXTRA = [
    ("0010000267", "کامران", "نیک‌نام", "+989120000031"),
    ("0010000161", "پروین", "اکبری", "+989120000032"),
]
APPEAL_EXTRA = [
    ("0010000186", "منصور", "فرهمند", "+989120000033"),
    ("0010000194", "شهلا", "امینی", "+989120000034"),
    ("0010000208", "بهرام", "صالحی", "+989120000035"),
]
BOARD_NAME = "هیأت بدوی رسیدگی به تخلفات دفاتر — تهران"
APPEAL_BOARD_NAME = "هیأت تجدیدنظر رسیدگی به تخلفات دفاتر"


def _extra_users(rows=EXTRA):
    """The other members of the demo boards, each a sign-in like the demo users of
    `accounts.demo` (same password, active, verified mobile, the board member's role), so
    every member can record attendance and vote in the browser."""
    role = Group.objects.get(name=Role.BOARD_MEMBER.value)
    users = []
    for national_id, first, last, mobile in rows:
        user = demo_user(national_id, first, last, mobile)
        user.groups.add(role)
        users.append(user)
    return users


def _board(head, tier, name, *, judges, third, confirmation):
    """A board of two judges and a third member (`(user, seat kind)`); the two judges, a
    majority of the three, elect the first of them chair."""
    board = services.board_create(actor=head, tier=tier, name=name)
    for user in judges:
        services.seat_appoint(
            actor=head,
            board_id=board.pk,
            user=user,
            kind=Seat.Kind.JUDGE,
            confirmation=confirmation,
        )
    member, kind = third
    services.seat_appoint(actor=head, board_id=board.pk, user=member, kind=kind)
    for voter in judges:
        services.chair_vote(actor=voter, board_id=board.pk, candidate=judges[0])
    return board


def _board_and_pending_case(*, head, gd, chair, manager, office) -> Case:
    """The first-instance board, and a case before it with a hearing scheduled."""
    with transaction.atomic():
        judge, representative = _extra_users()
        board = _board(
            head,
            Tier.FIRST_INSTANCE,
            BOARD_NAME,
            judges=(chair, judge),
            third=(representative, Seat.Kind.ASSOCIATION),
            confirmation="1404/1",
        )
        case = services.case_open(
            actor=gd,
            source=Case.Source.GD,
            office=office,
            accused=manager,
            violations=list(Violation.objects.filter(number__in=[1, 6])),
            allegation="تعرفه خدمات در محل مناسب نصب نشده و برای وجوه دریافتی رسید داده نشده است.",
            offence_date=timezone.localdate() - dt.timedelta(days=7),
            board=board,
        )
        services.session_schedule(
            actor=chair,
            case_id=case.pk,
            # Soon after seeding, so that the board can hold it in the browser (attendance is
            # recorded only from the hearing's time).
            scheduled_for=timezone.now() + dt.timedelta(minutes=10),
            place="اداره کل امور دفاتر، تالار ۲",
        )
    return case


def _hear(*, board, case, place, grade, reasons, text) -> Ruling:
    """One hearing of the case before `board`: scheduled by its chair (the accused is
    summoned), held with every member present, each member's vote, the chair's ruling of the
    majority, issued to the accused as a notice of the board."""
    board.refresh_from_db()
    chair = board.chair
    members = [seat.user for seat in selectors.current_seats(board)]
    session = services.session_schedule(
        actor=chair,
        case_id=case.pk,
        # A hearing is scheduled in the future; the demo holds it at once: its time comes.
        scheduled_for=timezone.now() + dt.timedelta(minutes=1),
        place=place,
    )
    Session.objects.filter(pk=session.pk).update(scheduled_for=timezone.now())
    services.session_record_attendance(
        actor=chair, session_id=session.pk, present=[m.pk for m in members]
    )
    for member in members:
        services.session_vote(
            actor=member,
            session_id=session.pk,
            outcome=Outcome.SANCTION,
            grade=grade,
            reasons=reasons,
        )
    ruling = services.ruling_draft(actor=chair, session_id=session.pk, text=text)
    return services.ruling_issue(actor=chair, ruling_id=ruling.pk)


def _published_reprimand(*, head, gd, manager, office, board) -> Ruling:
    """A case from its opening to a reprimand published on the centre's website (DIS-8)."""
    judges = _extra_users(APPEAL_EXTRA)
    appeal_board = _board(
        head,
        Tier.APPEAL,
        APPEAL_BOARD_NAME,
        judges=judges[:2],
        third=(judges[2], Seat.Kind.GD),
        confirmation="1404/2",
    )
    case = services.case_open(
        actor=gd,
        source=Case.Source.GD,
        office=office,
        accused=manager,
        violations=list(Violation.objects.filter(number=12)),
        allegation="برای ثبت دو دادخواست، دو برابر تعرفه مصوب از مراجعان دریافت شده است.",
        offence_date=timezone.localdate() - dt.timedelta(days=45),
        board=board,
    )
    _hear(
        board=board,
        case=case,
        place="اداره کل امور دفاتر، تالار ۲",
        grade=Grade.RECORDED_REPRIMAND,
        reasons="دریافت وجه بیش از تعرفه با رسیدهای مراجعان ثابت است.",
        text="تخلف بند ۱۲ ماده ۳۷ محرز است؛ توبیخ کتبی با درج در پرونده.",
    )
    services.ruling_object(
        actor=head,
        case_id=case.pk,
        grounds="دریافت وجه مازاد در دو مورد تکرار شده و توبیخ کتبی متناسب با تخلف نیست.",
    )
    services.case_assign_appeal_board(actor=gd, case_id=case.pk, board=appeal_board)
    case.refresh_from_db()
    return _hear(
        board=appeal_board,
        case=case,
        place="مرکز امور دفاتر، تالار هیأت تجدیدنظر",
        grade=Grade.PUBLISHED_REPRIMAND,
        reasons="تخلف تکرار شده است؛ توبیخ با درج در تارنمای مرکز متناسب است.",
        text="اعتراض رئیس مرکز وارد است؛ تخلف بند ۱۲ ماده ۳۷ محرز است و توبیخ با درج در "
        "تارنمای مرکز تعیین می‌شود. این رأی قطعی است.",
    )


def seed(stdout=None) -> None:
    User = get_user_model()
    people = {
        u.national_id: u
        for u in User.objects.filter(national_id__in=[MEMBER_ID, HEAD_ID, GD_ID, MANAGER_ID])
    }
    office = Office.objects.filter(manager__national_id=MANAGER_ID).first()
    if len(people) < 4 or office is None:
        return
    head, gd, chair = people[HEAD_ID], people[GD_ID], people[MEMBER_ID]
    if not Board.objects.filter(name=BOARD_NAME).exists():
        case = _board_and_pending_case(
            head=head, gd=gd, chair=chair, manager=people[MANAGER_ID], office=office
        )
        if stdout is not None:
            stdout.write(f"Discipline: board and case {case.number}.")
    if not Board.objects.filter(name=APPEAL_BOARD_NAME).exists():
        with transaction.atomic():
            ruling = _published_reprimand(
                head=head,
                gd=gd,
                manager=people[MANAGER_ID],
                office=office,
                board=Board.objects.get(name=BOARD_NAME),
            )
        if stdout is not None:
            stdout.write(
                f"Discipline: appeal board and case {ruling.case.number}, its reprimand published."
            )


def user_table() -> str:
    lines = [f"{'other board members':<24} {'national ID':<12} name"]
    for national_id, first, last, _mobile in [*EXTRA, *APPEAL_EXTRA]:
        lines.append(f"{'board_member':<24} {national_id:<12} {first} {last}")
    return "\n".join(lines)
