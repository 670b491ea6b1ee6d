"""Viewing is service; deemed service; the service API other apps call (NOT-4, NOT-5, NOT-8)."""

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from core import sweeping
from core.exceptions import Forbidden, NotFound
from core.models import TransitionLog
from notices import services
from notices.calendars import CalendarDays, WorkingDays, get_calendar
from notices.models import Holiday, Notice, NoticeView, ServiceKind
from tests.factories import UserFactory
from tests.factories.notices import BranchFactory, NoticeFactory

TEHRAN = ZoneInfo("Asia/Tehran")
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=TEHRAN)


def log_rows(notice, transition=None):
    ct = ContentType.objects.get_for_model(Notice)
    qs = TransitionLog.objects.filter(content_type=ct, object_id=str(notice.pk))
    return qs.filter(transition=transition) if transition else qs


@pytest.mark.django_db
@pytest.mark.rule("NOT-4")
def test_first_view_is_recorded_once_and_later_views_only_count(issue, recipient):
    """NOT-4: the first view time is recorded once and never changes; each later view only
    increases the count. The first view serves the notice (kind: first view)."""
    with time_machine.travel(T0, tick=False):
        notice = issue()
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        first = services.view_notice(actor=recipient, notice_id=notice.pk)
    assert first.first_viewed_at == T0 + timedelta(hours=2)
    assert first.first_viewed_by == recipient
    assert first.view_count == 1
    assert first.status == Notice.Status.SERVED
    assert services.served_at(first) == (T0 + timedelta(hours=2), ServiceKind.FIRST_VIEW)

    for hours in (5, 30, 400):
        with time_machine.travel(T0 + timedelta(hours=hours), tick=False):
            again = services.view_notice(actor=recipient, notice_id=notice.pk)
        assert again.first_viewed_at == T0 + timedelta(hours=2)
        assert again.served_at == T0 + timedelta(hours=2)
    assert again.view_count == 4
    assert again.delivered_at == T0
    assert list(NoticeView.objects.filter(notice=notice).values_list("first", flat=True)) == [
        True,
        False,
        False,
        False,
    ]
    assert log_rows(notice).count() == 1
    assert log_rows(notice, "serve_on_first_view").get().actor == recipient


@pytest.mark.django_db
@pytest.mark.rule("NOT-8")
def test_only_the_recipient_side_view_counts(issue, recipient, clerk, stranger):
    """NOT-8: the issuer can read the notice but its reading is not a view (403); a
    stranger does not even learn it exists (404)."""
    notice = issue()
    with pytest.raises(Forbidden):
        services.view_notice(actor=clerk, notice_id=notice.pk)
    with pytest.raises(NotFound):
        services.view_notice(actor=stranger, notice_id=notice.pk)
    notice.refresh_from_db()
    assert notice.first_viewed_at is None and notice.view_count == 0


@pytest.mark.django_db
@pytest.mark.rule("NOT-8")
@pytest.mark.rule("NOT-4")
def test_reading_endpoints_never_serve(issue, recipient, client_for):
    """NOT-8: listing, the detail, the service info and the count never mark a view (a
    prefetcher or scanner following URLs cannot serve); only POST .../view/ does. Until it is
    opened, the detail hides the content from the recipient."""
    notice = issue()
    api = client_for(recipient)
    for url in (
        "/api/v1/notices/",
        f"/api/v1/notices/{notice.pk}/",
        f"/api/v1/notices/{notice.pk}/service/",
        "/api/v1/notices/unseen-count/",
    ):
        assert api.get(url).status_code == 200
        assert api.head(url).status_code == 200
    detail = api.get(f"/api/v1/notices/{notice.pk}/").json()
    assert detail["seen"] is False
    assert detail["body"] is None and detail["subject"] is None and detail["attachments"] is None
    notice.refresh_from_db()
    assert notice.first_viewed_at is None and notice.view_count == 0

    opened = api.post(f"/api/v1/notices/{notice.pk}/view/")
    assert opened.status_code == 200
    assert opened.json()["body"] == notice.body
    assert opened.json()["service"]["service_kind"] == "first_view"
    assert api.get(f"/api/v1/notices/{notice.pk}/").json()["view_count"] == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.rule("NOT-4")
def test_two_simultaneous_first_views_leave_one(recipient):
    """NOT-4: two first opens at the same moment (real threads, PostgreSQL) record one first
    view, one service transition, and count two views."""
    for _round in range(5):
        notice = NoticeFactory(recipient_user=recipient)
        barrier = threading.Barrier(2)
        errors = []

        def open_it(notice_pk=notice.pk, barrier=barrier, errors=errors):
            try:
                barrier.wait(timeout=10)
                services.view_notice(actor=recipient, notice_id=notice_pk)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=open_it) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert not errors, errors
        notice.refresh_from_db()
        assert notice.view_count == 2
        assert NoticeView.objects.filter(notice=notice, first=True).count() == 1
        assert NoticeView.objects.filter(notice=notice).count() == 2
        first_view = NoticeView.objects.get(notice=notice, first=True)
        assert notice.first_viewed_at == first_view.viewed_at
        assert notice.served_at == notice.first_viewed_at
        assert log_rows(notice).count() == 1


@pytest.mark.django_db
@pytest.mark.rule("NOT-5")
def test_unviewed_notice_is_deemed_served_at_the_end_of_the_period(issue, settings):
    """NOT-5: not visited within the period (10 days) → deemed served at exactly the end of
    the period, even when the sweep runs days late; a second run changes nothing more."""
    assert settings.NOTICES["DEEMED_SERVICE_DAYS"] == 10
    with time_machine.travel(T0, tick=False):
        notice = issue()
    end = T0 + timedelta(days=10)

    with time_machine.travel(end - timedelta(seconds=1), tick=False):
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 0}
        assert services.served_at(notice) == (None, None)
    notice.refresh_from_db()
    assert notice.status == Notice.Status.PENDING

    late = end + timedelta(days=3, hours=7)
    with time_machine.travel(late, tick=False):
        # Before the sweep runs, other apps already get the right answer.
        assert services.served_at(notice) == (end, ServiceKind.DEEMED)
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 1}
    notice.refresh_from_db()
    assert notice.deemed_served_at == end
    assert notice.served_at == end
    assert notice.service_kind == ServiceKind.DEEMED
    assert notice.first_viewed_at is None
    history_rows = notice.history.count()

    with time_machine.travel(late + timedelta(days=1), tick=False):
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 0}
    notice.refresh_from_db()
    assert notice.deemed_served_at == end
    assert notice.history.count() == history_rows
    assert log_rows(notice, "deem_served").count() == 1


@pytest.mark.django_db
@pytest.mark.rule("NOT-5")
@pytest.mark.rule("NOT-4")
def test_view_after_the_period_does_not_restart_the_clock(issue, recipient):
    """NOT-5: a first view after the deemed-service moment (before a late sweep) records
    the view, but the notice stays deemed served at the end of the period."""
    with time_machine.travel(T0, tick=False):
        notice = issue()
    end = T0 + timedelta(days=10)
    with time_machine.travel(end + timedelta(hours=1), tick=False):
        viewed = services.view_notice(actor=recipient, notice_id=notice.pk)
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 0}
    assert viewed.first_viewed_at == end + timedelta(hours=1)
    assert (viewed.served_at, viewed.service_kind) == (end, ServiceKind.DEEMED)


@pytest.mark.django_db
@pytest.mark.rule("NOT-5")
def test_viewed_notice_is_never_deemed(issue, recipient):
    """NOT-5: a notice opened within the period is served by that view, never deemed."""
    with time_machine.travel(T0, tick=False):
        notice = issue()
    with time_machine.travel(T0 + timedelta(days=9, hours=23), tick=False):
        services.view_notice(actor=recipient, notice_id=notice.pk)
    with time_machine.travel(T0 + timedelta(days=30), tick=False):
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 0}
    notice.refresh_from_db()
    assert notice.service_kind == ServiceKind.FIRST_VIEW
    assert notice.deemed_served_at is None


@pytest.mark.django_db
@pytest.mark.rule("NOT-5")
def test_period_is_fixed_at_issue(issue, settings):
    """NOT-5: changing the setting later does not move the deemed moment of old notices."""
    with time_machine.travel(T0, tick=False):
        notice = issue()
    settings.NOTICES = {**settings.NOTICES, "DEEMED_SERVICE_DAYS": 3}
    with time_machine.travel(T0 + timedelta(days=5), tick=False):
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 0}
    with time_machine.travel(T0 + timedelta(days=11), tick=False):
        assert services.served_at(notice) == (T0 + timedelta(days=10), ServiceKind.DEEMED)


@pytest.mark.django_db
@pytest.mark.rule("NOT-4")
def test_service_by_delivery_when_the_deployment_says_so(issue, recipient, settings):
    """NOT-4: with SERVICE_STARTS_AT = "delivery", deadlines run from delivery; the first
    view is still recorded once."""
    settings.NOTICES = {**settings.NOTICES, "SERVICE_STARTS_AT": "delivery"}
    with time_machine.travel(T0, tick=False):
        notice = issue()
    assert services.served_at(notice) == (T0, ServiceKind.DELIVERY)
    with time_machine.travel(T0 + timedelta(days=2), tick=False):
        viewed = services.view_notice(actor=recipient, notice_id=notice.pk)
        services.view_notice(actor=recipient, notice_id=notice.pk)
    viewed.refresh_from_db()
    assert viewed.first_viewed_at == T0 + timedelta(days=2)
    assert viewed.view_count == 2
    assert (viewed.served_at, viewed.service_kind) == (T0, ServiceKind.DELIVERY)
    with time_machine.travel(T0 + timedelta(days=30), tick=False):
        assert sweeping.run_all(only=["notices.deemed_service"]) == {"notices.deemed_service": 0}


@pytest.mark.django_db
@pytest.mark.rule("NOT-4")
def test_deadline_after_service(issue, recipient):
    """NOT-4: other apps ask for the deadline N days after service (calendar days by
    default, working days skipping Fridays and holidays on request); None before service."""
    # Saturday 2025-03-01, 09:00 Tehran.
    with time_machine.travel(T0, tick=False):
        notice = issue()
        assert services.deadline_after_service(notice, 20) is None
        services.view_notice(actor=recipient, notice_id=notice.pk)
    notice.refresh_from_db()
    deadline = services.deadline_after_service(notice, 20)
    assert deadline.service_kind == ServiceKind.FIRST_VIEW
    assert deadline.last_day == date(2025, 3, 21)
    assert deadline.ends_at == datetime(2025, 3, 22, tzinfo=TEHRAN)
    assert deadline.is_open(datetime(2025, 3, 21, 23, 59, tzinfo=TEHRAN))
    assert not deadline.is_open(datetime(2025, 3, 22, 0, 0, tzinfo=TEHRAN))

    Holiday.objects.create(date=date(2025, 3, 4), name="A holiday")
    working = services.deadline_after_service(notice, 5, calendar="working")
    # Sun 2, Mon 3, (Tue 4 holiday), Wed 5, Thu 6, (Fri 7), Sat 8.
    assert working.last_day == date(2025, 3, 8)


@pytest.mark.django_db
def test_calendars_are_pluggable(settings):
    """The calendar interface: calendar days, working days with weekend/holiday settings."""
    assert isinstance(get_calendar(), CalendarDays)
    settings.NOTICES = {**settings.NOTICES, "HOLIDAYS": ["2025-03-20", "2025-03-21"]}
    cal = get_calendar("working")
    assert isinstance(cal, WorkingDays)
    # Wed 2025-03-19 + 2 working days: Thu 20 and Fri 21 holidays, Sat 22, Sun 23.
    assert cal.add(date(2025, 3, 19), 2) == date(2025, 3, 23)
    assert WorkingDays(weekend_days=[], holidays=[]).add(date(2025, 3, 19), 2) == date(2025, 3, 23)
    assert WorkingDays(weekend_days=[4, 5]).add(date(2025, 3, 1), 0) == date(2025, 3, 1)
    many = WorkingDays(holidays=[date(2025, 1, 1) + timedelta(days=i) for i in range(200)])
    assert many.add(date(2025, 1, 1), 1) > date(2025, 7, 19)
    with pytest.raises(ValueError):
        get_calendar("lunar")


@pytest.mark.django_db
@pytest.mark.rule("NOT-4")
def test_timeline_shows_issue_and_service(issue, recipient):
    """NOT-4: the notice's timeline (core.audit) holds its creation and its service."""
    from core import audit

    notice = issue()
    services.view_notice(actor=recipient, notice_id=notice.pk)
    reg = audit.registration("notices.notice")
    assert reg is not None
    assert reg.visible(recipient).filter(pk=notice.pk).exists()
    assert not reg.visible(UserFactory()).filter(pk=notice.pk).exists()
    entries = audit.timeline(notice)
    assert [e["action"] for e in entries if e["kind"] == "transition"] == ["serve_on_first_view"]
    assert entries[0]["action"] == "created"


@pytest.mark.django_db
def test_board_code_of_a_court_is_refused(recipient):
    from core.exceptions import Conflict

    BranchFactory(code="TEH-COURT-1")
    with pytest.raises(Conflict):
        services.issue_board_notice(
            actor=None,
            board_code="TEH-COURT-1",
            board_name="x",
            recipient=recipient,
            case_number="1404000000000077",
            subject="s",
            body="b",
        )


@pytest.mark.django_db
@pytest.mark.rule("NOT-7")
def test_timeline_endpoint_answers_only_those_who_see_the_notice(issue, recipient, client_for):
    """NOT-7: the notice's timeline is readable by its recipient, 404 for anyone else."""
    notice = issue()
    client_for(recipient).post(f"/api/v1/notices/{notice.pk}/view/")
    url = f"/api/v1/audit/timeline/notices.notice/{notice.pk}/"
    response = client_for(recipient).get(url)
    assert response.status_code == 200, response.content
    assert "serve_on_first_view" in response.content.decode()
    assert client_for(UserFactory()).get(url).status_code == 404
