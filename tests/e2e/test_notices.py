"""A recipient signs in and opens a notice, which serves it (NOT-4, NOT-8)."""

import re

import pytest

from notices import services
from notices.models import Notice
from tests.e2e.conftest import accessible, open_section, sign_in, sign_in_from_home
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.notices import BranchFactory, court_clerk


def _summons(recipient, branch_name):
    """A Persian summons to a hearing, issued by a clerk of a new branch to `recipient`."""
    branch = BranchFactory(name=branch_name)
    return services.issue_notice(
        actor=court_clerk(branch),
        branch=branch,
        recipient=recipient,
        case_number="1403123456789012",
        case_sub_row=1,
        subject="دعوت به جلسه رسیدگی",
        body="در جلسه رسیدگی روز شنبه ساعت ۹ در شعبه حاضر شوید.",
    )


@pytest.mark.rule("NOT-4")
@pytest.mark.rule("NOT-8")
def test_recipient_opens_a_notice_from_the_inbox(page, sms_outbox):
    """NOT-4, NOT-8: from the home page, sign-in lands on the desk, which counts the new
    notice; the inbox (by the navigation) shows it without its content; "Receive and view"
    opens it, records the first view and shows the subject and text."""
    recipient = UserFactory()
    notice = _summons(recipient, "شعبه ۱۲ دادگاه عمومی حقوقی تهران")

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


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
# The text of the header, the sections bar and the footer, without what is marked as another
# language (the language links name each language in itself: «فارسی»).
CHROME_TEXT = """() => Array.from(document.querySelectorAll("header, nav.portal-nav, footer"))
  .map((element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll("[lang]").forEach((node) => {
      if (node.getAttribute("lang") !== document.documentElement.lang) node.remove();
    });
    return copy.textContent;
  })
  .join(" ")"""


@pytest.mark.rule("NOT-8")
@pytest.mark.rule("CMS-5")
@pytest.mark.parametrize("language", ["en", "az"])
def test_a_recipient_reads_a_notice_in_english_and_in_azerbaijani(page, sms_outbox, language):
    """CMS-5: the same journey in the site's other languages, chosen with the header's
    language links: every page on the way is in that language, left to right, and shows no
    Persian outside the notice's own words."""
    recipient = UserFactory()
    notice = _summons(recipient, "Branch 12, Tehran general court")

    def in_language():
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, "ltr")
        chrome = page.evaluate(CHROME_TEXT)
        assert not ARABIC_SCRIPT.search(chrome), chrome
        accessible(page)

    page.goto("/")
    page.click(f"header a[hreflang={language}]")
    page.wait_for_url(re.compile(rf"/{language}/$"))
    in_language()
    page.click(f"header a[href$='/{language}/accounts/signin/']")
    sign_in(page, recipient, DEFAULT_PASSWORD, sms_outbox)
    page.wait_for_url(re.compile(rf"/{language}/portal/$"))
    in_language()
    open_section(page, "notices")
    page.wait_for_url(re.compile(rf"/{language}/notices/$"))
    in_language()
    main = page.locator("main").inner_text()
    assert not ARABIC_SCRIPT.search(main), main
    page.click(f'main form[action="/{language}/notices/{notice.pk}/"] button')
    page.wait_for_selector("main :text('دعوت به جلسه رسیدگی')")
    in_language()
    assert Notice.objects.get(pk=notice.pk).status == "served"
