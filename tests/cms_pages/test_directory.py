"""The office directory inside the public site, read live from the offices data (CMS-3)."""

import re

import pytest

from offices.models import Office
from tests.factories.offices import OfficeFactory, operational_office, province

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _licence_state_from_the_office_flag(settings):
    """The licence state comes from `Office.licence_active` (the offices app's default
    provider); the licensing app's provider is proven by its own tests."""
    settings.OFFICES = {
        **settings.OFFICES,
        "LICENCE_STATUS_PROVIDER": "offices.licence.FieldLicenceStatus",
    }


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.rule("CMS-3")
def test_an_office_created_in_the_database_appears_without_any_copying(client, seeded):
    """CMS-3: an office saved in the offices data is in the directory and has its page at
    once; no page is created for it in the CMS, and a change to it shows on the next view."""
    office = operational_office(name_fa="دفتر آزمایشی ونک", name_en="Vanak test office")
    pages_before = seeded.office_directory.get_children().count()

    response = client.get(seeded.office_directory.url)

    assert response.status_code == 200
    body = response.content.decode()
    assert "دفتر آزمایشی ونک" in body
    office_url = f"{seeded.office_directory.url}{office.code}/"
    assert f'href="{office_url}"' in body
    assert seeded.office_directory.get_children().count() == pages_before == 0

    Office.objects.filter(pk=office.pk).update(address="میدان ونک، ساختمان نمونه")
    page = client.get(office_url)
    assert page.status_code == 200
    assert "میدان ونک، ساختمان نمونه" in page.content.decode()


@pytest.mark.rule("CMS-3")
def test_office_page_has_address_phone_hours_services_map_and_booking_link(client, seeded):
    """CMS-3, OFF-6: each office's page shows its address, phone, weekly hours (Saturday
    first, Friday closed), services, an OpenStreetMap link (no external script) and the link
    to book an appointment."""
    office = operational_office()

    response = client.get(f"{seeded.office_directory.url}{office.code}/")

    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="rtl"' in html_tag(response)
    assert office.name_fa in body and office.address in body
    assert f'href="tel:{office.phone}"' in body
    assert f"https://www.openstreetmap.org/?mlat={office.latitude}&amp;mlon={office.longitude}" in (
        body
    )
    # The map is a link, not a third party's script: the page's scripts are the site's own.
    scripts = re.findall(r"<script\b[^>]*>", body)
    assert scripts and all('src="/static/' in tag for tag in scripts)
    assert "۰۸:۰۰–۱۶:۰۰" in body  # hours in Persian digits
    rows = re.findall(r'<th scope="row">([^<]+)</th>', body)
    assert len(rows) == 7
    assert all(service.name_fa in body for service in office.services.all())
    assert f'href="/appointments/office/{office.code}/"' in body


@pytest.mark.rule("CMS-3")
@pytest.mark.rule("OFF-2")
def test_a_non_operational_office_shows_why(client, seeded):
    """CMS-3, OFF-2: an office without the staff of art. 15 is listed as not operational,
    with every reason and its article, and its page offers no booking."""
    office = OfficeFactory(name_fa="دفتر بدون کارکنان")

    listing = client.get(seeded.office_directory.url, {"code": office.code})
    body = listing.content.decode()

    assert "دفتر بدون کارکنان" in body
    assert 'data-reason="no_manager"' in body
    assert 'data-reason="clerk_missing"' in body
    page = client.get(f"{seeded.office_directory.url}{office.code}/").content.decode()
    assert 'data-reason="no_manager"' in page
    assert "/appointments/office/" not in page


@pytest.mark.rule("CMS-3")
def test_search_by_province_city_service_name_and_code(client, seeded):
    """CMS-3: the search form filters with the directory's own filter (province, city,
    service, name, code); a city outside the province is a readable error, not a 500."""
    tehran = OfficeFactory(name_fa="دفتر تهران مرکزی", name_en="Tehran central")
    isfahan = OfficeFactory(
        province=province("isfahan"),
        name_fa="دفتر اصفهان",
        name_en="Isfahan office",
    )
    url = seeded.office_directory.url

    def names(params):
        body = client.get(url, params).content.decode()
        return {code for code in (tehran.code, isfahan.code) if f'data-office="{code}"' in body}

    assert names({"province": "isfahan"}) == {isfahan.code}
    assert names({"city": str(tehran.city_id)}) == {tehran.code}
    assert names({"name": "مرکزی"}) == {tehran.code}
    assert names({"code": isfahan.code}) == {isfahan.code}
    assert names({"service": "petition"}) == {tehran.code, isfahan.code}

    response = client.get(url, {"province": "isfahan", "city": str(tehran.city_id)})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


@pytest.mark.rule("CMS-3")
@pytest.mark.rule("CMS-5")
def test_english_directory_is_left_to_right_and_keeps_the_office_on_language_switch(client, seeded):
    """CMS-3, CMS-5: the English directory lists English names, left to right; the language
    switcher on an office's page leads to the same office in the other language."""
    office = operational_office(name_en="Saadat Abad office")

    response = client.get(f"{seeded.office_directory_en.url}{office.code}/")

    assert response.status_code == 200
    assert seeded.office_directory_en.url.startswith("/en/")
    assert 'dir="ltr"' in html_tag(response)
    body = response.content.decode()
    assert "Saadat Abad office" in body
    assert f'href="/offices/{office.code}/" hreflang="fa"' in body
    assert 'href="/en/appointments/office/' in body


@pytest.mark.rule("CMS-3")
def test_home_page_and_navigation_link_to_the_directory_and_the_regulation(client, seeded):
    body = client.get("/").content.decode()

    assert 'data-link="office-directory"' in body
    assert f'href="{seeded.office_directory.url}"' in body
    assert f'href="{seeded.regulation.url}"' in body


@pytest.mark.rule("CMS-5")
def test_directory_page_names_the_offices_api(api, seeded):
    """CMS-5: headless clients find the directory page and, on it, the offices API."""
    response = api.get(
        "/api/cms/v2/pages/?type=cms_pages.OfficeDirectoryPage&locale=fa&fields=directory_api"
    )

    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["directory_api"] == "/api/v1/offices/"
