"""The portal's frame in a real browser, in Persian: each journey starts at the home page,
signs in from the header, lands on the user's desk and goes on only by clicking. axe-core
checks each page the journey visits (no serious or critical violation)."""

import re

import pytest

from filings.models import Filing
from tests.e2e.conftest import accessible, open_section, sign_in_from_home, submit
from tests.factories import filings as ff
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.notices import BranchFactory, court_clerk
from tests.factories.offices import operational_office


@pytest.mark.rule("FIL-8")
def test_the_court_clerk_rejects_with_a_reason_and_accepts(page, sms_outbox):
    """FIL-8: the clerk's desk counts the two forwarded filings; the court queue lists them;
    a rejection needs its reason category and is confirmed on its own page; the acceptance
    too; both filings leave the queue."""
    ff.ensure_fee_schedule()
    court = BranchFactory(name="شعبه ۴ دادگاه حقوقی تبریز")
    clerk = court_clerk(court)
    office = operational_office()
    staff = office.people["clerk"][0]
    filer = ff.lawyer()
    first = ff.forwarded(filer, court=court, office=office, staff=staff)
    second = ff.forwarded(filer, court=court, office=office, staff=staff)

    sign_in_from_home(page, clerk, DEFAULT_PASSWORD, sms_outbox)
    assert page.locator("#court_queue [data-count]").get_attribute("data-count") == "2"
    accessible(page)

    open_section(page, "court_queue")
    page.wait_for_url(re.compile(r"/filings/court/$"))
    accessible(page)
    page.click(f'main tr[data-filing="{first.pk}"] a[href$="/reject/"]')
    page.wait_for_url(re.compile(rf"/filings/court/{first.pk}/reject/$"))
    accessible(page)
    page.fill("main textarea[name=reason]", "دعوا در صلاحیت شعبه دیگری است.")
    submit(page, page.locator("main form button[type=submit]"))  # no category: refused
    assert page.locator("#reason_category_error").is_visible()
    assert page.locator("main textarea[name=reason]").input_value().startswith("دعوا")
    assert Filing.objects.get(pk=first.pk).status == Filing.Status.FORWARDED
    page.select_option("main select[name=reason_category]", "jurisdiction")
    submit(page, page.locator("main form button[type=submit]"))
    page.wait_for_url(re.compile(r"/filings/court/$"))
    assert Filing.objects.get(pk=first.pk).status == Filing.Status.REJECTED

    page.click(f'main tr[data-filing="{second.pk}"] a[href$="/accept/"]')
    page.wait_for_url(re.compile(rf"/filings/court/{second.pk}/accept/$"))
    submit(page, page.locator("main form button[type=submit]"))
    page.wait_for_url(re.compile(r"/filings/court/$"))
    assert Filing.objects.get(pk=second.pk).status == Filing.Status.ACCEPTED
    assert page.locator("main tr[data-filing]").count() == 0
    accessible(page)
