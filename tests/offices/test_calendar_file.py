"""An appointment as a calendar file (.ics): from "my appointments", from the API, and
attached to the booking's e-mail; the office, its address and the time (UTC, from Tehran's
local time) are right; nobody else gets it (APT-3)."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.test import Client

from core.models import OutboundMessage
from offices import services
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
SUNDAY = NOW.date() + dt.timedelta(days=1)


@pytest.fixture
def appointment(office, citizen):
    return services.appointment_book(
        actor=citizen, slot_id=slot_at(office, at(SUNDAY, 10)).pk, service_code="petition"
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def the_event(text: str):
    calendar = icalendar.Calendar.from_ical(text)
    [event] = calendar.walk("VEVENT")
    return event


def assert_is_the_appointment(event, appointment):
    office = appointment.office
    # 10:00 in Tehran (+03:30) is 06:30 UTC; the slot's end is its length later.
    assert event.decoded("DTSTART") == dt.datetime(2025, 10, 5, 6, 30, tzinfo=dt.UTC)
    assert event.decoded("DTSTART").astimezone(ZoneInfo("Asia/Tehran")).hour == 10
    assert event.decoded("DTEND") == appointment.slot.ends_at
    assert str(event["UID"]) == f"appointment-{appointment.pk}@daftar"
    assert office.name in str(event["SUMMARY"])
    assert office.name in str(event["LOCATION"]) and office.address in str(event["LOCATION"])
    assert appointment.check_in_code in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"


@pytest.mark.rule("APT-3")
def test_my_appointments_offers_the_calendar_file(appointment, citizen):
    client = signed_in(citizen)
    page = client.get("/appointments/")
    link = f"/appointments/{appointment.pk}/calendar.ics"
    assert page.status_code == 200 and link in page.content.decode()
    assert "افزودن به تقویم من" in page.content.decode()

    response = client.get(link)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f"appointment-{appointment.check_in_code}.ics" in response["Content-Disposition"]
    event = the_event(response.content)
    assert_is_the_appointment(event, appointment)
    assert str(event["SUMMARY"]).startswith("نوبت در دفتر")  # the page's language


def test_the_api_gives_the_same_file(appointment, citizen):
    response = client_for(citizen).get(f"/api/v1/offices/appointments/{appointment.pk}/calendar/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert_is_the_appointment(the_event(response.content), appointment)


def test_a_stranger_gets_404(appointment):
    stranger = UserFactory()
    page = signed_in(stranger).get(f"/appointments/{appointment.pk}/calendar.ics")
    api = client_for(stranger).get(f"/api/v1/offices/appointments/{appointment.pk}/calendar/")
    assert page.status_code == 404 and b"BEGIN:VCALENDAR" not in page.content
    assert api.status_code == 404 and api.json()["code"] == "not_found"
    anonymous = Client().get(f"/appointments/{appointment.pk}/calendar.ics")
    assert anonymous.status_code == 302 and "/accounts/signin/" in anonymous["Location"]


def test_a_cancelled_appointment_cancels_the_calendar_event(appointment, citizen):
    before = the_event(
        signed_in(citizen).get(f"/appointments/{appointment.pk}/calendar.ics").content
    )
    services.appointment_cancel(actor=citizen, appointment_id=appointment.pk)
    after = the_event(
        signed_in(citizen).get(f"/appointments/{appointment.pk}/calendar.ics").content
    )
    assert str(after["STATUS"]) == "CANCELLED" and after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


@pytest.mark.rule("APT-3")
def test_the_booking_e_mail_carries_the_calendar_file(
    office, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = services.appointment_book(
            actor=citizen, slot_id=slot_at(office, at(SUNDAY, 10)).pk, service_code="petition"
        )

    [email] = mail.outbox
    assert email.to == [citizen.email]
    assert office.name in email.subject and appointment.check_in_code in email.body
    assert "۱۴۰۴/۰۷/۱۳" in email.body  # in Persian, the reader's language
    [(name, content, mimetype)] = email.attachments
    assert (name, mimetype) == (f"appointment-{appointment.check_in_code}.ics", "text/calendar")
    assert_is_the_appointment(the_event(content), appointment)
    kept = OutboundMessage.objects.get(purpose="appointments.booked_email")
    assert kept.status == OutboundMessage.Status.SENT and kept.attachment_name == name


def test_no_e_mail_without_an_address(office, django_capture_on_commit_callbacks):
    reader = UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_book(
            actor=reader, slot_id=slot_at(office, at(SUNDAY, 10)).pk, service_code="petition"
        )
    assert mail.outbox == []
    assert OutboundMessage.objects.filter(purpose="appointments.booked").count() == 1
