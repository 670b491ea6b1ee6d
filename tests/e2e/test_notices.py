"""A recipient signs in and opens a notice, which serves it (NOT-4, NOT-8)."""

import re

import pytest

from notices import services
from notices.models import Notice
from tests.e2e.conftest import accessible, open_section, sign_in_from_home
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.notices import BranchFactory, court_clerk


@pytest.mark.rule("NOT-4")
@pytest.mark.rule("NOT-8")
def test_recipient_opens_a_notice_from_the_inbox(page, sms_outbox):
    """NOT-4, NOT-8: from the home page, sign-in lands on the desk, which counts the new
    notice; the inbox (by the navigation) shows it without its content; "Receive and view"
    opens it, records the first view and shows the subject and text."""
    branch = BranchFactory(name="شعبه ۱۲ دادگاه عمومی حقوقی تهران")
    clerk = court_clerk(branch)
    recipient = UserFactory()
    notice = services.issue_notice(
        actor=clerk,
        branch=branch,
        recipient=recipient,
        case_number="1403123456789012",
        case_sub_row=1,
        subject="دعوت به جلسه رسیدگی",
        body="در جلسه رسیدگی روز شنبه ساعت ۹ در شعبه حاضر شوید.",
    )

    sign_in_from_home(page, recipient, DEFAULT_PASSWORD, sms_outbox)
    assert page.locator("#notices [data-count]").get_attribute("data-count") == "1"
    open_section(page, "notices")
    page.wait_for_url(re.compile(r"/notices/$"))
    assert "دعوت به جلسه رسیدگی" not in page.locator("main").inner_text()
    accessible(page)

    page.click(f'main form[action="/notices/{notice.pk}/"] button')
    page.wait_for_selector("main :text('دعوت به جلسه رسیدگی')")
    assert "در جلسه رسیدگی روز شنبه" in page.locator("main").inner_text()
    accessible(page)

    notice = Notice.objects.get(pk=notice.pk)
    assert notice.first_viewed_by_id == recipient.pk
    assert notice.status == "served"
