"""The case page's one timeline (CAS-4): filings, court acts, hearings, notices and
enforcement files, newest first, as the viewer may see them."""

from django.utils.translation import gettext as _

from courts import selectors
from courts.timeline import Entry, providers
from notices.selectors import notices_visible_to


def of_case(case, viewer) -> list[Entry]:
    entries: list[Entry] = []
    for hearing in selectors.hearings(case):
        entries.append(
            Entry(
                at=hearing.starts_at,
                kind="hearing",
                title=_("Hearing: %(status)s") % {"status": hearing.get_status_display()},
                detail=hearing.result or hearing.room or hearing.online_link,
                object_id=hearing.pk,
            )
        )
    for act in selectors.acts(case):
        entries.append(
            Entry(
                at=act.issued_at,
                kind="act",
                title=f"{act.get_kind_display()}: {act.title}",
                detail=act.verification_code,
                object_id=act.pk,
                code=True,
            )
        )
    for enforcement in selectors.enforcements(case):
        entries.append(
            Entry(
                at=enforcement.opened_at,
                kind="enforcement",
                title=_("Enforcement file %(number)s") % {"number": enforcement.number},
                detail=enforcement.get_status_display(),
                object_id=enforcement.pk,
            )
        )
    notices = notices_visible_to(viewer).filter(case_number=case.number)
    for notice in notices.order_by("-issued_at")[:200]:
        entries.append(
            Entry(
                at=notice.issued_at,
                kind="notice",
                title=notice.subject,
                detail=notice.notice_number,
                object_id=notice.pk,
            )
        )
    for provider in providers():
        entries.extend(provider(case, viewer))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries
