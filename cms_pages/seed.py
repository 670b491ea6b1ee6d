"""The public site's starting pages: the Persian home page (the default Site's root), the
guide index and the guides (appointment booking, seed 001; filing a defence brief, seed 000;
the electronic notice system, seed 003; the cabinet of court cases, "my cases"), the
regulation (seed 004, CMS-2), the office directory (CMS-3) and the published reprimands
(CMS-4), each with its English translation.
When Azerbaijani is one of the site's languages, an Azerbaijani home page and guide index hold
the e-court personal cabinet guide (seed 002). Their text is data, one file per page and
language, in ``cms_pages/content`` (see ``cms_pages.content``).

``seed_pages()`` is idempotent: a page that already exists (found by type, locale and place
in the tree) is left as it is, so running it again creates no page and no revision, and
never overwrites an editor's changes. ``manage.py seed_demo`` calls it.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms_pages import content
from cms_pages.models import (
    GuideIndexPage,
    GuidePage,
    HomePage,
    OfficeDirectoryPage,
    RegulationPage,
    ReprimandIndexPage,
)

BOOKING_GUIDE_SLUG = "book-an-appointment"
GUIDE_INDEX_SLUG = "guides"
HOME_SLUG = "daftar"
REGULATION_SLUG = "regulation"
OFFICES_SLUG = "offices"
REPRIMANDS_SLUG = "reprimands"
REGULATION_SEED = Path(__file__).parent / "seed_data" / "regulation_004.txt"
LAST_REVIEWED = datetime.date(2026, 11, 23)


@dataclass
class SeededPages:
    home: HomePage
    guide_index: GuideIndexPage
    booking_guide: GuidePage
    home_en: HomePage
    guide_index_en: GuideIndexPage
    booking_guide_en: GuidePage
    regulation: RegulationPage
    regulation_en: RegulationPage
    office_directory: OfficeDirectoryPage
    office_directory_en: OfficeDirectoryPage
    reprimands: ReprimandIndexPage
    reprimands_en: ReprimandIndexPage
    defence_guide: GuidePage
    defence_guide_en: GuidePage
    notices_guide: GuidePage
    notices_guide_en: GuidePage
    cases_guide: GuidePage
    cases_guide_en: GuidePage
    # Only when Azerbaijani is one of settings.LANGUAGES.
    home_az: HomePage | None = None
    guide_index_az: GuideIndexPage | None = None
    cabinet_guide_az: GuidePage | None = None


# --- The regulation (seed 004, CMS-2) ---------------------------------------------------------
# The text is the seed's (cms_pages.regulation splits it into articles), restored to the law's
# reading in content/regulation.fa.toml, article by article, and translated in
# content/regulation.en.toml; the short titles of the articles are headings for the table of
# contents, not part of the text.


def seed_regulation(home: HomePage, home_en: HomePage) -> tuple[RegulationPage, RegulationPage]:
    """The regulation under the Persian home page and its English translation (idempotent:
    an existing page is left as its editors made it)."""
    fields, body = content.regulation("fa")
    regulation, _ = _ensure_child(home, RegulationPage, REGULATION_SLUG, {**fields, "body": body})
    fields_en, body_en = content.regulation("en")
    regulation_en, _ = _ensure_translation(
        regulation, home_en.locale, {**fields_en, "body": body_en}
    )
    return regulation, regulation_en


# --- The office directory (CMS-3) ---------------------------------------------------------------
# Only the page's heading and introduction are content; the offices come from the offices app.


def seed_office_directory(
    home: HomePage, home_en: HomePage
) -> tuple[OfficeDirectoryPage, OfficeDirectoryPage]:
    """The directory page under the Persian home page and its English translation
    (idempotent)."""
    directory, _ = _ensure_child(
        home, OfficeDirectoryPage, OFFICES_SLUG, content.page("offices", "fa")
    )
    directory_en, _ = _ensure_translation(directory, home_en.locale, content.page("offices", "en"))
    return directory, directory_en


# --- Published reprimands (CMS-4) -------------------------------------------------------------
# Only the heading and the introduction are content; the entries come from discipline.


def seed_reprimands(
    home: HomePage, home_en: HomePage
) -> tuple[ReprimandIndexPage, ReprimandIndexPage]:
    """The published reprimands page under the Persian home page and its English translation
    (idempotent)."""
    page, _ = _ensure_child(
        home, ReprimandIndexPage, REPRIMANDS_SLUG, content.page("reprimands", "fa")
    )
    page_en, _ = _ensure_translation(page, home_en.locale, content.page("reprimands", "en"))
    return page, page_en


# --- Guides from seeds 000, 003 and 002, and the cabinet's (CMS-1) ---------------------------
DEFENCE_BRIEF_SLUG = "file-a-defence-brief"
NOTICES_SLUG = "electronic-notices"
# The cabinet of court cases (courts, pages under /cases/), written from Daftar's own screens.
MY_CASES_SLUG = "my-cases"
# Seed 002 is published only in Azerbaijani, the language of the source.
CABINET_SLUG = "elektron-sexsi-kabinet"


def _guide_fields(slug, language):
    return {**content.guide(slug, language), "last_reviewed": LAST_REVIEWED}


def seed_guides(guide_index, guide_index_en):
    """The defence-brief (seed 000), electronic-notice (seed 003) and my-cases guides in Persian
    with their English translations (idempotent)."""
    pairs = []
    for slug in (DEFENCE_BRIEF_SLUG, NOTICES_SLUG, MY_CASES_SLUG):
        page, _ = _ensure_child(guide_index, GuidePage, slug, _guide_fields(slug, "fa"))
        page_en, _ = _ensure_translation(page, guide_index_en.locale, content.guide(slug, "en"))
        pairs.append((page, page_en))
    return pairs


def seed_azerbaijani(home, guide_index):
    """An Azerbaijani home page and guide index (translations of the Persian ones) with the
    e-court personal cabinet guide of seed 002, which exists only in Azerbaijani. Nothing is
    made unless Azerbaijani is one of the site's languages."""
    if "az" not in dict(settings.LANGUAGES):
        return None, None, None
    az, _ = Locale.objects.get_or_create(language_code="az")
    home_az, created = _ensure_translation(
        home, az, {**content.page("home", "az"), "highlights": []}
    )
    guide_index_az, _ = _ensure_translation(guide_index, az, content.page("guides", "az"))
    cabinet, _ = _ensure_child(
        guide_index_az, GuidePage, CABINET_SLUG, _guide_fields(CABINET_SLUG, "az")
    )
    if created:
        pages = {"guide_index": guide_index_az, "cabinet_guide": cabinet}
        home_az = _publish(home_az, highlights=content.highlights("home", "az", pages))
    return home_az, guide_index_az, cabinet


# --- Building ---------------------------------------------------------------------------------


def _publish(page, **fields):
    """Set ``fields`` on a fresh copy of the page, save them as a revision and publish it.

    The copy is read again from the database first: a revision is applied to the instance it
    was made from, and a stale instance would write back stale tree fields (numchild) and
    hide the children added since it was loaded."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _ensure_default_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Daftar"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Daftar"
        site.save()


def _remove_wagtail_welcome_page():
    """Wagtail's installation creates a plain "Welcome to your new Wagtail site!" page; once
    the home page is the Site root it is an orphan and is removed (only if untouched)."""
    page_type = ContentType.objects.get_for_model(Page)
    for welcome in Page.objects.filter(depth=2, content_type=page_type, numchild=0):
        if not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()


def _ensure_home(locale):
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            slug=HOME_SLUG, locale=locale, show_in_menus=True, **content.page("home", "fa")
        )
    )
    return home, True


def _ensure_child(parent, model, slug, fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    parent = Page.objects.get(pk=parent.pk)  # current tree fields, see _publish
    page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields))
    return _publish(page), True


def _ensure_translation(page, locale, fields, *, slug=None):
    """The page's translation into ``locale``, created with ``fields`` and published."""
    existing = page.get_translations().filter(locale=locale).first()
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(locale).specific
    if slug:
        fields = {**fields, "slug": slug}
    return _publish(translation, **fields), True


@transaction.atomic
def seed_pages() -> SeededPages:
    fa, _ = Locale.objects.get_or_create(language_code="fa")
    en, _ = Locale.objects.get_or_create(language_code="en")

    home, home_created = _ensure_home(fa)
    _ensure_default_site(home)
    _remove_wagtail_welcome_page()

    guide_index, _ = _ensure_child(
        home, GuideIndexPage, GUIDE_INDEX_SLUG, content.page("guides", "fa")
    )
    booking_guide, _ = _ensure_child(
        guide_index, GuidePage, BOOKING_GUIDE_SLUG, _guide_fields(BOOKING_GUIDE_SLUG, "fa")
    )
    if home_created:
        pages = {"guide_index": guide_index, "booking_guide": booking_guide}
        home = _publish(home, highlights=content.highlights("home", "fa", pages))

    home_en, home_en_created = _ensure_translation(
        home, en, {**content.page("home", "en"), "highlights": []}
    )
    guide_index_en, _ = _ensure_translation(guide_index, en, content.page("guides", "en"))
    booking_guide_en, _ = _ensure_translation(
        booking_guide, en, content.guide(BOOKING_GUIDE_SLUG, "en")
    )
    if home_en_created:
        pages = {"guide_index": guide_index_en, "booking_guide": booking_guide_en}
        home_en = _publish(home_en, highlights=content.highlights("home", "en", pages))

    regulation, regulation_en = seed_regulation(home, home_en)
    office_directory, office_directory_en = seed_office_directory(home, home_en)
    reprimands, reprimands_en = seed_reprimands(home, home_en)
    guides = seed_guides(guide_index, guide_index_en)
    (defence, defence_en), (notices, notices_en), (cases, cases_en) = guides
    home_az, guide_index_az, cabinet_az = seed_azerbaijani(home, guide_index)

    return SeededPages(
        home=home,
        guide_index=guide_index,
        booking_guide=booking_guide,
        home_en=home_en,
        guide_index_en=guide_index_en,
        booking_guide_en=booking_guide_en,
        regulation=regulation,
        regulation_en=regulation_en,
        office_directory=office_directory,
        office_directory_en=office_directory_en,
        reprimands=reprimands,
        reprimands_en=reprimands_en,
        defence_guide=defence,
        defence_guide_en=defence_en,
        notices_guide=notices,
        notices_guide_en=notices_en,
        cases_guide=cases,
        cases_guide_en=cases_en,
        home_az=home_az,
        guide_index_az=guide_index_az,
        cabinet_guide_az=cabinet_az,
    )
