"""Blocks of the guides and home page (CMS-1)."""

import pytest
from django.core.exceptions import ValidationError

from cms_pages.blocks import LinkBlock
from cms_pages.models import GuidePage

pytestmark = pytest.mark.django_db


def test_link_needs_exactly_one_target(seeded):
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "x", "page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "x", "page": seeded.home.pk, "url": "/api/docs/"}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "x", "page": None, "url": "javascript:alert(1)"}))
    assert block.clean(block.to_python({"title": "x", "page": None, "url": "/api/docs/"}))


@pytest.mark.rule("CMS-1")
def test_step_groups_number_steps_across_callouts(seeded):
    """CMS-1: steps are numbered 1..n through the guide, callouts keep their place."""
    guide = GuidePage.objects.get(pk=seeded.booking_guide.pk)

    groups = guide.step_groups()

    kinds = [group["kind"] for group in groups]
    assert kinds == ["callout", "steps", "callout", "steps"]
    numbers = [item["number"] for g in groups if g["kind"] == "steps" for item in g["items"]]
    assert numbers == list(range(1, 9))
    assert groups[3]["start"] == 8
    assert guide.step_count() == 8


@pytest.mark.rule("CMS-1")
def test_guides_are_found_by_wagtail_search(seeded):
    """CMS-1: the text of the steps is indexed, in both languages."""
    assert seeded.booking_guide.pk in [p.pk for p in GuidePage.objects.live().search("شناسنامه")]
    assert seeded.booking_guide_en.pk in [p.pk for p in GuidePage.objects.live().search("receipt")]
