"""The pages API serves every public page headless, anonymously (CMS-5)."""

import pytest
from wagtail.models import Locale

from cms_pages.models import GuidePage

pytestmark = pytest.mark.django_db

GUIDES_URL = "/api/cms/v2/pages/?type=cms_pages.GuidePage&fields=steps,summary,last_reviewed"


@pytest.mark.rule("CMS-5")
def test_pages_api_lists_the_guide_with_its_steps_anonymously(api, seeded):
    """CMS-5: GET /api/cms/v2/pages/?type=cms_pages.GuidePage&fields=steps needs no sign-in
    and gives the steps with their notes and warnings."""
    response = api.get(GUIDES_URL + "&locale=fa")

    assert response.status_code == 200
    items = response.json()["items"]
    guide = next(item for item in items if item["id"] == seeded.booking_guide.pk)
    assert guide["title"] == seeded.booking_guide.title
    assert guide["last_reviewed"] == "2026-11-23"
    types = [block["type"] for block in guide["steps"]]
    assert types.count("step") == 8
    assert "warning" in types and "note" in types
    first_step = next(block["value"] for block in guide["steps"] if block["type"] == "step")
    assert set(first_step) == {"title", "body", "image", "notes", "warnings"}
    assert first_step["notes"]
    warning = next(block["value"] for block in guide["steps"] if block["type"] == "warning")
    assert "یک هفته" in warning["text"]


@pytest.mark.rule("CMS-5")
def test_english_translation_of_the_guide_exists_and_is_served(api, seeded):
    """CMS-5: the guide has a published English translation, linked to the Persian one."""
    english = seeded.booking_guide.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    assert english.translation_key == seeded.booking_guide.translation_key
    assert english.title == "How to book an appointment at a judicial e-services office"

    response = api.get(GUIDES_URL + "&locale=en")
    items = response.json()["items"]
    assert english.title in [item["title"] for item in items]
    assert {item["meta"]["locale"] for item in items} == {"en"}


@pytest.mark.rule("CMS-5")
def test_pages_api_hides_drafts(api, seeded):
    """CMS-5: only what is public is available headless; a draft guide is not."""
    draft = GuidePage(
        title="پیش‌نویس",
        slug="draft-guide",
        summary="هنوز منتشر نشده",
        steps=[],
        live=False,
    )
    seeded.guide_index.add_child(instance=draft)

    ids = [item["id"] for item in api.get(GUIDES_URL).json()["items"]]

    assert draft.pk not in ids
    assert api.get(f"/api/cms/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.rule("CMS-5")
def test_home_page_highlights_in_the_api(api, seeded):
    """CMS-5: the home page's fields, with link targets resolved."""
    response = api.get(f"/api/cms/v2/pages/{seeded.home.pk}/")

    assert response.status_code == 200
    hrefs = [block["value"]["href"] for block in response.json()["highlights"]]
    assert "/guides/" in hrefs
    assert "/api/docs/" in hrefs
