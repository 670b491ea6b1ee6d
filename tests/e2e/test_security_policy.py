"""The content security policy in a real browser: injected inline script is blocked on the
site's own pages, and the Wagtail admin (whose front-end needs inline scripts) still works
under its relaxed policy. The ``page`` fixture fails any test whose pages report a violation;
these tests prove both halves of that: that violations are caught, and that the admin has
none. The policy guards the two-step sign-in (ID-4) and what only its recipient may read
(NOT-7).
"""

import re

import pytest
from wagtail.models import Page

from tests.e2e.conftest import TIMEOUT_MS, csp_violations, sign_in_from_home
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory


@pytest.mark.rule("ID-4")
def test_injected_inline_script_is_refused_on_the_sign_in_page(browser, live_server):
    """ID-4: markup injected into the sign-in page cannot run script; Chromium reports the
    refusal on the console, where the ``page`` fixture looks for it."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    violations = csp_violations(page)

    def inject(route):
        response = route.fetch()
        body = response.text().replace(
            "</body>", "<script>document.title = 'injected';</script></body>"
        )
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/accounts/signin/$"), inject)
    try:
        page.goto("/")
        with page.expect_console_message(
            lambda message: "Content Security Policy" in message.text
        ) as message:
            page.click("header a[href$='/accounts/signin/']")
        assert "script-src" in message.value.text
        assert page.title() != "injected"
        assert page.locator("main input[name=national_id]").is_visible()
        assert violations
    finally:
        context.close()


@pytest.mark.rule("ID-4")
def test_wagtail_admin_works_under_its_policy(page, sms_outbox):
    """ID-4: staff sign in through the two-step sign-in and use the Wagtail admin — the
    dashboard, the page explorer and the page editor with its rich-text and date widgets —
    with no policy violation (the ``page`` fixture fails the test on any)."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    root = Page.get_first_root_node()

    sign_in_from_home(page, admin, DEFAULT_PASSWORD, sms_outbox)
    page.click("header #user-menu")
    page.click("header a.dropdown-item[href='/admin/']")
    page.wait_for_url(re.compile(r"/admin/$"))
    # The sidebar is drawn by the admin's scripts: it appears only if they ran.
    page.wait_for_selector("#wagtail-sidebar .sidebar")

    # The admin speaks Persian: its page explorer is the sidebar's button «صفحه‌ها».
    page.locator("#wagtail-sidebar").get_by_role("button", name=re.compile("^صفحه")).click()
    # The explorer's header leads to the tree's root: /admin/pages/.
    page.click("#wagtail-sidebar a.c-page-explorer__header__title")
    page.wait_for_url(re.compile(r"/admin/pages/$"))
    page.wait_for_selector("#main")

    page.click(f"main a[href='/admin/pages/{root.pk}/add_subpage/']")
    # A home page is the only kind the root takes: the admin opens its form at once.
    page.wait_for_url(re.compile(rf"/admin/pages/add/cms_pages/homepage/{root.pk}/$"))
    page.wait_for_selector("form#page-edit-form")
    page.fill("#id_title", "Daftar")
    page.wait_for_selector("#wagtail-sidebar .sidebar")
