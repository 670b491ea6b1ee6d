"""The appointment portal's pages (APT-1, APT-2, APT-3): pick a day and a time, book, see my
appointments, cancel, and the receipt — server-rendered, through the offices services."""

import datetime as dt
import re

import pytest
from django.test import Client

from core.models import OutboundMessage
from offices.models import Appointment, Slot
from tests.factories.accounts import UserFactory
from tests.factories.offices import OfficeFactory
from tests.offices.conftest import NOW, at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)  # Sunday


def office_url(office, lang=""):
    return f"{lang}/appointments/office/{office.code}/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.rule("APT-2")
def test_calendar_shows_free_days_in_jalali_and_the_times_of_the_chosen_day(client, office):
    """APT-2: the office's page lists the days with free seats (Jalali dates, Persian
    digits) and, for the chosen day, one radio button per free time."""
    response = client.get(office_url(office), {"day": TOMORROW.isoformat()})

    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="rtl"' in html_tag(response)
    assert "۱۴۰۴" in body  # 2025-10-05 is 13 Mehr 1404
    assert f'data-day="{TOMORROW.isoformat()}" aria-current="date"' in body
    tomorrow_slots = Slot.objects.filter(office=office, day=TOMORROW)
    radios = re.findall(r'name="slot" value="(\d+)"', body)
    assert sorted(map(int, radios)) == sorted(s.pk for s in tomorrow_slots)
    assert "۰۸:۰۰" in body
    # Anonymous visitors see the times and are asked to sign in to book.
    assert "/accounts/signin/?next=" in body


@pytest.mark.rule("APT-1")
def test_signed_in_verified_user_books_and_lands_on_my_appointments(office, citizen):
    """APT-1: a signed-in user with a verified mobile books a free time with a service; the
    page redirects to "my appointments", which shows it with its check-in code, and the
    SMS confirmation is sent."""
    client = signed_in(citizen)
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 10))

    response = client.post(
        office_url(office), {"day": TOMORROW.isoformat(), "slot": slot.pk, "service": "petition"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/appointments/"
    appointment = Appointment.objects.get(user=citizen)
    assert appointment.slot == slot and appointment.status == Appointment.Status.BOOKED
    page = client.get("/appointments/")
    body = page.content.decode()
    assert appointment.check_in_code in body
    assert office.name_fa in body
    assert f"/appointments/{appointment.pk}/receipt/" in body
    assert f"/appointments/{appointment.pk}/cancel/" in body
    message = OutboundMessage.objects.get(purpose="appointments.booked", user=citizen)
    assert appointment.check_in_code in message.body


@pytest.mark.rule("APT-1")
def test_unverified_account_is_refused_readably(office):
    """APT-1: only verified users book; the refusal is the service's message on the page,
    with the form kept, and nothing is booked."""
    user = UserFactory(mobile_verified_at=None)
    slot = Slot.objects.filter(office=office, day=TOMORROW).first()

    response = signed_in(user).post(
        office_url(office), {"day": TOMORROW.isoformat(), "slot": slot.pk, "service": "petition"}
    )

    assert response.status_code == 403
    body = response.content.decode()
    assert 'data-code="verification_required"' in body
    assert 'role="alert"' in body
    assert not Appointment.objects.exists()


@pytest.mark.rule("APT-6")
def test_second_booking_at_the_same_office_and_day_is_refused_readably(office, citizen):
    """APT-6 through the page: the limit's message is shown, not a server error."""
    client = signed_in(citizen)
    first, second = Slot.objects.filter(office=office, day=TOMORROW).order_by("starts_at")[:2]
    client.post(office_url(office), {"slot": first.pk, "service": "petition"})

    response = client.post(office_url(office), {"slot": second.pk, "service": "petition"})

    assert response.status_code == 409
    assert 'data-code="limit_per_office_day"' in response.content.decode()
    assert Appointment.objects.filter(user=citizen).count() == 1


def test_missing_choice_is_a_readable_error(office, citizen):
    response = signed_in(citizen).post(office_url(office), {"service": "petition"})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_booking_needs_sign_in(client, office):
    slot = Slot.objects.filter(office=office, day=TOMORROW).first()

    response = client.post(office_url(office), {"slot": slot.pk, "service": "petition"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/signin/?next=")
    assert not Appointment.objects.exists()


@pytest.mark.rule("OFF-2")
def test_non_operational_office_offers_no_times_and_says_why(client, clock):
    office = OfficeFactory()

    body = client.get(office_url(office)).content.decode()

    assert 'data-reason="no_manager"' in body
    assert 'name="slot"' not in body


@pytest.mark.rule("APT-3")
def test_cancel_from_my_appointments_frees_the_seat(office, citizen):
    """APT-3: the owner cancels from "my appointments"; the seat is free again."""
    client = signed_in(citizen)
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 11))
    client.post(office_url(office), {"slot": slot.pk, "service": "petition"})
    appointment = Appointment.objects.get(user=citizen)

    response = client.post(f"/appointments/{appointment.pk}/cancel/", follow=True)

    assert response.status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    slot.refresh_from_db()
    assert slot.booked == 0
    assert f"/appointments/{appointment.pk}/cancel/" not in response.content.decode()


@pytest.mark.rule("APT-3")
def test_cancelling_asks_for_confirmation_first(office, citizen):
    """APT-3: the list's cancel link opens a confirmation page that cancels nothing; only its
    form's POST cancels; another user's confirmation page is a 404."""
    client = signed_in(citizen)
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 10))
    client.post(office_url(office), {"slot": slot.pk, "service": "petition"})
    appointment = Appointment.objects.get(user=citizen)

    response = client.get(f"/en/appointments/{appointment.pk}/cancel/")

    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-appointment="{appointment.pk}"' in body
    assert "Yes, cancel the appointment" in body and 'method="post"' in body
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    other = signed_in(UserFactory())
    assert other.get(f"/en/appointments/{appointment.pk}/cancel/").status_code == 404
    client.post(f"/en/appointments/{appointment.pk}/cancel/")
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert client.get(f"/en/appointments/{appointment.pk}/cancel/").status_code == 404


@pytest.mark.rule("APT-3")
def test_receipt_is_a_pdf_for_the_owner_only(office, citizen):
    """APT-3: the receipt link gives the PDF to the owner; anyone else gets 404."""
    client = signed_in(citizen)
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 9))
    client.post(office_url(office), {"slot": slot.pk, "service": "petition"})
    appointment = Appointment.objects.get(user=citizen)

    response = client.get(f"/appointments/{appointment.pk}/receipt/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    other = signed_in(UserFactory())
    assert other.get(f"/appointments/{appointment.pk}/receipt/").status_code == 404
    assert other.post(f"/appointments/{appointment.pk}/cancel/").status_code == 404


def test_my_appointments_needs_sign_in(client):
    response = client.get("/appointments/")

    assert response.status_code == 302
    assert "/accounts/signin/" in response["Location"]


@pytest.mark.rule("CMS-5")
def test_portal_pages_render_in_english_left_to_right(office, citizen):
    """CMS-5: the same pages in English, left to right, with Gregorian dates."""
    client = signed_in(citizen)
    response = client.get(office_url(office, "/en"), {"day": TOMORROW.isoformat()})

    assert response.status_code == 200
    assert 'dir="ltr"' in html_tag(response)
    body = response.content.decode()
    assert "October 2025" in body
    assert "08:00" in body
    assert 'dir="ltr"' in html_tag(client.get("/en/appointments/"))
