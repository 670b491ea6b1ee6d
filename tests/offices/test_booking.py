"""Calendars and booking: slots (APT-2), booking (APT-1), SMS, my appointments, receipt and
cancel (APT-3), and the per-user limits (APT-6)."""

import datetime as dt
import io

import pytest
from django.test import override_settings
from pypdf import PdfReader

from core.models import OutboundMessage, TransitionLog
from offices import services
from offices.models import Appointment, Closure, Slot
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.offices import OfficeFactory, operational_office
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)  # Sunday
URL = "/api/v1/offices/appointments/"


def book(client, slot, service="petition"):
    return client.post(URL, {"slot": slot.pk, "service": service})


# --- Slots (APT-2) -----------------------------------------------------------------------------
@pytest.mark.rule("APT-2")
def test_slots_come_from_hours_closures_and_capacity(clock):
    """APT-2: one slot per slot length inside each interval; none on Fridays, holidays or an
    office's own closure days; as many seats as the office's capacity; not before now."""
    office = OfficeFactory(
        slot_minutes=45,
        slot_capacity=3,
        hours=[(6, "08:00", "12:00"), (6, "16:00", "18:00"), (5, "08:00", "12:00")],
    )
    Closure.objects.create(
        office=None, date=NOW.date() + dt.timedelta(days=8), reason_fa="تعطیل رسمی"
    )
    Closure.objects.create(
        office=office, date=NOW.date() + dt.timedelta(days=7), reason_en="Moving"
    )
    services.slots_generate(office=office)

    sunday = list(Slot.objects.filter(office=office, day=TOMORROW))
    starts = [s.starts_at for s in sunday]
    # 08:00-12:00 by 45 minutes: 08:00 … 11:00 (11:45 would overrun); then 16:00, 16:45.
    assert starts == [
        at(TOMORROW, h, m)
        for h, m in [(8, 0), (8, 45), (9, 30), (10, 15), (11, 0), (16, 0), (16, 45)]
    ]
    assert {s.capacity for s in sunday} == {3}
    # Today (Saturday): only slots after 09:00 now.
    assert Slot.objects.filter(office=office, day=NOW.date()).first().starts_at == at(
        NOW.date(), 9, 30
    )
    assert not Slot.objects.filter(
        office=office, day=NOW.date() + dt.timedelta(days=6)
    ).exists()  # Friday
    assert not Slot.objects.filter(
        office=office, day=NOW.date() + dt.timedelta(days=7)
    ).exists()  # closure
    assert not Slot.objects.filter(
        office=office, day=NOW.date() + dt.timedelta(days=8)
    ).exists()  # holiday
    assert Slot.objects.filter(office=office).latest("day").day == NOW.date() + dt.timedelta(
        days=14
    )


@pytest.mark.rule("APT-2")
def test_regenerating_is_idempotent_and_keeps_booked_slots(office, citizen_api):
    """APT-2: generating twice changes nothing; a new week drops free slots, keeps booked ones."""
    count = Slot.objects.filter(office=office).count()
    assert services.slots_generate(office=office) == {"created": 0, "removed": 0, "updated": 0}
    assert Slot.objects.filter(office=office).count() == count

    booked = slot_at(office, at(TOMORROW, 10))
    assert book(citizen_api, booked).status_code == 201
    office.hours.filter(weekday=6).delete()  # no more Sundays
    office.slot_capacity = 4
    office.save()
    services.slots_generate(office=office)
    assert list(Slot.objects.filter(office=office, day=TOMORROW)) == [booked]
    booked.refresh_from_db()
    assert booked.capacity == 2 and booked.booked == 1
    assert {
        s.capacity for s in Slot.objects.filter(office=office, day=TOMORROW + dt.timedelta(days=1))
    } == {4}


@pytest.mark.rule("APT-2")
def test_the_public_calendar_lists_free_seats(office, api, citizen_api):
    """APT-2: the calendar answers anonymously, from the minimum notice on, with free seats."""
    slot = slot_at(office, at(TOMORROW, 10))
    book(citizen_api, slot)
    response = api.get(
        f"/api/v1/offices/{office.code}/slots/", {"start": TOMORROW, "end": TOMORROW}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"]["operational"] is True
    by_id = {s["id"]: s for s in body["slots"]}
    assert by_id[slot.pk]["free"] == 1
    assert len(body["slots"]) == 16
    today = api.get(
        f"/api/v1/offices/{office.code}/slots/", {"start": NOW.date(), "end": NOW.date()}
    ).json()
    assert today["slots"][0]["starts_at"].startswith("2025-10-04T10:00")  # 09:00 now + 1 h notice


@pytest.mark.rule("APT-2")
def test_calendar_bad_input_is_a_clear_400(office, api):
    """Bad input: reversed or too long ranges and malformed dates are 400; unknown offices 404."""
    base = f"/api/v1/offices/{office.code}/slots/"
    reversed_range = api.get(base, {"start": "2025-10-10", "end": "2025-10-05"})
    assert reversed_range.status_code == 400 and list(reversed_range.json()["fields"]) == ["end"]
    assert api.get(base, {"start": "2025-10-05", "end": "2025-12-05"}).status_code == 400
    assert api.get(base, {"start": "yesterday"}).status_code == 400
    assert api.get("/api/v1/offices/99999999/slots/").status_code == 404


# --- Booking (APT-1, APT-3) -----------------------------------------------------------------------
@pytest.mark.rule("APT-1")
@pytest.mark.rule("APT-3")
def test_booking_takes_a_seat_and_sends_an_sms_with_office_and_time(
    office, citizen, citizen_api, django_capture_on_commit_callbacks, sms_outbox
):
    """APT-1: a verified user books a free slot of an operational office for a service it offers.
    APT-3: an SMS names the office and the time (Jalali date in Persian)."""
    slot = slot_at(office, at(TOMORROW, 10))
    with django_capture_on_commit_callbacks(execute=True):
        response = book(citizen_api, slot, "complaint")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "booked" and body["service"]["code"] == "complaint"
    assert len(body["check_in_code"]) == 8
    slot.refresh_from_db()
    assert slot.booked == 1

    message = OutboundMessage.objects.get(purpose="appointments.booked")
    assert message.user == citizen and message.recipient == str(citizen.mobile)
    assert office.code in message.body and body["check_in_code"] in message.body
    assert "۱۴۰۴/۰۷/۱۳" in message.body and "۱۰:۰۰" in message.body  # 2025-10-05 10:00
    assert len(sms_outbox) == 1


@pytest.mark.rule("APT-1")
def test_only_verified_users_book(office, api):
    """APT-1: anonymous is 401; an account whose mobile is not verified is 403."""
    slot = slot_at(office, at(TOMORROW, 10))
    assert book(api, slot).status_code in (401, 403)
    pending = UserFactory(status="pending", mobile_verified_at=None)
    response = book(client_for(pending), slot)
    assert response.status_code == 403 and response.json()["code"] == "verification_required"
    assert not Appointment.objects.exists()


@pytest.mark.rule("APT-1")
@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"slot": 999999, "service": "petition"}, 400, "unknown_slot"),
        ({"slot": "x", "service": "petition"}, 400, "invalid"),
        ({"service": "petition"}, 400, "invalid"),
        ({"slot": "TOMORROW", "service": "no-such-service"}, 400, "service_not_offered"),
        ({"slot": "PAST", "service": "petition"}, 400, "slot_in_past"),
        ({"slot": "SOON", "service": "petition"}, 400, "too_soon"),
        ({"slot": "FAR", "service": "petition"}, 400, "too_far_ahead"),
    ],
)
def test_bad_bookings_are_clear_4xx_and_store_nothing(
    office, citizen_api, clock, payload, status, code
):
    """APT-1, APT-6: unknown or malformed slots, services not offered, times in the past,
    too soon or beyond the horizon get a 4xx with a code, and nothing is stored."""
    past = slot_at(office, at(NOW.date(), 10))
    far = slot_at(office, at(NOW.date() + dt.timedelta(days=14), 10))
    slots = {
        "TOMORROW": slot_at(office, at(TOMORROW, 10)).pk,
        "PAST": past.pk,
        "SOON": slot_at(office, at(NOW.date(), 10)).pk,
        "FAR": far.pk,
    }
    if payload.get("slot") == "PAST":
        clock.move_to(at(NOW.date(), 10, 5))
    if payload.get("slot") == "FAR":
        clock.move_to(NOW - dt.timedelta(days=1))
    if payload.get("slot") == "SOON":
        clock.move_to(at(NOW.date(), 9, 30))
    if payload.get("slot") in slots:
        payload = {**payload, "slot": slots[payload["slot"]]}
    response = citizen_api.post(URL, payload)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert not Appointment.objects.exists()
    assert not Slot.objects.filter(booked__gt=0).exists()
    assert not OutboundMessage.objects.exists()


@pytest.mark.rule("APT-2")
def test_a_full_slot_is_refused_with_409(office, citizen_api):
    """APT-2: capacity 2 — the third booking is refused with `slot_full`."""
    slot = slot_at(office, at(TOMORROW, 10))
    assert book(client_for(UserFactory()), slot).status_code == 201
    assert book(client_for(UserFactory()), slot).status_code == 201
    response = book(citizen_api, slot)
    assert response.status_code == 409 and response.json()["code"] == "slot_full"
    slot.refresh_from_db()
    assert slot.booked == 2


@pytest.mark.rule("APT-3")
def test_my_appointments_lists_only_mine(office, citizen_api):
    """APT-3: "my appointments" lists the caller's own; another's answers 404."""
    mine = book(citizen_api, slot_at(office, at(TOMORROW, 10))).json()
    other = client_for(UserFactory())
    theirs = book(other, slot_at(office, at(TOMORROW, 11))).json()
    listed = citizen_api.get(URL).json()
    assert [a["id"] for a in listed["results"]] == [mine["id"]]
    assert citizen_api.get(f"{URL}{mine['id']}/").status_code == 200
    assert citizen_api.get(f"{URL}{theirs['id']}/").status_code == 404
    assert citizen_api.get(f"{URL}{theirs['id']}/receipt/").status_code == 404


@pytest.mark.rule("APT-3")
def test_the_receipt_is_a_pdf_with_the_check_in_code(office, citizen_api):
    """APT-3, APT-5: the receipt is a real PDF carrying the check-in code (and its QR)."""
    appointment = book(citizen_api, slot_at(office, at(TOMORROW, 10))).json()
    response = citizen_api.get(f"{URL}{appointment['id']}/receipt/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert appointment["check_in_code"] in text
    assert office.code in text
    assert any("/XObject" in page["/Resources"] for page in reader.pages)  # the QR image


@pytest.mark.rule("APT-3")
def test_cancel_frees_the_seat_and_is_logged(office, citizen, citizen_api):
    """APT-3 — transition `cancel`: the owner cancels (seat freed, log row); again is 409."""
    slot = slot_at(office, at(TOMORROW, 10))
    appointment = book(citizen_api, slot).json()
    response = citizen_api.post(f"{URL}{appointment['id']}/cancel/", {"reason": "Plans changed"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    slot.refresh_from_db()
    assert slot.booked == 0
    log = TransitionLog.objects.get(transition="cancel")
    assert (log.source, log.target, log.actor, log.reason) == (
        "booked",
        "cancelled",
        citizen,
        "Plans changed",
    )

    again = citizen_api.post(f"{URL}{appointment['id']}/cancel/")
    assert again.status_code == 409 and again.json()["code"] == "wrong_state"


@pytest.mark.rule("APT-3")
def test_cancel_by_another_user_is_404_and_changes_nothing(office, citizen_api):
    """APT-3 — transition `cancel`, forbidden actor: another user gets 404; nothing changes."""
    appointment = book(citizen_api, slot_at(office, at(TOMORROW, 10))).json()
    response = client_for(UserFactory()).post(f"{URL}{appointment['id']}/cancel/")
    assert response.status_code == 404
    assert Appointment.objects.get(pk=appointment["id"]).status == "booked"
    assert not TransitionLog.objects.exists()


@pytest.mark.rule("APT-3")
def test_cancel_after_the_time_is_refused(office, citizen_api, clock):
    """APT-3: once the time has passed, the appointment can no longer be cancelled (409)."""
    appointment = book(citizen_api, slot_at(office, at(TOMORROW, 10))).json()
    clock.move_to(at(TOMORROW, 10, 1))
    response = citizen_api.post(f"{URL}{appointment['id']}/cancel/")
    assert response.status_code == 409 and response.json()["code"] == "too_late"


# --- Limits (APT-6) -------------------------------------------------------------------------------
@pytest.mark.rule("APT-6")
def test_one_active_booking_per_office_and_day(office, citizen_api):
    """APT-6: a second booking at the same office on the same day is refused; another day is fine;
    after cancelling, the day is free again."""
    first = book(citizen_api, slot_at(office, at(TOMORROW, 10))).json()
    response = book(citizen_api, slot_at(office, at(TOMORROW, 12)))
    assert response.status_code == 409 and response.json()["code"] == "limit_per_office_day"
    assert (
        book(citizen_api, slot_at(office, at(TOMORROW + dt.timedelta(days=1), 12))).status_code
        == 201
    )
    citizen_api.post(f"{URL}{first['id']}/cancel/")
    assert book(citizen_api, slot_at(office, at(TOMORROW, 12))).status_code == 201


@pytest.mark.rule("APT-6")
def test_maximum_open_bookings(office, citizen_api):
    """APT-6: at most MAX_OPEN_BOOKINGS open appointments (default 3)."""
    for days in (1, 2, 3):
        assert (
            book(
                citizen_api, slot_at(office, at(NOW.date() + dt.timedelta(days=days), 10))
            ).status_code
            == 201
        )
    response = book(citizen_api, slot_at(office, at(NOW.date() + dt.timedelta(days=4), 10)))
    assert response.status_code == 409 and response.json()["code"] == "limit_open_bookings"


@pytest.mark.rule("APT-6")
def test_limits_are_settings(office, citizen_api):
    """APT-6: the limits, the horizon and the notice are settings."""
    from django.conf import settings

    relaxed = {
        **settings.APPOINTMENTS,
        "MAX_ACTIVE_PER_OFFICE_DAY": 2,
        "MIN_NOTICE": dt.timedelta(0),
    }
    with override_settings(APPOINTMENTS=relaxed):
        assert book(citizen_api, slot_at(office, at(NOW.date(), 9, 30))).status_code == 201
        assert book(citizen_api, slot_at(office, at(NOW.date(), 10))).status_code == 201
        response = book(citizen_api, slot_at(office, at(NOW.date(), 11)))
    assert response.json()["code"] == "limit_per_office_day"


def test_another_operational_office_is_independent(office, citizen_api):
    """APT-6: the per-day limit is per office: the same day at another office is allowed."""
    other = operational_office()
    assert book(citizen_api, slot_at(office, at(TOMORROW, 10))).status_code == 201
    assert book(citizen_api, slot_at(other, at(TOMORROW, 10))).status_code == 201
