"""seed_pages() builds the public site once and is safe to run again."""

import pytest
from wagtail.models import Locale, Page, Revision, Site

from cms_pages.models import GuidePage, HomePage
from cms_pages.seed import seed_pages

pytestmark = pytest.mark.django_db


@pytest.mark.rule("CMS-5")
def test_seed_makes_the_persian_home_page_the_default_site_root(seeded):
    """CMS-5: Persian is the default language of the site; English pages are translations."""
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific == seeded.home
    assert seeded.home.locale.language_code == "fa"
    assert seeded.home_en.locale.language_code == "en"
    assert seeded.home_en.translation_key == seeded.home.translation_key
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"fa", "en"}
    # Wagtail's "Welcome" page is gone: the root holds only the home pages.
    assert {p.specific_class for p in Page.get_first_root_node().get_children()} == {HomePage}


@pytest.mark.rule("CMS-1")
def test_seeded_pages_are_published_with_a_revision(seeded):
    """CMS-1: every seeded page is live and its live content is a revision."""
    pages = [page for page in vars(seeded).values() if page is not None]
    assert len(pages) == 21  # fa and en: 9 pages each; az: home, guide index, cabinet guide
    for page in pages:
        page.refresh_from_db()
        assert page.live
        assert page.live_revision_id is not None
        assert not page.has_unpublished_changes


def test_seed_twice_changes_nothing(seeded):
    pages = Page.objects.count()
    revisions = Revision.objects.count()
    guide = GuidePage.objects.get(pk=seeded.booking_guide.pk)

    again = seed_pages()

    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert again.booking_guide.pk == guide.pk
    assert GuidePage.objects.get(pk=guide.pk).latest_revision_id == guide.latest_revision_id


def test_seed_keeps_an_editors_changes(seeded):
    guide = GuidePage.objects.get(pk=seeded.booking_guide.pk)
    guide.title = "عنوان ویرایش‌شده"
    guide.save_revision().publish()

    seed_pages()

    assert GuidePage.objects.get(pk=guide.pk).title == "عنوان ویرایش‌شده"
