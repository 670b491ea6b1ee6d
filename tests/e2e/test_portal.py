"""The portal's frame in a real browser, in Persian: each journey starts at the home page,
signs in from the header, lands on the user's desk and goes on only by clicking. axe-core
checks each page the journey visits (no serious or critical violation)."""

import re

import pytest

from filings.models import Filing
from licensing.models import LicenceRequest
from tests.e2e.conftest import accessible, open_section, sign_in_from_home, submit
from tests.factories import filings as ff
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.licensing import centre_head, council_member, licence_request, licensing_staff
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


def decide_on_the_request(page, request, action, *, decision=None, reasons=""):
    """On the request's page (reached from the desk), the user's one form, sent."""
    page.click(f'main #licensing a[href$="/staff/licensing/requests/{request.pk}/"]')
    page.wait_for_url(re.compile(rf"/staff/licensing/requests/{request.pk}/$"))
    form = page.locator(f'main form[action$="/requests/{request.pk}/{action}/"]')
    if decision:
        form.locator("select[name=decision]").select_option(decision)
    if reasons:
        form.locator("textarea").fill(reasons)
    submit(page, form.locator("button[type=submit]"))
    assert page.locator(".messages .message--error").count() == 0


@pytest.mark.rule("LIC-3")
def test_council_gd_and_centre_head_decide_a_request(page, other_page, sms_outbox):
    """LIC-3: the suspension request waits on the Council member's desk; the member takes it
    up and proposes; it moves to the General Directorate's desk for its opinion, then to the
    centre head's, who decides. Each in their own browser, each from the home page."""
    request = licence_request()
    member, gd, head = council_member(), licensing_staff(), centre_head()

    sign_in_from_home(page, member, DEFAULT_PASSWORD, sms_outbox)
    accessible(page)
    decide_on_the_request(page, request, "start_review")
    accessible(page)
    page.click("nav.portal-nav a[data-section=home]")
    decide_on_the_request(
        page, request, "propose", decision="approve", reasons="تخلف در گزارش بازرسی ثابت است."
    )

    gd_page = other_page("gd")
    sign_in_from_home(gd_page, gd, DEFAULT_PASSWORD, sms_outbox)
    decide_on_the_request(gd_page, request, "give_opinion", decision="approve", reasons="موافق.")

    head_page = other_page("head")
    sign_in_from_home(head_page, head, DEFAULT_PASSWORD, sms_outbox)
    decide_on_the_request(head_page, request, "decide", decision="approve", reasons="تأیید شد.")
    request.refresh_from_db()
    assert request.status == LicenceRequest.Status.APPROVED


@pytest.mark.rule("FIL-9")
def test_the_office_clerk_verifies_and_the_manager_forwards(page, other_page, sms_outbox):
    """FIL-9: the sent filing is on the office clerk's desk ("filings to verify"); the clerk
    opens it and records that the originals match; the manager opens it from the office
    queue and forwards it to the court."""
    ff.ensure_fee_schedule()
    court = BranchFactory(name="شعبه ۴ دادگاه حقوقی تبریز")
    office = operational_office()
    filing = ff.sent(ff.lawyer(), court=court, office=office)
    clerk, manager = office.people["clerk"][0], office.people["manager"]

    sign_in_from_home(page, clerk, DEFAULT_PASSWORD, sms_outbox)
    assert page.locator("#office_queue [data-count]").get_attribute("data-count") == "1"
    page.click(f'main #office_queue a[href$="/filings/{filing.pk}/"]')
    page.wait_for_url(re.compile(rf"/filings/{filing.pk}/$"))
    submit(page, page.locator('main form:has(input[name=action][value="verify"]) button'))
    filing.refresh_from_db()
    assert filing.status == Filing.Status.VERIFIED

    manager_page = other_page("manager")
    sign_in_from_home(manager_page, manager, DEFAULT_PASSWORD, sms_outbox)
    open_section(manager_page, "office_queue")
    accessible(manager_page)
    manager_page.click(f'main a[href$="/filings/{filing.pk}/"]')
    manager_page.wait_for_url(re.compile(rf"/filings/{filing.pk}/$"))
    button = manager_page.locator('main form:has(input[name=action][value="forward"]) button')
    submit(manager_page, button)
    filing.refresh_from_db()
    assert filing.status == Filing.Status.FORWARDED
