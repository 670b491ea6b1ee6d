"""Guides are edited by staff as drafts and published with revisions (CMS-1)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Revision

from cms_pages.models import GuidePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def member_of(group_name):
    """A staff user in one of Wagtail's default groups (Editors draft, Moderators publish)."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.rule("CMS-1")
def test_guide_edit_creates_a_revision_and_publishing_changes_the_live_page(client, seeded):
    """CMS-1: an edit is a new revision; the public sees it only once it is published."""
    editor = member_of("Editors")
    moderator = member_of("Moderators")
    guide = GuidePage.objects.get(pk=seeded.booking_guide.pk)
    revisions_before = guide.revisions.count()
    old_title = guide.title

    guide.title = "نوبت‌گیری اینترنتی از دفاتر خدمات الکترونیک قضایی"
    steps = list(guide.steps.raw_data)
    steps[1]["value"]["title"] = "ثبت‌نام با شماره همراه و ملیت"
    guide.steps = steps
    revision = guide.save_revision(user=editor)

    assert guide.revisions.count() == revisions_before + 1
    assert revision.user == editor
    live = GuidePage.objects.get(pk=guide.pk)
    assert live.title == old_title
    assert live.has_unpublished_changes
    draft_body = client.get(live.url).content.decode()
    assert old_title in draft_body
    assert "ثبت‌نام با شماره همراه و ملیت" not in draft_body

    assert not live.permissions_for_user(editor).can_publish()
    revision.publish(user=moderator)

    live = GuidePage.objects.get(pk=guide.pk)
    assert live.live_revision == revision
    assert not live.has_unpublished_changes
    body = client.get(live.url).content.decode()
    assert "نوبت‌گیری اینترنتی از دفاتر خدمات الکترونیک قضایی" in body
    assert "ثبت‌نام با شماره همراه و ملیت" in body


@pytest.mark.rule("CMS-1")
def test_guide_goes_through_the_default_moderation_workflow(client, seeded):
    """CMS-1: a guide submitted for moderation stays unchanged for the public until a
    moderator approves it, which publishes the submitted revision."""
    editor = member_of("Editors")
    moderator = member_of("Moderators")
    guide = GuidePage.objects.get(pk=seeded.booking_guide.pk)
    workflow = guide.get_workflow()
    assert workflow is not None  # Wagtail's default "Moderators approval" on the whole tree

    old_title = guide.title
    guide.title = "راهنمای بازبینی‌شده"
    guide.save_revision(user=editor)
    state = workflow.start(guide, editor)

    assert GuidePage.objects.get(pk=guide.pk).title == old_title
    assert old_title in client.get(guide.url).content.decode()

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    live = GuidePage.objects.get(pk=guide.pk)
    assert live.title == "راهنمای بازبینی‌شده"
    assert Revision.objects.filter(object_id=str(guide.pk)).count() >= 2


@pytest.mark.rule("CMS-1")
def test_rejected_edit_of_a_translated_guide_stays_off_the_site_until_approved(client, seeded):
    """CMS-1: an edit of the English notice guide submitted for moderation and sent back by
    the moderator ("request changes") never reaches the public; the editor's corrected
    revision, resubmitted and approved, is what goes live — each step a revision of its own."""
    editor = member_of("Editors")
    moderator = member_of("Moderators")
    guide = GuidePage.objects.get(pk=seeded.notices_guide_en.pk)
    live_title = guide.title
    revisions_before = guide.revisions.count()

    guide.title = "Electronic notices (first draft)"
    guide.save_revision(user=editor)
    state = guide.get_workflow().start(guide, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")

    state.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert GuidePage.objects.get(pk=guide.pk).title == live_title
    assert "first draft" not in client.get(guide.url).content.decode()

    guide = GuidePage.objects.get(pk=guide.pk)
    guide.title = "Electronic notices: a step-by-step guide"
    corrected = guide.save_revision(user=editor)
    state.resume(editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    live = GuidePage.objects.get(pk=guide.pk)
    assert live.title == "Electronic notices: a step-by-step guide"
    assert live.live_revision == corrected
    assert live.revisions.count() == revisions_before + 2
    assert live.locale.language_code == "en"
    assert "Electronic notices: a step-by-step guide" in client.get(live.url).content.decode()
