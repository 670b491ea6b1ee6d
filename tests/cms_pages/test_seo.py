"""What search engines and link previews read (cms_pages.seo): a sitemap per language,
robots.txt pointing to them, and canonical, hreflang and Open Graph links on every page;
and Wagtail's scheduled publishing, run by the sweep."""

import datetime as dt
import re

import pytest
import time_machine
from bs4 import BeautifulSoup

from cms_pages.models import StandardPage
from core import sweeping
from tests.factories.offices import OfficeFactory

pytestmark = pytest.mark.django_db

SITE = "http://localhost"  # the seeded Wagtail site's address (Site.root_url)


def locations(response) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def head(response):
    return BeautifulSoup(response.content.decode(), "html.parser").head


def hreflangs(response) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in head(response).find_all("link", rel="alternate")
        if link.get("hreflang")
    }


def every_language(path: str) -> dict[str, str]:
    """The hreflang links of a page published in all three languages (Persian unprefixed)."""
    return {
        "fa": f"{SITE}{path}",
        "en": f"{SITE}/en{path}",
        "az": f"{SITE}/az{path}",
        "x-default": f"{SITE}{path}",
    }


def og(response, name: str) -> list[str]:
    return [tag["content"] for tag in head(response).find_all("meta", property=f"og:{name}")]


# --- Sitemaps and robots.txt -------------------------------------------------------------------
@pytest.mark.rule("CMS-5")
def test_sitemap_index_lists_one_sitemap_per_language(client, seeded):
    """CMS-5: /sitemap.xml is an index of the Persian, English and Azerbaijani sitemaps."""
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert sorted(locations(response)) == [
        "http://testserver/sitemap-az.xml",
        "http://testserver/sitemap-en.xml",
        "http://testserver/sitemap-fa.xml",
    ]


@pytest.mark.rule("CMS-5")
@pytest.mark.rule("CMS-3")
def test_each_languages_sitemap_lists_the_live_pages_of_that_language(client, seeded):
    """CMS-5, CMS-3: a language's sitemap has the live pages of its tree, each once, at the
    site's address, the office directory with every office's page; not the other languages'
    pages, nor a draft."""
    office = OfficeFactory()
    draft = seeded.home.add_child(
        instance=StandardPage(title="پیش‌نویس", slug="draft-page", live=False)
    )

    persian = locations(client.get("/sitemap-fa.xml"))
    english = locations(client.get("/sitemap-en.xml"))
    azerbaijani = locations(client.get("/sitemap-az.xml"))

    assert f"{SITE}/" in persian and f"{SITE}/regulation/" in persian
    assert seeded.booking_guide.get_full_url() in persian
    assert len(persian) == len(set(persian))
    assert draft.get_full_url() not in persian
    directory = seeded.office_directory.get_full_url()
    assert directory in persian and f"{directory}{office.code}/" in persian
    assert f"{SITE}/en/" in english and seeded.regulation_en.get_full_url() in english
    assert all(url.startswith(f"{SITE}/en/") for url in english)
    assert f"{SITE}/az/" in azerbaijani
    assert all(url.startswith(f"{SITE}/az/") for url in azerbaijani)
    unknown = client.get("/sitemap-xx.xml")
    assert unknown.status_code == 404 and b"<urlset" not in unknown.content


def test_robots_txt_points_to_the_sitemaps_and_keeps_crawlers_out_of_the_admin(client, seeded):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert {"Disallow: /admin/", "Disallow: /django-admin/", "Disallow: /api/"} <= set(lines)
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: {SITE}/sitemap-fa.xml",
        f"Sitemap: {SITE}/sitemap-en.xml",
        f"Sitemap: {SITE}/sitemap-az.xml",
    ]


# --- Canonical, hreflang and Open Graph --------------------------------------------------------
@pytest.mark.rule("CMS-5")
def test_a_cms_page_links_its_canonical_address_and_its_translations(client, seeded):
    """CMS-5: the Persian regulation names itself canonical and links its English
    translation (and itself) by hreflang, Persian being x-default; Open Graph gives its
    title, description, address and locale."""
    response = client.get("/regulation/")

    assert response.status_code == 200
    canonical = head(response).find("link", rel="canonical")["href"]
    assert canonical == f"{SITE}/regulation/"
    assert hreflangs(response) == {
        "fa": f"{SITE}/regulation/",
        "en": seeded.regulation_en.get_full_url(),
        "x-default": f"{SITE}/regulation/",
    }
    assert og(response, "title") == [seeded.regulation.title]
    assert og(response, "url") == [canonical]
    assert og(response, "type") == ["article"]
    assert og(response, "locale") == ["fa_IR"]
    assert og(response, "locale:alternate") == ["en_GB"]
    assert og(response, "description") == [seeded.regulation.search_description]

    english = client.get(seeded.regulation_en.url)
    assert head(english).find("link", rel="canonical")["href"] == (
        seeded.regulation_en.get_full_url()
    )
    assert hreflangs(english) == hreflangs(response)
    assert og(english, "locale") == ["en_GB"]


@pytest.mark.rule("CMS-5")
def test_the_home_page_links_all_three_languages(client, seeded):
    response = client.get("/en/")

    assert response.status_code == 200
    assert hreflangs(response) == every_language("/")
    assert og(response, "type") == ["website"]
    assert og(response, "title") == [seeded.home_en.title]


@pytest.mark.rule("CMS-5")
def test_a_portal_page_links_the_same_view_in_every_language(client, seeded):
    """CMS-5: a page outside the CMS (the sign-in) has the same links: canonical without the
    query, each language at the same view under its prefix."""
    response = client.get("/en/accounts/signin/?next=/en/")

    assert response.status_code == 200
    assert head(response).find("link", rel="canonical")["href"] == f"{SITE}/en/accounts/signin/"
    assert hreflangs(response) == every_language("/accounts/signin/")
    assert og(response, "site_name") == ["Daftar"]
    assert og(response, "locale") == ["en_GB"]


# --- Scheduled publishing ----------------------------------------------------------------------
@pytest.mark.rule("CMS-1")
def test_a_page_scheduled_for_tomorrow_goes_live_when_the_sweep_runs_tomorrow(client, seeded):
    """CMS-1: an editor schedules a page for tomorrow 08:00; today's sweep leaves it
    unpublished, the first sweep after its time publishes it (Wagtail's publish_scheduled,
    run by `manage.py sweep`)."""
    today = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    go_live = today + dt.timedelta(days=1) - dt.timedelta(hours=1)
    with time_machine.travel(today, tick=False):
        page = seeded.home.add_child(
            instance=StandardPage(title="اطلاعیه فردا", slug="tomorrow", live=False)
        )
        page.go_live_at = go_live
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live and page.has_unpublished_changes

        assert sweeping.run_all(only=["cms_pages.publish_scheduled"]) == {
            "cms_pages.publish_scheduled": 0
        }
        page.refresh_from_db()
        assert not page.live
        assert client.get("/tomorrow/").status_code == 404

    with time_machine.travel(go_live + dt.timedelta(minutes=5), tick=False):
        assert sweeping.run_all(only=["cms_pages.publish_scheduled"]) == {
            "cms_pages.publish_scheduled": 1
        }
        page.refresh_from_db()
        assert page.live and page.go_live_at == go_live
        response = client.get("/tomorrow/")
        assert response.status_code == 200
        assert "اطلاعیه فردا" in response.content.decode()

        assert sweeping.run_all(only=["cms_pages.publish_scheduled"]) == {
            "cms_pages.publish_scheduled": 0
        }
