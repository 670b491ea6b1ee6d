"""A lawyer opens "my cases" from the navigation, a case page, downloads the sealed act and
adds the next hearing to their calendar (CAS-3 … CAS-6)."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from courts import seal, services
from tests.e2e.conftest import sign_in
from tests.factories import courts as cf
from tests.factories import filings as ff
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory


@pytest.mark.rule("CAS-3")
@pytest.mark.rule("CAS-4")
@pytest.mark.rule("CAS-5")
@pytest.mark.rule("CAS-6")
def test_a_lawyer_follows_a_case_from_the_cabinet(page, sms_outbox, tmp_path):
    branch = cf.branch_of("IR-TBZ-GEN", 1)
    clerk = cf.clerk_of(branch)
    client = UserFactory(first_name="سارا", last_name="احمدی")
    lawyer = ff.lawyer(first_name="نیما", last_name="وکیلی")
    case = cf.case(
        branch=branch, clerk=clerk, parties=[("claimant", client)], lawyers=[(lawyer, 0)]
    )
    hearing = services.hearing_schedule(
        actor=clerk,
        case_id=case.pk,
        starts_at=timezone.now() + timedelta(days=6),
        room="اتاق ۱۲",
    )
    act = services.act_issue(
        actor=clerk, case_id=case.pk, kind="minutes", title="صورت‌جلسه", text="جلسه برگزار شد."
    )

    page.goto("/")
    page.click("header a[href$='/accounts/signin/']")
    sign_in(page, lawyer, DEFAULT_PASSWORD, sms_outbox)
    page.click("header a[href$='/cases/']")
    page.wait_for_url(re.compile(r"/cases/$"))
    page.click(f"main a[href$='/cases/{case.pk}/']")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    assert "اتاق ۱۲" in page.locator("main").inner_text()

    with page.expect_download() as pdf_download:
        page.click(f"main a[href$='/cases/acts/{act.pk}/']")
    pdf = Path(pdf_download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and seal.verify_pdf(pdf)

    with page.expect_download() as ics_download:
        page.click(f"main a[href$='/cases/hearings/{hearing.pk}/ics/']")
    ics = Path(ics_download.value.path()).read_text()
    assert "BEGIN:VEVENT" in ics and f"UID:{hearing.uid}@daftar" in ics
