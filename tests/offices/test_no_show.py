"""The end-of-day no-show sweep and the one-week online booking ban (APT-4)."""

import datetime as dt

import pytest
from django.core.management import call_command

from core.exceptions import Forbidden
from core.models import OutboundMessage, TransitionLog
from core.sweeping import run_all
from core.transitions import apply_transition
from offices.models import Appointment, OnlineBookingBan
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)
URL = "/api/v1/offices/appointments/"


def book(client, office, when):
    response = client.post(URL, {"slot": slot_at(office, when).pk, "service": "petition"})
    assert response.status_code == 201, response.json()
    return Appointment.objects.get(pk=response.json()["id"])


@pytest.mark.rule("APT-4")
def test_a_no_show_at_days_end_bans_online_booking_for_exactly_one_week(
    office, citizen, citizen_api, clock, django_capture_on_commit_callbacks, sms_outbox
):
    """APT-4: at the end of the working day (16:00) an unattended appointment becomes a no-show,
    the person gets an SMS, and online booking is refused until exactly one week after the end
    of that day — not a second earlier — whenever the sweep happened to run. Running the sweep
    again changes nothing more: no second SMS, no second ban, no second log row."""
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(citizen_api, office, at(TOMORROW, 10))
    day_end = at(TOMORROW, 16)
    assert appointment.day_ends_at == day_end

    clock.move_to(day_end - dt.timedelta(seconds=1))
    assert run_all(only=["offices.no_shows"]) == {"offices.no_shows": 0}
    appointment.refresh_from_db()
    assert appointment.status == "booked"

    # The sweep runs late (17:42): the ban still counts from the end of the day.
    clock.move_to(at(TOMORROW, 17, 42))
    with django_capture_on_commit_callbacks(execute=True):
        assert run_all(only=["offices.no_shows"]) == {"offices.no_shows": 1}
    appointment.refresh_from_db()
    assert appointment.status == "no_show"
    ban = OnlineBookingBan.objects.get(user=citizen)
    assert (ban.starts_at, ban.ends_at) == (day_end, day_end + dt.timedelta(days=7))
    message = OutboundMessage.objects.get(purpose="appointments.no_show")
    assert message.user == citizen and office.code in message.body
    assert [m.purpose for m in sms_outbox] == ["appointments.booked", "appointments.no_show"]
    log = TransitionLog.objects.get(transition="mark_no_show")
    assert (log.source, log.target, log.actor, log.actor_label) == (
        "booked",
        "no_show",
        None,
        "system:sweep",
    )

    # Twice: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert run_all(only=["offices.no_shows"]) == {"offices.no_shows": 0}
        call_command("sweep")
    assert OnlineBookingBan.objects.count() == 1
    assert OutboundMessage.objects.filter(purpose="appointments.no_show").count() == 1
    assert TransitionLog.objects.filter(transition="mark_no_show").count() == 1
    assert len(sms_outbox) == 2

    # One second before the week ends: refused. At the end of the week: allowed.
    clock.move_to(day_end + dt.timedelta(days=7) - dt.timedelta(seconds=1))
    next_week = at(TOMORROW + dt.timedelta(days=8), 10)
    from offices import services

    services.slots_generate(office=office)
    response = citizen_api.post(URL, {"slot": slot_at(office, next_week).pk, "service": "petition"})
    assert response.status_code == 403 and response.json()["code"] == "booking_banned"
    clock.move_to(day_end + dt.timedelta(days=7))
    assert book(citizen_api, office, next_week).status == "booked"


@pytest.mark.rule("APT-4")
def test_attended_and_cancelled_appointments_are_not_no_shows(office, citizen, citizen_api, clock):
    """APT-4: only appointments still booked at the day's end are no-shows."""
    from offices import services

    staff = office.people["clerk"][0]
    attended = book(citizen_api, office, at(TOMORROW, 10))
    other_day = book(citizen_api, office, at(TOMORROW + dt.timedelta(days=1), 10))
    citizen_api.post(f"{URL}{other_day.pk}/cancel/")
    clock.move_to(at(TOMORROW, 10))
    services.appointment_check_in(
        actor=staff,
        office_code=office.code,
        code=attended.check_in_code,
        national_id=citizen.national_id,
    )
    clock.move_to(at(TOMORROW + dt.timedelta(days=2), 23))
    assert run_all(only=["offices.no_shows"]) == {"offices.no_shows": 0}
    assert not OnlineBookingBan.objects.exists()


@pytest.mark.rule("APT-4")
def test_mark_no_show_is_for_the_system_only(office, citizen_api, clock):
    """APT-4 — transition `mark_no_show`: office staff may not take it (403, nothing changes);
    the system may; on a no-show it is a 409."""
    from django.db import transaction

    from core.exceptions import Conflict

    appointment = book(citizen_api, office, at(TOMORROW, 10))
    manager = office.people["manager"]
    with pytest.raises(Forbidden), transaction.atomic():
        apply_transition(appointment, "mark_no_show", actor=manager)
    appointment.refresh_from_db()
    assert appointment.status == "booked"
    assert not TransitionLog.objects.exists()
    with transaction.atomic():
        apply_transition(appointment, "mark_no_show", actor=None, actor_label="system:sweep")
    appointment.refresh_from_db()
    assert appointment.status == "no_show"
    with pytest.raises(Conflict), transaction.atomic():
        apply_transition(appointment, "mark_no_show", actor=None)
