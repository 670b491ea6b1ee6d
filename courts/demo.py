"""Demo cases for `make run` (development only). Idempotent.

The demo party and lawyer have cases at several stages in branch 1 of the Tabriz general
civil court (reference data): one under consideration with a coming hearing and a deadline,
one with a final judgment (a sealed act) and its enforcement file, one closed. Each
participant's case password is in their notices inbox. Needs the demo users (core.demo).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from courts import services
from courts.models import Case, Hearing
from courts.services import Joining
from notices.models import Branch

LAWYER = "0010000021"
PARTY = "0010000011"
CLERK = "0010000143"
BRANCH = "IR-TBZ-GEN-1"
NUMBERS = ("1404100000000001", "1404100000000002", "1404100000000003")


def _people(party, lawyer):
    return [
        Joining(role="claimant", name=party.get_full_name(), user=party),
        Joining(role="defendant", name="شرکت بازرگانی نمونه"),
        Joining(role="lawyer", name=lawyer.get_full_name(), user=lawyer, represents=0),
    ]


def seed(stdout=None) -> None:
    User = get_user_model()
    party = User.objects.filter(national_id=PARTY).first()
    lawyer = User.objects.filter(national_id=LAWYER).first()
    clerk = User.objects.filter(national_id=CLERK).first()
    branch = Branch.objects.filter(code=BRANCH).first()
    if None in (party, lawyer, clerk, branch) or Case.objects.filter(number=NUMBERS[0]).exists():
        return
    branch.clerks.add(clerk)
    now = timezone.now()
    cases = []
    for number, subject in zip(
        NUMBERS,
        ("مطالبه وجه قرارداد وام", "الزام به تنظیم سند رسمی بیع", "تخلیه و اجاره"),
        strict=True,
    ):
        case = services.case_open_or_join(
            actor=clerk,
            number=number,
            branch=branch,
            people=_people(party, lawyer),
            court_type="general",
            subject=subject,
        )
        services.case_update(actor=clerk, case_id=case.pk, judge="قاضی محمد مرادی")
        cases.append(case)
    under_way, judged, closed = cases
    # Under consideration: a hearing held last month, the next one next week, a deadline.
    Hearing.objects.create(
        case=under_way,
        starts_at=now - timedelta(days=30),
        room="اتاق ۱۲",
        status=Hearing.Status.HELD,
        result="جلسه برگزار شد؛ کارشناس تعیین شد.",
    )
    services.hearing_schedule(
        actor=clerk,
        case_id=under_way.pk,
        starts_at=(now + timedelta(days=7)).replace(hour=9, minute=30, second=0, microsecond=0),
        room="اتاق ۱۲",
    )
    services.act_issue(
        actor=clerk,
        case_id=under_way.pk,
        kind="minutes",
        title="صورت‌جلسه دادرسی",
        text="جلسه با حضور طرفین برگزار شد و موضوع به کارشناسی ارجاع شد.",
    )
    services.period_notice_issue(
        actor=clerk,
        case_id=under_way.pk,
        sub_row=1,
        subject="اخطاریه پرداخت دستمزد کارشناس",
        body="ظرف ۷ روز از ابلاغ، دستمزد کارشناس را پرداخت کنید.",
        title="پرداخت دستمزد کارشناس",
        days=7,
    )
    # Judged: a final judgment and its enforcement file.
    judgment = services.act_issue(
        actor=clerk,
        case_id=judged.pk,
        kind="judgment",
        title="دادنامه",
        text="دعوای خواهان وارد تشخیص و خوانده به انجام تعهد محکوم می‌شود.",
        final=True,
    )
    services.enforcement_open(actor=clerk, case_id=judged.pk, act_id=judgment.pk)
    services.case_update(actor=clerk, case_id=closed.pk, status="closed", result="مختومه با سازش")
    if stdout is not None:
        stdout.write("Demo cases are loaded.")
