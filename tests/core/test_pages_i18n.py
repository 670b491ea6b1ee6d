"""Every page of the portal and the public site, in Persian and English (CMS-5).

The URL patterns of the portal apps (accounts, appointments, filings, discipline, notices,
licensing staff pages, the public site's own views) are enumerated from the URL
configuration: each named pattern is either rendered here — with objects built by the
factories, signed in as a role that may see it — or listed as not a page (a POST-only action
or a file download). Every live page of the CMS is rendered in its own language.

Each page must have:
- ``<html lang="fa" dir="rtl">`` in Persian, ``lang="en" dir="ltr"`` in English;
- in Persian, no Gregorian date in the visible text (an ISO date, a Western-digit or
  Persian-digit year of this century, a Gregorian month name) and, where a date is shown,
  the Jalali date; in English, the Gregorian date;
- a label for every form control (``label[for]``, a wrapping label, ``aria-label`` or
  ``aria-labelledby``);
- a viewport meta tag, one ``<main>`` landmark and a skip link to it;
- a language switcher of buttons (reachable by keyboard) that lands on the same page in the
  other language.

HTML is read with Beautiful Soup on Python's own parser (no regular expressions on HTML).
"""

import dataclasses
import datetime as dt
import re

import jdatetime
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.views import RECOVERY_FLOW, REGISTER_FLOW, SIGNIN_FLOW
from cms_pages.seed import seed_pages
from core.dates import to_persian_digits
from courts import services as court_services
from licensing.models import LicenceRequest
from notices import services as notice_services
from offices import services as office_services
from offices.models import Slot
from tests.factories import UserFactory
from tests.factories import courts as court_factories
from tests.factories import discipline as df
from tests.factories import filings as ff
from tests.factories.licensing import (
    centre_head,
    council_member,
    licence_request,
    licensed_office,
    licensing_staff,
)
from tests.factories.notices import BranchFactory, court_clerk

pytestmark = pytest.mark.django_db

PORTAL_NAMESPACES = {
    "accounts",
    "offices_portal",
    "offices_staff",
    "filings",
    "discipline",
    "notices",
    "licensing",
    "cms_pages",
    "courts",
}

# Named patterns that are not pages: POST-only actions and file downloads (PDFs, documents).
NOT_PAGES = {
    "offices_portal:cancel": "POST only",
    "offices_portal:waitlist_join": "POST only",
    "offices_portal:waitlist_action": "POST only",
    "offices_portal:receipt": "PDF receipt",
    "offices_portal:calendar": "calendar file (.ics)",
    "filings:document": "document file",
    "filings:receipt": "PDF receipt",
    "filings:payment-callback": "the card gateway's way back: settles, then the filing's page",
    "discipline:action": "POST only",
    "discipline:ruling-pdf": "PDF ruling",
    "notices:attachment": "attachment file",
    "licensing:request-action": "POST only",
    "filings:court-queue": "the court clerk's queue: tests/portal (its markup and languages)",
    "filings:court-decision": "a confirmation page: tests/portal",
    "courts:case-action": "POST only",
    "courts:feed-renew": "POST only",
    "courts:feed": "calendar feed (.ics)",
    "courts:hearing-ics": "calendar file (.ics)",
    "courts:act": "sealed PDF act",
    "offices_staff:desk-home": "redirects to the desk of the user's office",
    "offices_staff:desk-action": "POST only",
    "offices_staff:identity_post": "POST only",
}

GREGORIAN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
]
PAGE_NAMES = {
    "accounts:signin",
    "accounts:signin_code",
    "accounts:signout",
    "accounts:register",
    "accounts:register_verify",
    "accounts:recovery",
    "accounts:recovery_confirm",
    "accounts:password_change",
    "accounts:verify",
    "offices_portal:mine",
    "offices_portal:office",
    "offices_portal:reschedule",
    "filings:list",
    "filings:queue",
    "filings:filing",
    "filings:office-new",
    "offices_staff:desk",
    "offices_staff:identity",
    "discipline:dashboard",
    "discipline:case",
    "notices:inbox",
    "notices:lookup",
    "notices:notice",
    "notices:print",
    "licensing:queue",
    "licensing:request",
    "cms_pages:search",
    "courts:cases",
    "courts:case",
    "courts:hearings",
    "courts:follow",
    "courts:picker",
    "courts:verify",
}
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


@dataclasses.dataclass
class Page:
    name: str  # the URL pattern's name, or "cms:<page type>"
    path: str  # without language prefix (the Persian URL)
    user: object = None  # signed in as; None = anonymous
    dated: bool = False  # the page shows at least one date
    session: dict = dataclasses.field(default_factory=dict)
    languages: tuple = ("fa", "en")
    urls: dict = dataclasses.field(default_factory=dict)  # language -> URL (CMS pages)

    def url(self, language):
        if language in self.urls:
            return self.urls[language]
        return self.path if language == "fa" else f"/{language}{self.path}"


def _portal_pattern_names():
    """Every named URL pattern of the portal apps, as "namespace:name"."""
    names = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name and namespace:
                names.add(f"{namespace}:{entry.name}")

    # The pages live under the language prefix (i18n_patterns); the API shares the apps'
    # namespaces under /api/ and is not a page.
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            walk(entry.url_patterns, None)
    return {name for name in names if name.split(":")[0] in PORTAL_NAMESPACES}


def _free_slot(office):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    return Slot.objects.filter(office=office, day__gte=tomorrow).order_by("starts_at").first()


@pytest.fixture
def pages(django_capture_on_commit_callbacks):
    """Demo-like objects of every app and the pages that show them, keyed by pattern name."""
    cache.clear()
    from discipline.models import Violation
    from discipline.violations import load

    if Violation.objects.count() != 14:
        load(Violation)
    ff.ensure_fee_schedule()

    office = licensed_office()
    citizen = UserFactory()
    unverified = UserFactory(identity_verified_at=None)
    slot = _free_slot(office)
    appointment = office_services.appointment_book(
        actor=citizen, slot_id=slot.pk, service_code=office.services.first().code
    )

    court = BranchFactory(name="Branch 4 of the Tabriz civil court")
    filer = UserFactory()
    staff = office.people["clerk"][0]
    sent = ff.sent(filer, court=court, office=office)
    draft = ff.draft(filer, court=court)

    branch = BranchFactory(name="Branch 12 of the Tehran civil court")
    clerk = court_clerk(branch)
    recipient = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        opened = notice_services.issue_notice(
            actor=clerk,
            branch=branch,
            recipient=recipient,
            case_number="1403123456789012",
            subject="Summons to a hearing",
            body="You are summoned to the hearing.",
        )
        unopened = notice_services.issue_notice(
            actor=clerk,
            branch=branch,
            recipient=recipient,
            case_number="1403123456789013",
            subject="Expert report",
            body="The expert's report is attached.",
        )
    notice_services.view_notice(actor=recipient, notice_id=opened.pk)

    case = df.open_case(office=office)
    board = case.test_board
    ruling = df.serve(df.ruling(case, grade=3))
    head = centre_head()

    request = licence_request(LicenceRequest.Kind.SUSPENSION, office=office)
    gd, council = licensing_staff(), council_member()

    seeded = seed_pages()

    portal = {
        "accounts:signin": [Page("accounts:signin", "/accounts/signin/")],
        "accounts:signin_code": [
            Page(
                "accounts:signin_code",
                "/accounts/signin/code/",
                session={
                    SIGNIN_FLOW: {
                        "challenge": "x",
                        "already_sent": False,
                        "sent_to": "0912•••567",
                        "next": "/",
                    }
                },
            )
        ],
        "accounts:signout": [Page("accounts:signout", "/accounts/signout/", citizen)],
        "accounts:register": [Page("accounts:register", "/accounts/register/")],
        "accounts:register_verify": [
            Page(
                "accounts:register_verify",
                "/accounts/register/verify/",
                session={REGISTER_FLOW: {"challenge": "x", "with_email": True}},
            )
        ],
        "accounts:recovery": [Page("accounts:recovery", "/accounts/recovery/")],
        "accounts:recovery_confirm": [
            Page(
                "accounts:recovery_confirm",
                "/accounts/recovery/confirm/",
                session={RECOVERY_FLOW: {"challenge": "x"}},
            )
        ],
        "accounts:password_change": [
            Page("accounts:password_change", "/accounts/password/", citizen)
        ],
        "accounts:verify": [Page("accounts:verify", "/accounts/verify/", unverified)],
        "offices_portal:mine": [Page("offices_portal:mine", "/appointments/", citizen, dated=True)],
        "offices_portal:reschedule": [
            Page(
                "offices_portal:reschedule",
                f"/appointments/{appointment.pk}/reschedule/",
                citizen,
                dated=True,
            )
        ],
        "offices_portal:office": [
            Page(
                "offices_portal:office",
                f"/appointments/office/{office.code}/?day={slot.day.isoformat()}",
                dated=True,
            ),
            Page(
                "offices_portal:office",
                f"/appointments/office/{office.code}/?day={slot.day.isoformat()}",
                citizen,
                dated=True,
            ),
        ],
        "filings:list": [Page("filings:list", "/filings/", filer, dated=True)],
        "filings:queue": [Page("filings:queue", "/filings/office/", staff, dated=True)],
        "filings:filing": [
            Page("filings:filing", f"/filings/{draft.pk}/", filer),
            Page("filings:filing", f"/filings/{sent.pk}/", filer, dated=True),
            Page("filings:filing", f"/filings/{sent.pk}/", staff, dated=True),
        ],
        "filings:office-new": [
            Page(
                "filings:office-new",
                f"/filings/office/new/?office={office.code}&national_id={filer.national_id}",
                staff,
            )
        ],
        "offices_staff:desk": [
            Page("offices_staff:desk", f"/office/{office.code}/desk/?q=0000000000", staff),
            Page(
                "offices_staff:desk",
                f"/office/{office.code}/desk/?q={citizen.national_id}&day={slot.day}",
                staff,
                dated=True,
            ),
            Page(
                "offices_staff:desk",
                f"/office/{office.code}/desk/?q={unverified.national_id}",
                staff,
            ),
        ],
        "offices_staff:identity": [
            Page("offices_staff:identity", f"/office/{office.code}/identity/", staff)
        ],
        "discipline:dashboard": [
            Page("discipline:dashboard", "/discipline/", board.chair),
            Page("discipline:dashboard", "/discipline/", head),
            Page("discipline:dashboard", "/discipline/", case.accused),
        ],
        "discipline:case": [
            Page("discipline:case", f"/discipline/cases/{case.pk}/", board.chair, dated=True),
            Page("discipline:case", f"/discipline/cases/{case.pk}/", head, dated=True),
            Page("discipline:case", f"/discipline/cases/{case.pk}/", case.accused, dated=True),
        ],
        "notices:inbox": [
            Page("notices:inbox", "/notices/", recipient, dated=True),
            Page("notices:inbox", "/notices/?tab=viewed", recipient, dated=True),
        ],
        "notices:lookup": [Page("notices:lookup", "/notices/lookup/", recipient)],
        "notices:notice": [
            Page("notices:notice", f"/notices/{opened.pk}/", recipient, dated=True),
            Page("notices:notice", f"/notices/{unopened.pk}/", recipient, dated=True),
        ],
        "notices:print": [Page("notices:print", f"/notices/{opened.pk}/print/", recipient)],
        "licensing:queue": [
            Page("licensing:queue", "/staff/licensing/", gd),
            Page("licensing:queue", "/staff/licensing/", council, dated=True),
        ],
        "licensing:request": [
            Page("licensing:request", f"/staff/licensing/requests/{request.pk}/", gd, dated=True),
            Page(
                "licensing:request",
                f"/staff/licensing/requests/{request.pk}/",
                council,
                dated=True,
            ),
        ],
        "cms_pages:search": [Page("cms_pages:search", "/search/?q=office")],
        **_court_pages(),
    }
    assert ruling.notice_id and appointment.pk
    assert set(portal) == PAGE_NAMES
    return {"portal": portal, "cms": _cms_pages(seeded, office)}


def _court_pages():
    """The cabinet (CAS-*): a case with a participant, a lawyer and a coming hearing."""
    branch = court_factories.branch_of("IR-TBZ-GEN", 1)
    clerk = court_factories.clerk_of(branch)
    party, lawyer = UserFactory(), UserFactory()
    case = court_factories.case(
        branch=branch, clerk=clerk, parties=[("claimant", party)], lawyers=[(lawyer, 0)]
    )
    court_services.hearing_schedule(
        actor=clerk, case_id=case.pk, starts_at=timezone.now() + dt.timedelta(days=4), room="12"
    )
    return {
        "courts:cases": [
            Page("courts:cases", "/cases/", party, dated=True),
            Page("courts:cases", "/cases/?as=lawyer", lawyer, dated=True),
        ],
        "courts:case": [
            Page("courts:case", f"/cases/{case.pk}/", party, dated=True),
            Page("courts:case", f"/cases/{case.pk}/", clerk, dated=True),
        ],
        "courts:hearings": [Page("courts:hearings", "/cases/hearings/", lawyer, dated=True)],
        "courts:follow": [Page("courts:follow", "/cases/follow/", party)],
        "courts:picker": [Page("courts:picker", "/cases/courts/?type=family", party)],
        "courts:verify": [Page("courts:verify", "/cases/verify/")],
    }


def _cms_pages(seeded, office):
    """Every live page of the public site, in its own language; the directory's office page."""
    from wagtail.models import Page as WagtailPage

    found = []
    for page in WagtailPage.objects.live().public().filter(depth__gt=1).specific():
        language = page.locale.language_code
        kind = type(page).__name__
        urls = {
            translation.locale.language_code: translation.get_url()
            for translation in page.get_translations(inclusive=True).live()
        }
        dated = kind in ("GuidePage", "GuideIndexPage")
        found.append(
            Page(f"cms:{kind}", urls[language], dated=dated, languages=(language,), urls=urls)
        )
    for directory in (seeded.office_directory, seeded.office_directory_en):
        language = directory.locale.language_code
        url = f"{directory.get_url()}{office.code}/"
        found.append(Page("cms:office", url, languages=(language,), urls={language: url}))
    return found


def _visible_text(soup) -> str:
    body = soup.body or soup
    for hidden in body.find_all(["script", "style", "template", "noscript"]):
        hidden.decompose()
    return " ".join(body.get_text(" ").split())


def _gregorian_in(text: str, years) -> list[str]:
    found = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)
    for year in years:
        for written in (str(year), to_persian_digits(year)):
            if re.search(rf"(?<![\d/]){written}(?![\d/])", text):
                found.append(written)
    found += [month for month in GREGORIAN_MONTHS if re.search(rf"\b{month}\b", text)]
    return found


def _label_problems(soup) -> list[str]:
    problems = []
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    labelled = {label["for"] for label in soup.find_all("label") if label.get("for")}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text").lower() in UNLABELLED_TYPES:
            continue
        if control.get("aria-label", "").strip():
            continue
        refs = control.get("aria-labelledby", "").split()
        if refs and all(ref in ids for ref in refs):
            continue
        if control.get("id") in labelled or control.find_parent("label") is not None:
            continue
        problems.append(f"unlabelled <{control.name} name={control.get('name')!r}>")
    return problems


def _landmark_problems(soup) -> list[str]:
    problems = []
    viewport = soup.find("meta", attrs={"name": "viewport"})
    if viewport is None or "width=device-width" not in viewport.get("content", ""):
        problems.append("no viewport meta tag")
    mains = soup.find_all("main")
    if len(mains) != 1:
        problems.append(f"{len(mains)} <main> landmarks")
    skip = soup.find("a", class_="skip-link")
    target = skip.get("href", "") if skip else ""
    if not skip or not target.startswith("#") or not skip.get_text(strip=True):
        problems.append("no skip link")
    elif not mains or mains[0].get("id") != target[1:]:
        problems.append(f"skip link {target} does not lead to <main>")
    return problems


def _switcher(soup, language):
    """The switcher's link to `language`, or None."""
    switcher = soup.find(class_="language-switcher")
    if switcher is None:
        return None
    return switcher.find("a", attrs={"hreflang": language})


PERSIAN_LETTERS = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")


LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.@:/_-]*")
NOT_TEXT = ("script", "style", "template", "noscript", "textarea")  # textarea: what was typed
ISOLATED = ("code", "kbd", "samp", "var", "bdi")


def _outside_marked(soup, language: str, pattern, *, directions=("rtl", "auto")) -> list[str]:
    """What `pattern` finds in a page's visible text outside what is marked: as another
    language (`lang`), as shown the way its writer wrote it (`<bdi>`, `dir="auto"`: an
    address, a name, a court's record; `dir="rtl"` in a page read left to right, `"ltr"` in
    one read right to left: codes and numbers to copy), as code (`<code>`, `<kbd>`, `<samp>`,
    `<var>`), or as a drawn icon (`aria-hidden`)."""
    found = []
    body = soup.body or soup
    for string in body.find_all(string=True):
        parent = string.parent
        if parent.name in NOT_TEXT:
            continue
        if any(
            tag.name in ISOLATED
            or tag.get("aria-hidden") == "true"
            or tag.get("dir") in directions
            or tag.get("lang", language) != language
            for tag in [parent, *parent.parents]
            if hasattr(tag, "get") and tag.name != "html"
        ):
            continue
        found += pattern.findall(str(string))
    return found


def _page_problems(soup, language: str, *, dated: bool) -> list[str]:
    """Direction, labels, landmarks and dates of one rendered page."""
    problems = []
    html = soup.find("html")
    direction = "rtl" if language == "fa" else "ltr"
    if html is None or html.get("lang") != language or html.get("dir") != direction:
        attrs = dict(html.attrs) if html else None
        problems.append(f"<html> is {attrs}, expected lang={language} dir={direction}")
    problems += _label_problems(soup)
    problems += _landmark_problems(soup)
    text = _visible_text(soup)
    today = timezone.localdate()
    years = {today.year - 1, today.year, today.year + 1}
    if language == "fa":
        latin = _outside_marked(soup, language, LATIN, directions=("ltr", "auto"))
        if latin:
            problems.append(f"Latin in Persian text: {sorted(set(latin))[:12]}")
        gregorian = _gregorian_in(text, years)
        if gregorian:
            problems.append(f"Gregorian dates in Persian text: {sorted(set(gregorian))}")
        if dated:
            jalali_years = {
                to_persian_digits(jdate.year)
                for jdate in (
                    jdatetime.date.fromgregorian(date=today + dt.timedelta(days=d))
                    for d in (-400, 0, 400)
                )
            }
            if not any(year in text for year in jalali_years):
                problems.append("no Jalali date on a page that shows dates")
    else:
        if dated and not any(str(year) in text for year in years):
            problems.append(f"no Gregorian date on a page in {language} that shows dates")
        persian = _outside_marked(soup, language, PERSIAN_LETTERS)
        if persian:
            problems.append(f"Persian in {language} text: {sorted(set(persian))[:10]}")
        if language == "az" and re.search(r"\b\d{4}-\d{2}-\d{2}\b", text):
            problems.append("ISO dates in Azerbaijani text (it writes dd.mm.yyyy)")
    return problems


def _check(page: Page, language: str) -> list[str]:
    client = Client()
    if page.user is not None:
        client.force_login(page.user)
    if page.session:
        session = client.session
        session.update(page.session)
        session.save()
    url = page.url(language)
    response = client.get(url)
    where = f"{page.name} {url} as {getattr(page.user, 'pk', 'anonymous')}"
    if response.status_code != 200:
        return [f"{where}: status {response.status_code}"]
    if "text/html" not in response["Content-Type"]:
        return [f"{where}: {response['Content-Type']}"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    problems = _page_problems(soup, language, dated=page.dated)
    # The switcher offers the other languages of the page (portal pages: at least fa and en).
    others = (
        sorted(set(page.urls) - {language})
        if page.urls
        else [code for code in ("fa", "en") if code != language]
    )
    for other in others:
        link = _switcher(soup, other)
        if link is None:
            problems.append(f"no switcher link for {other}")
            continue
        if link.get("tabindex", "0").startswith("-"):
            problems.append("switcher link out of the tab order")
        if link.get("lang") != other:
            problems.append(f"switcher link to {other} has lang={link.get('lang')}")
        expected = page.url(other)
        if expected is not None and link.get("href") != expected:
            problems.append(f"switching to {other} leads to {link.get('href')}, not {expected}")

    return [f"{where}: {problem}" for problem in problems]


@pytest.mark.rule("CMS-5")
def test_every_portal_url_pattern_is_rendered_or_is_not_a_page():
    """CMS-5: the pages checked below cover every named URL pattern of the portal apps."""
    names = _portal_pattern_names()
    assert {"accounts:signin", "filings:filing", "notices:notice"} <= names
    assert names - PAGE_NAMES - set(NOT_PAGES) == set()


@pytest.mark.rule("CMS-5")
@pytest.mark.rule("CMS-1")
def test_every_page_in_persian_and_english(pages):
    """CMS-5, CMS-1: every portal page renders in Persian (rtl, Jalali dates, no Gregorian
    date), English and Azerbaijani (ltr, no Persian word outside what is marked as Persian,
    Azerbaijani dates day first); every live page of the public site (and an office's page of the
    directory) renders in its own language (Persian, English, Azerbaijani where it exists).
    Each has labelled controls, a viewport, one <main>, a skip link and a language switcher
    of links that lead to the same page in the other language."""
    names = _portal_pattern_names()
    portal = [page for name, found in pages["portal"].items() if name in names for page in found]
    assert len(portal) >= 25
    cms = pages["cms"]
    assert {"fa", "en"} <= {page.languages[0] for page in cms}
    problems = [problem for page in portal for problem in _check(page, "fa")]
    problems += [problem for page in portal for problem in _check(page, "en")]
    problems += [problem for page in portal for problem in _check(page, "az")]
    problems += [problem for page in cms for problem in _check(page, page.languages[0])]
    assert problems == []


BAD_PAGE = """<!doctype html><html lang="en" dir="ltr"><head><title>x</title></head><body>
<div><p>Issued on 2026-11-23, 23 November 2026</p>
<form><input name="q"><select name="s"></select><label>Kept <textarea></textarea></label>
<input type="hidden" name="h"></form></div></body></html>"""

GOOD_PAGE = """<!doctype html><html lang="fa" dir="rtl"><head>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<a class="skip-link" href="#main">پرش</a><main id="main"><p>۲ آذر ۱۴۰۵ · ۱۴۰۵/۰۹/۰۲</p>
<time datetime="2026-11-23">۲ آذر ۱۴۰۵</time> <bdi>John Smith</bdi> <span dir="ltr">AB-12</span>
<code>SHA</code> <span aria-hidden="true">i</span> <textarea aria-label="متن">typed</textarea>
<label for="q">جستجو</label><input id="q" name="q"><input aria-label="کد" name="c">
<span id="l">روز</span><select aria-labelledby="l" name="d"></select></main></body></html>"""

AZ_PAGE = """<!doctype html><html lang="az" dir="ltr"><head>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<a class="skip-link" href="#main">Keç</a><main id="main"><p>Tarix 2026-11-23,
ünvan: <span dir="auto">تهران</span>, <a lang="fa" href="/">فارسی</a>, məhkəmə شعبه</p>
</main></body></html>"""


def test_the_page_checks_find_what_they_look_for():
    """The checks above would catch a page in the wrong language and direction, with
    Gregorian dates, unlabelled controls, no landmarks, Latin words or digits in Persian
    text, Persian words or ISO dates in Azerbaijani text — and pass a correct one (dates in
    attributes, such as <time datetime>, are not visible text; names, codes and what was
    typed into a field are marked as such)."""
    today = timezone.localdate()
    with_year = BAD_PAGE.replace("2026", str(today.year))
    bad = _page_problems(BeautifulSoup(with_year, "html.parser"), "fa", dated=True)
    assert any(problem.startswith("<html> is") for problem in bad)
    assert "unlabelled <input name='q'>" in bad and "unlabelled <select name='s'>" in bad
    assert {"no viewport meta tag", "0 <main> landmarks", "no skip link"} <= set(bad)
    assert any(problem.startswith("Gregorian dates in Persian text") for problem in bad)
    assert "no Jalali date on a page that shows dates" in bad
    assert any(problem.startswith("Latin in Persian text: ['2026") for problem in bad)
    az = _page_problems(BeautifulSoup(AZ_PAGE, "html.parser"), "az", dated=False)
    assert az == [
        "Persian in az text: ['شعبه']",
        "ISO dates in Azerbaijani text (it writes dd.mm.yyyy)",
    ]
    good = GOOD_PAGE.replace("۱۴۰۵", to_persian_digits(jdatetime.date.today().year))
    assert _page_problems(BeautifulSoup(good, "html.parser"), "fa", dated=True) == []
