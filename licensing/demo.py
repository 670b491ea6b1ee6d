"""Demo licensing data for `make run` (development only). Idempotent: running it twice changes
nothing.

* the demo Council member sits on the Council; the demo board member on the Tehran
  Association's board, with the demo inspector;
* an open call for Tehran, and an application to it by the demo party;
* a licence for every demo office that has a manager (the Tehran office of `offices.demo`);
* a suspension request on that licence, waiting in the Council's queue.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from licensing import association as association_services
from licensing import services
from licensing.models import (
    Application,
    Association,
    BoardMembership,
    Call,
    CouncilMembership,
    Licence,
    LicenceRequest,
)
from offices.models import Office, Province

STAFF_ID, COUNCIL_ID, HEAD_ID = "0010000089", "0010000097", "0010000100"
BOARD_ID, INSPECTOR_ID, PARTY_ID = "0010000119", "0010000127", "0010000011"


def seed(stdout=None) -> None:
    User = get_user_model()
    people = {
        u.national_id: u
        for u in User.objects.filter(
            national_id__in=[STAFF_ID, COUNCIL_ID, HEAD_ID, BOARD_ID, INSPECTOR_ID, PARTY_ID]
        )
    }
    if len(people) < 6 or not Province.objects.filter(code="tehran").exists():
        return
    staff, member, head = people[STAFF_ID], people[COUNCIL_ID], people[HEAD_ID]
    tehran = Province.objects.get(code="tehran")
    today = timezone.localdate()
    with transaction.atomic():
        if not CouncilMembership.objects.filter(user=member).exists():
            services.council_appoint(actor=head, user=member)
        association = Association.objects.filter(province=tehran).first()
        if association is None:
            association = association_services.association_create(
                actor=staff, province=tehran, name="کانون دفاتر خدمات الکترونیک قضایی تهران"
            )
        if not BoardMembership.objects.filter(user=people[BOARD_ID]).exists():
            association_services.board_appoint(
                actor=head,
                association_id=association.pk,
                user=people[BOARD_ID],
                seat=BoardMembership.Seat.OFFICE_MANAGER,
            )
        association_services.inspector_add(
            actor=staff, association_id=association.pk, user=people[INSPECTOR_ID]
        )
        call = Call.objects.filter(province=tehran).first()
        if call is None:
            now = timezone.now()
            call = services.call_open(
                actor=staff,
                title="فراخوان پذیرش متقاضیان تأسیس دفتر — تهران",
                province=tehran,
                places=5,
                opens_at=now - dt.timedelta(days=1),
                closes_at=now + dt.timedelta(days=60),
                description="ثبت‌نام متقاضیان مدیریت دفاتر خدمات الکترونیک قضایی استان تهران.",
            )
        party = people[PARTY_ID]
        if not Application.objects.filter(applicant=party).exists():
            services.application_submit(
                actor=party,
                call_id=call.pk,
                statement="متقاضی تأسیس دفتر در منطقه ۶ تهران.",
                qualifications_record={
                    "sex": "female",
                    "declarations": {},
                    "degrees": [
                        {"level": "master", "field": "law", "institution": "دانشگاه تهران"}
                    ],
                    "experience": [{"title": "کارشناس حقوقی", "started_on": dt.date(2015, 1, 1)}],
                },
            )
        for office in Office.objects.filter(manager__isnull=False):
            if Licence.objects.filter(office=office).exists():
                continue
            licence = Licence(
                number=f"1404-{office.code}-01",
                office=office,
                holder=office.manager,
                issued_on=today - dt.timedelta(days=200),
                expires_on=today - dt.timedelta(days=200) + dt.timedelta(days=3 * 365),
            )
            licence._history_user = staff
            licence._change_reason = "demo data"
            licence.save()
        licence = Licence.objects.filter(status=Licence.Status.ACTIVE).order_by("pk").first()
        if licence and not LicenceRequest.objects.filter(licence=licence).exists():
            services.request_submit(
                actor=staff,
                kind=LicenceRequest.Kind.SUSPENSION,
                licence_id=licence.pk,
                reasons="گزارش بازرسی: عدم نصب جدول تعرفه‌ها (بند ۱ ماده ۳۷).",
                suspend_until=today + dt.timedelta(days=90),
            )
    if stdout:
        stdout.write(
            f"licensing: {Licence.objects.count()} licences, "
            f"{LicenceRequest.objects.count()} requests, {Application.objects.count()} applications"
        )
