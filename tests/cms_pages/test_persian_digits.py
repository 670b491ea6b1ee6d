"""Persian pages speak Persian: no Latin digit and no English word outside proper names and
codes, on the public pages and the portal's (CMS-5)."""

import pytest
from django.test import Client

from tests.factories.offices import operational_office
from tests.factories.pages import latin, people_names, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _licence_state_from_the_office_flag(settings):
    settings.OFFICES = {
        **settings.OFFICES,
        "LICENCE_STATUS_PROVIDER": "offices.licence.FieldLicenceStatus",
    }


@pytest.mark.rule("CMS-5")
def test_public_persian_pages_show_persian_digits_and_words(seeded):
    office = operational_office(name_fa="دفتر آزمایشی ونک", name_en="Vanak test office")
    office.address = "تهران، خیابان ولیعصر، پلاک 4، طبقه 2"
    office.save()
    web = Client()
    pages = {
        "guides": seeded.guide_index.url,
        "guide": seeded.booking_guide.url,
        "directory": seeded.office_directory.url,
        "office": f"{seeded.office_directory.url}{office.code}/",
    }
    offenders = {}
    for name, url in pages.items():
        response = web.get(url)
        assert response.status_code == 200, name
        found = latin(visible_text(response.content.decode()), people_names())
        if found:
            offenders[name] = found[:10]
    assert offenders == {}
