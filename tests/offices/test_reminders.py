"""What a person is told about their appointment beyond the booking SMS (APT-3): the reminder
the day before (a sweep, sent once), the cancellation SMS, in the reader's language."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from core import sweeping
from core.models import OutboundMessage
from offices import services
from offices.models import Appointment, AppointmentReminder
from offices.services import reminders
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
SUNDAY = NOW.date() + dt.timedelta(days=1)
MONDAY = NOW.date() + dt.timedelta(days=2)  # 2025-10-06 is 14 Mehr 1404


def book(citizen, office, when) -> Appointment:
    return services.appointment_book(
        actor=citizen, slot_id=slot_at(office, when).pk, service_code="petition"
    )


def run_reminders() -> int:
    return sweeping.run_all(only=["offices.reminders"])["offices.reminders"]


def reminders_sent():
    return OutboundMessage.objects.filter(purpose="appointments.reminder")


@pytest.mark.rule("APT-3")
def test_the_reminder_goes_the_day_before_once_even_if_the_sweep_runs_twice(
    office, citizen, clock, sms_outbox, django_capture_on_commit_callbacks
):
    appointment = book(citizen, office, at(MONDAY, 10))
    assert run_reminders() == 0  # Saturday: two days ahead, too early

    clock.move_to(at(SUNDAY, 8, 59))
    assert run_reminders() == 0  # the day before, but before REMINDER_FROM

    clock.move_to(at(SUNDAY, 9, 0))
    with django_capture_on_commit_callbacks(execute=True):
        assert run_reminders() == 1
    assert run_reminders() == 0
    clock.move_to(at(SUNDAY, 18))
    assert run_reminders() == 0

    message = reminders_sent().get()
    assert message.user == citizen and message.recipient == str(citizen.mobile)
    assert office.code in message.body and appointment.check_in_code in message.body
    assert message.body.startswith("یادآوری: نوبت شما")  # in Persian, the reader's language
    assert "۱۴۰۴/۰۷/۱۴" in message.body and "۱۰:۰۰" in message.body  # Jalali, Persian digits
    assert [m.body for m in sms_outbox if m.purpose == "appointments.reminder"] == [message.body]
    assert AppointmentReminder.objects.get().starts_at == appointment.starts_at


def test_two_runners_with_the_same_due_list_send_one_reminder(office, citizen, clock):
    """A second runner read the due list before the first wrote its reminder: the unique
    reminder row refuses it, and no second SMS is queued."""
    appointment = book(citizen, office, at(MONDAY, 10))
    clock.move_to(at(SUNDAY, 10))
    first_list = reminders.due_reminders(at(SUNDAY, 10))
    second_list = reminders.due_reminders(at(SUNDAY, 10))
    assert first_list == second_list == [appointment.pk]

    assert [reminders.appointment_remind(appointment_id=pk) for pk in first_list] == [True]
    assert [reminders.appointment_remind(appointment_id=pk) for pk in second_list] == [False]
    assert reminders_sent().count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentReminder.objects.create(appointment=appointment, starts_at=appointment.starts_at)


def test_no_reminder_for_a_cancelled_appointment_or_one_booked_the_day_before(
    office, citizen, clock
):
    cancelled = book(citizen, office, at(MONDAY, 10))
    services.appointment_cancel(actor=citizen, appointment_id=cancelled.pk)
    clock.move_to(at(SUNDAY, 9, 30))
    late = book(UserFactory(), office, at(MONDAY, 11))  # booked on the day before itself
    assert late.status == Appointment.Status.BOOKED

    assert run_reminders() == 0
    assert not reminders_sent().exists() and not AppointmentReminder.objects.exists()


def test_the_reminder_is_in_the_readers_language(office, clock):
    reader = UserFactory(preferred_language="en")
    book(reader, office, at(MONDAY, 10))
    clock.move_to(at(SUNDAY, 12))
    assert run_reminders() == 1
    body = reminders_sent().get().body
    assert body.startswith("Reminder: your appointment") and "10:00" in body
    assert "۱" not in body


# --- Cancellation (APT-3) -------------------------------------------------------------------
@pytest.mark.rule("APT-3")
def test_cancelling_sends_an_sms_to_the_person(
    office, citizen, citizen_api, sms_outbox, django_capture_on_commit_callbacks
):
    appointment = book(citizen, office, at(SUNDAY, 10))
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_api.post(f"/api/v1/offices/appointments/{appointment.pk}/cancel/")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"

    message = OutboundMessage.objects.get(purpose="appointments.cancelled")
    assert message.user == citizen and office.code in message.body
    assert "۱۴۰۴/۰۷/۱۳" in message.body and "۱۰:۰۰" in message.body
    assert "لغو" in message.body  # "cancelled", in Persian
    assert [m.purpose for m in sms_outbox][-1] == "appointments.cancelled"


@pytest.mark.rule("APT-3")
def test_a_cancellation_by_the_office_says_so_with_its_reason_in_the_readers_language(
    office, clock
):
    reader = UserFactory(preferred_language="en")
    appointment = book(reader, office, at(SUNDAY, 10))
    manager = office.people["manager"]
    manager.preferred_language = "fa"  # the staff's language is not the reader's

    services.appointment_cancel(
        actor=manager, appointment_id=appointment.pk, reason="The office is closed"
    )

    body = OutboundMessage.objects.get(purpose="appointments.cancelled").body
    assert body.startswith(f"Judicial e-services office {office.name}")
    assert "cancelled your appointment" in body and "Reason: The office is closed" in body


def test_a_refused_cancellation_sends_nothing(office, citizen):
    appointment = book(citizen, office, at(SUNDAY, 10))
    stranger = client_for(UserFactory())
    response = stranger.post(f"/api/v1/offices/appointments/{appointment.pk}/cancel/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert not OutboundMessage.objects.filter(purpose="appointments.cancelled").exists()
