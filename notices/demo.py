"""Demo notices for `make run` (development only). Idempotent: a second run adds nothing.

The demo party (`accounts.demo`) has two notices of branch 4 of the Tabriz civil court, issued
by the demo court clerk: a summons and a notice of an expert's report, both new (unread), so
the party's desk and inbox have something to open.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from notices import services
from notices.models import Branch, Notice

PARTY = "0010000011"
CLERK = "0010000143"
COURT = ("DEMO-TBZ-04", "شعبه ۴ دادگاه حقوقی تبریز", "تبریز")
CASE_NUMBER = "1403123456789012"
NOTICES = [
    (
        "دعوت به جلسه رسیدگی",
        "خانم مریم احمدی، برای رسیدگی به پرونده کلاسه ۱۴۰۳۱۲۳۴۵۶۷۸۹۰۱۲ در ساعت ۹ صبح روز "
        "جلسه در شعبه ۴ دادگاه حقوقی تبریز حاضر شوید.",
    ),
    (
        "ابلاغ نظریه کارشناسی",
        "نظریه کارشناس رسمی دادگستری در پرونده کلاسه ۱۴۰۳۱۲۳۴۵۶۷۸۹۰۱۲ واصل شد. ظرف یک هفته از "
        "تاریخ ابلاغ می‌توانید به آن اعتراض کنید.",
    ),
]


def seed(stdout=None) -> None:
    User = get_user_model()
    party = User.objects.filter(national_id=PARTY).first()
    clerk = User.objects.filter(national_id=CLERK).first()
    if party is None or clerk is None or Notice.objects.filter(recipient_user=party).exists():
        return
    code, name, city = COURT
    branch, _ = Branch.objects.get_or_create(code=code, defaults={"name": name, "city": city})
    branch.clerks.add(clerk)
    now = timezone.now()
    for index, (subject, body) in enumerate(NOTICES):
        services.issue_notice(
            actor=clerk,
            branch=branch,
            recipient=party,
            case_number=CASE_NUMBER,
            case_sub_row=1,
            subject=subject,
            body=body,
            issued_at=now - dt.timedelta(hours=2 * (len(NOTICES) - index)),
        )
    if stdout:
        stdout.write(f"notices: {len(NOTICES)} demo notices for the demo party")
