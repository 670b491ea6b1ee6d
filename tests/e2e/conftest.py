"""Browser tests: Playwright drives the machine's Chromium against pytest-django's live server.

Run them on their own (they are left out of the unit suite by pyproject's addopts):

    scripts/with-postgres.sh .venv/bin/pytest -q tests/e2e \
        --override-ini addopts="-p no:cacheprovider"

Chromium is Debian's package (``scripts/ensure-chromium.sh`` installs it when missing);
Playwright's own browser download is never used. Each test leaves a screenshot of its last
page in ``tests/e2e/artifacts/`` (ignored by git). Waits are on elements and URLs, never on
time.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the test's thread; the ORM calls the
# tests make between browser steps are ordinary synchronous calls and are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT_MS = 15_000
PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def pytest_collection_modifyitems(items):
    """Every browser test runs against the live server with a real, committed database; the
    data the migrations load (Wagtail's root page, reference data, role groups) is restored
    after each test's flush."""
    for item in items:
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(autouse=True)
def _public_site(transactional_db):
    """The public site as `seed_pages()` leaves it: every journey starts at its home page. A
    previous test's flush may have left no tree at all: the root is made again first."""
    from django.conf import settings
    from wagtail.models import Locale, Page

    from cms_pages.seed import seed_pages

    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    seed_pages()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def viewport():
    """The browser window's size: Playwright's default (1280 x 720) unless a test overrides
    this fixture (a phone: ``{"width": 390, "height": 844}``)."""
    return None


@pytest.fixture
def page(request, browser, live_server, viewport):
    """A fresh browser context (no cookies) on the live server; a screenshot of the last page
    is saved when the test ends, passed or failed. A Content Security Policy violation on the
    console fails the test: the browser blocks the script or style silently otherwise."""
    size = {"viewport": viewport} if viewport else {}
    context = browser.new_context(base_url=live_server.url, locale="fa-IR", **size)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    violations = csp_violations(page)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
    if violations:
        pytest.fail("Content Security Policy violations:\n" + "\n".join(violations))


def csp_violations(page) -> list[str]:
    """The Content Security Policy violations Chromium reports on the page's console, as they
    happen ("Refused to execute inline script because it violates ...")."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return violations


@pytest.fixture
def other_page(request, browser, live_server):
    """Another person's browser: each call opens a fresh context (no cookies) on the live
    server; a screenshot of each one's last page is saved when the test ends, and a Content
    Security Policy violation on any of their consoles fails the test, as with `page`."""
    opened, violations = [], []

    def open_page(label: str):
        context = browser.new_context(base_url=live_server.url, locale="fa-IR")
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        opened.append((label, context, page, csp_violations(page)))
        return page

    yield open_page
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    for label, context, page, found in opened:
        violations.extend(found)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
        finally:
            context.close()
    if violations:
        pytest.fail("Content Security Policy violations:\n" + "\n".join(violations))


def submit(page, button) -> None:
    """Click a form's button and wait for the page the server answers with (POST, redirect,
    GET) to load."""
    with page.expect_navigation():
        button.click()


def sms_code(sms_outbox, user, purpose: str) -> str:
    """The one-time code last texted to the user for `purpose` (the code is the last number
    of the message)."""
    for message in reversed(sms_outbox):
        if message.purpose == purpose and message.user_id == user.pk:
            return re.findall(r"[0-9۰-۹٠-٩]{4,}", message.body)[-1].translate(PERSIAN_DIGITS)
    raise AssertionError(f"no {purpose} code was sent")


def temporary_password(sms_outbox, user) -> str:
    """The sign-in temporary password last sent to the user (the in-memory SMS gateway keeps
    each message as sent)."""
    for message in reversed(sms_outbox):
        if message.purpose == "signin.temp_password" and message.user_id == user.pk:
            digits = re.search(r"[0-9۰-۹٠-٩]{4,}", message.body).group(0)
            return digits.translate(PERSIAN_DIGITS)
    raise AssertionError("no temporary password was sent")


def sign_in(page, user, password, sms_outbox):
    """The two-step sign-in on the sign-in page the browser is on: national ID and password,
    then the temporary password sent by SMS (ID-4); staff then give their authenticator's
    code (ID-13; the helper enrols one with a known key when they have none)."""
    from accounts.second_factor.policy import needs_second_factor
    from tests.factories.second_factor import authenticator, totp_code

    device = authenticator(user) if needs_second_factor(user) else None
    page.wait_for_url(re.compile(r"/accounts/signin/"))
    page.fill("main input[name=national_id]", user.national_id)
    page.fill("main input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/signin/code/"))
    page.fill("main input[name=temp_password]", temporary_password(sms_outbox, user))
    page.click("main form:not(.auth-secondary) button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/signin" not in url)
    if device is not None:
        page.wait_for_url(re.compile(r"/accounts/second-factor/"))
        page.fill("main input[name=code]", totp_code(device))
        page.click("main form button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/second-factor" not in url)


def sign_in_from_home(page, user, password, sms_outbox):
    """From the home page: the header's "sign in" (behind the menu button on a phone), the
    two steps, and the user's desk, where sign-in lands."""
    page.goto("/")
    toggler = page.locator("header .navbar-toggler")
    if toggler.is_visible():
        toggler.click()
    page.click("header a[href$='/accounts/signin/']")
    sign_in(page, user, password, sms_outbox)
    page.wait_for_url(re.compile(r"/portal/$"))


def open_section(page, key: str):
    """Click a section of the navigation under the header (`accounts.navigation`)."""
    with page.expect_navigation():
        page.click(f"nav.portal-nav a[data-section={key}]")


def no_horizontal_scroll(page) -> None:
    """The page is no wider than the viewport (nothing to scroll sideways)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("document.documentElement.clientWidth")
    assert width <= viewport, f"{page.url}: {width}px wide in a {viewport}px viewport"


_AXE = None


def accessible(page) -> None:
    """axe-core finds no serious or critical violation on the page as it is now."""
    global _AXE
    from axe_playwright_python.sync_playwright import Axe

    _AXE = _AXE or Axe()
    results = _AXE.run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3] if n.get("target"))
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    assert not bad, f"{page.url}:\n" + "\n".join(bad)
