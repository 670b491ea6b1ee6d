"""Moving a booked appointment to another time (APT-1, APT-2, APT-4, APT-6): the code stays,
the old seat is freed and the new one taken; the person or their office's staff may move it."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from core.models import OutboundMessage, TransitionLog
from offices.models import Appointment, OnlineBookingBan, Slot
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.offices import operational_office
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)  # Sunday
MONDAY = TOMORROW + dt.timedelta(days=1)
URL = "/api/v1/offices/appointments/"


def book(client, slot, service="petition"):
    response = client.post(URL, {"slot": slot.pk, "service": service})
    assert response.status_code == 201, response.json()
    return Appointment.objects.get(pk=response.json()["id"])


def move(client, appointment, slot):
    return client.post(f"{URL}{appointment.pk}/reschedule/", {"slot": slot.pk})


@pytest.mark.rule("APT-1")
@pytest.mark.rule("APT-2")
def test_the_owner_moves_a_booking_keeping_its_code(
    office, citizen, citizen_api, django_capture_on_commit_callbacks, sms_outbox
):
    """APT-1, APT-2 — transition `reschedule`, allowed actor: the owner. The check-in code
    stays, the old seat is freed and the new one taken, a log row and a history row record
    it, and an SMS in the person's language (Persian: Jalali date) says where it went."""
    old, new = slot_at(office, at(TOMORROW, 10)), slot_at(office, at(MONDAY, 11))
    appointment = book(citizen_api, old)
    code = appointment.check_in_code
    with django_capture_on_commit_callbacks(execute=True):
        response = move(citizen_api, appointment, new)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["check_in_code"] == code and body["status"] == "booked"
    assert body["starts_at"].startswith("2025-10-06T11:00") and body["rescheduled_at"]
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.booked, new.booked) == (0, 1)
    appointment.refresh_from_db()
    assert (appointment.slot, appointment.day) == (new, MONDAY)
    assert appointment.day_ends_at == at(MONDAY, 16)
    log = TransitionLog.objects.get(transition="reschedule")
    assert (log.source, log.target, log.actor) == ("booked", "booked", citizen)
    assert appointment.history.first().history_user == citizen
    message = OutboundMessage.objects.get(purpose="appointments.rescheduled")
    assert message.user == citizen and code in message.body
    assert "۱۴۰۴/۰۷/۱۴" in message.body and "۱۱:۰۰" in message.body  # 2025-10-06 11:00
    assert [m.purpose for m in sms_outbox] == ["appointments.rescheduled"]  # delivered


@pytest.mark.rule("APT-1")
@pytest.mark.parametrize("language", ["en", "az"])
def test_the_moved_sms_speaks_the_persons_language(
    office, django_capture_on_commit_callbacks, language
):
    """The SMS is in the reader's language, with no Persian words left in it."""
    person = UserFactory(preferred_language=language)
    appointment = book(client_for(person), slot_at(office, at(TOMORROW, 10)))
    with django_capture_on_commit_callbacks(execute=True):
        move(client_for(person), appointment, slot_at(office, at(TOMORROW, 12)))
    body = OutboundMessage.objects.get(purpose="appointments.rescheduled").body
    assert appointment.check_in_code in body
    assert {"en": "was moved", "az": "köçürüldü"}[language] in body
    assert not any("\u0600" <= ch <= "\u06ff" for ch in body.replace(office.name_fa, "")), body


@pytest.mark.rule("APT-1")
def test_the_office_staff_move_an_appointment_of_their_office(office, citizen, citizen_api):
    """Transition `reschedule`, allowed actor: a clerk of the appointment's office; the log
    names the clerk."""
    appointment = book(citizen_api, slot_at(office, at(TOMORROW, 10)))
    clerk = office.people["clerk"][0]
    response = move(client_for(clerk), appointment, slot_at(office, at(TOMORROW, 14)))
    assert response.status_code == 200, response.json()
    assert response.json()["starts_at"].startswith("2025-10-05T14:00")
    assert TransitionLog.objects.get(transition="reschedule").actor == clerk


@pytest.mark.rule("APT-1")
@pytest.mark.parametrize("who", ["another_citizen", "staff_of_another_office"])
def test_anyone_else_gets_404_and_nothing_changes(office, citizen_api, who):
    """Transition `reschedule`, forbidden actor: another person, or another office's staff,
    get 404 (the appointment looks missing); the seats and the appointment are unchanged."""
    old, new = slot_at(office, at(TOMORROW, 10)), slot_at(office, at(TOMORROW, 12))
    appointment = book(citizen_api, old)
    actor = UserFactory() if who == "another_citizen" else operational_office().people["clerk"][0]
    response = move(client_for(actor), appointment, new)
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    appointment.refresh_from_db()
    new.refresh_from_db()
    assert appointment.slot_id == old.pk and new.booked == 0
    assert not TransitionLog.objects.filter(transition="reschedule").exists()


@pytest.mark.rule("APT-1")
def test_only_a_booked_appointment_still_to_come_moves(office, citizen_api, clock):
    """Transition `reschedule`, wrong state: a cancelled appointment is 409 `wrong_state`;
    one whose time has passed is 409 `too_late`; nothing changes."""
    new = slot_at(office, at(MONDAY, 12))
    cancelled = book(citizen_api, slot_at(office, at(TOMORROW, 10)))
    citizen_api.post(f"{URL}{cancelled.pk}/cancel/")
    response = move(citizen_api, cancelled, new)
    assert response.status_code == 409 and response.json()["code"] == "wrong_state"

    passed = book(citizen_api, slot_at(office, at(TOMORROW, 11)))
    clock.move_to(at(TOMORROW, 11, 5))
    response = move(citizen_api, passed, new)
    assert response.status_code == 409 and response.json()["code"] == "too_late"
    new.refresh_from_db()
    assert new.booked == 0
    assert Appointment.objects.get(pk=passed.pk).starts_at == at(TOMORROW, 11)


@pytest.mark.rule("APT-2")
@pytest.mark.rule("APT-6")
@pytest.mark.parametrize(
    ("target", "status", "code"),
    [
        ("same", 400, "same_slot"),
        ("other_office", 400, "unknown_slot"),
        ("full", 409, "slot_full"),
        ("far", 400, "too_far_ahead"),
        ("day_taken", 409, "limit_per_office_day"),
    ],
)
def test_the_booking_rules_still_apply(office, citizen_api, target, status, code):
    """APT-2, APT-6: the new time must be another free slot of the same office, within the
    horizon, and the person's limits hold (their booking being moved does not count against
    itself, another on that day does); a refusal leaves everything as it was."""
    old = slot_at(office, at(TOMORROW, 10))
    appointment = book(citizen_api, old)
    book(citizen_api, slot_at(office, at(MONDAY, 9)))
    targets = {
        "same": lambda: old,
        "other_office": lambda: Slot.objects.filter(office=operational_office()).first(),
        "full": lambda: slot_at(office, at(TOMORROW, 12)),
        "far": lambda: Slot.objects.filter(office=office).order_by("-starts_at").first(),
        "day_taken": lambda: slot_at(office, at(MONDAY, 12)),
    }
    if target == "full":
        for _ in range(2):
            book(client_for(UserFactory()), slot_at(office, at(TOMORROW, 12)))
    slot = targets[target]()
    if target == "far":
        Slot.objects.filter(pk=slot.pk).update(day=NOW.date() + dt.timedelta(days=20))
    before = {s.pk: s.booked for s in Slot.objects.all()}
    response = move(citizen_api, appointment, slot)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert {s.pk: s.booked for s in Slot.objects.all()} == before
    appointment.refresh_from_db()
    assert appointment.slot_id == old.pk


@pytest.mark.rule("APT-6")
def test_moving_within_the_same_day_is_not_a_second_booking(office, citizen_api):
    """APT-6: the booking being moved does not count against the one-per-day limit."""
    appointment = book(citizen_api, slot_at(office, at(TOMORROW, 10)))
    response = move(citizen_api, appointment, slot_at(office, at(TOMORROW, 15)))
    assert response.status_code == 200 and response.json()["day"] == TOMORROW.isoformat()


@pytest.mark.rule("APT-4")
def test_a_no_show_ban_stops_moving_too(office, citizen, citizen_api):
    """APT-4: while the person is banned from online booking, they cannot move a booking."""
    appointment = book(citizen_api, slot_at(office, at(TOMORROW, 10)))
    OnlineBookingBan.objects.create(
        user=citizen,
        appointment=appointment,
        starts_at=NOW - dt.timedelta(hours=1),
        ends_at=NOW + dt.timedelta(days=6),
    )
    response = move(citizen_api, appointment, slot_at(office, at(TOMORROW, 12)))
    assert response.status_code == 403 and response.json()["code"] == "booking_banned"
    assert Appointment.objects.get(pk=appointment.pk).starts_at == at(TOMORROW, 10)


@pytest.mark.rule("APT-1")
def test_the_move_page_lists_free_days_and_times_in_persian(office, citizen, citizen_api):
    """The page reached from "my appointments": Jalali days, Persian digits, the free times of
    the appointment's office (its own time left out); its form moves the booking."""
    old = slot_at(office, at(TOMORROW, 10))
    appointment = book(citizen_api, old)
    page = Client()
    page.force_login(citizen)
    mine = page.get("/appointments/").content.decode()
    assert f'href="/appointments/{appointment.pk}/reschedule/"' in mine
    response = page.get(f"/appointments/{appointment.pk}/reschedule/?day={TOMORROW}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["dir"] == "rtl"
    values = {int(i["value"]) for i in soup.select("form.reschedule-form input[name=slot]")}
    assert old.pk not in values and slot_at(office, at(TOMORROW, 12)).pk in values
    assert "۱۴۰۴" in soup.select_one(".day-list").get_text()
    assert "۱۲:۰۰" in soup.select_one(".slot-list").get_text()

    new = slot_at(office, at(TOMORROW, 12))
    done = page.post(f"/appointments/{appointment.pk}/reschedule/", {"slot": new.pk})
    assert done.status_code == 302 and done["Location"] == "/appointments/"
    appointment.refresh_from_db()
    assert appointment.slot_id == new.pk

    other = Client()
    other.force_login(UserFactory())
    assert other.get(f"/appointments/{appointment.pk}/reschedule/").status_code == 404
    assert (
        other.post(f"/appointments/{appointment.pk}/reschedule/", {"slot": old.pk}).status_code
        == 404
    )
    appointment.refresh_from_db()
    assert appointment.slot_id == new.pk
