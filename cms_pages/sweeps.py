"""The public site's sweep: Wagtail's scheduled publishing.

An editor may schedule a page (or any draftable object) to go live at a time, or to expire:
Wagtail's `publish_scheduled` command does both, and the sweep runs it, so a page scheduled for
tomorrow goes live at the first sweep after its time."""

from datetime import datetime
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from wagtail.models import DraftStateMixin, Page, Revision

from core.sweeping import sweep


def _draftable_models() -> list:
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def due(now: datetime) -> int:
    """How many objects are due to expire and revisions due to go live at `now`."""
    expiring = sum(
        model.objects.filter(live=True, expire_at__lt=now).count() for model in _draftable_models()
    )
    return expiring + Revision.objects.filter(approved_go_live_at__lt=now).count()


@sweep("cms_pages.publish_scheduled")
def publish_scheduled(now: datetime) -> int:
    """Publish what is scheduled to go live and unpublish what has expired (Wagtail's own
    command, which compares with the current time); the number of objects it changed."""
    count = due(now)
    if count:
        call_command("publish_scheduled", stdout=StringIO())
    return count
