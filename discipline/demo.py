"""Demo data for `make run` (development only). Idempotent: a second run adds nothing.

A first-instance board in Tehran — the demo board member as chair judge, a second judge and an
Association representative who is not on the Association's board — and one case against the
manager of the staffed demo office, with a hearing scheduled, waiting for the board.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from discipline import services
from discipline.models import Board, Case, Seat, Tier

MEMBER_ID = "0010000135"  # core.demo: the disciplinary board member
HEAD_ID = "0010000100"  # the centre head
GD_ID = "0010000089"  # licensing staff
MANAGER_ID = "0010000038"  # the demo office's manager
EXTRA = [
    ("0010000151", "کامران", "نیک‌نام", "+989120000031"),
    ("0010000161", "پروین", "اکبری", "+989120000032"),
]
BOARD_NAME = "هیأت بدوی رسیدگی به تخلفات دفاتر — تهران"


def _extra_users():
    User = get_user_model()
    users = []
    for national_id, first, last, mobile in EXTRA:
        user = User.objects.filter(national_id=national_id).first()
        if user is None:
            user = User.objects.create_user(
                national_id=national_id,
                first_name=first,
                last_name=last,
                mobile=mobile,
                email=f"{national_id}@demo.daftar.local",
                password="Demo-Pass-1404",  # nosec B106 # demo accounts of `seed_demo`, never in production
            )
        users.append(user)
    return users


def seed(stdout=None) -> None:
    from offices.models import Office

    User = get_user_model()
    people = {
        u.national_id: u
        for u in User.objects.filter(national_id__in=[MEMBER_ID, HEAD_ID, GD_ID, MANAGER_ID])
    }
    office = Office.objects.filter(manager__national_id=MANAGER_ID).first()
    if len(people) < 4 or office is None or Board.objects.filter(name=BOARD_NAME).exists():
        return
    head, gd, chair = people[HEAD_ID], people[GD_ID], people[MEMBER_ID]
    with transaction.atomic():
        judge, representative = _extra_users()
        board = services.board_create(actor=head, tier=Tier.FIRST_INSTANCE, name=BOARD_NAME)
        for user in (chair, judge):
            services.seat_appoint(
                actor=head,
                board_id=board.pk,
                user=user,
                kind=Seat.Kind.JUDGE,
                confirmation="1404/1",
            )
        services.seat_appoint(
            actor=head, board_id=board.pk, user=representative, kind=Seat.Kind.ASSOCIATION
        )
        for voter in (chair, judge):
            services.chair_vote(actor=voter, board_id=board.pk, candidate=chair)
        case = services.case_open(
            actor=gd,
            source=Case.Source.GD,
            office=office,
            accused=people[MANAGER_ID],
            violations=[1, 6],
            allegation="تعرفه خدمات در محل مناسب نصب نشده و برای وجوه دریافتی رسید داده نشده است.",
            offence_date=timezone.localdate() - dt.timedelta(days=7),
            board_id=board.pk,
        )
        services.session_schedule(
            actor=chair,
            case_id=case.pk,
            scheduled_for=timezone.now() + dt.timedelta(days=3),
            place="اداره کل امور دفاتر، تالار ۲",
        )
    if stdout is not None:
        stdout.write(f"Discipline: board and case {case.number}.")
