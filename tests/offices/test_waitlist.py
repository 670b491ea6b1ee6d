"""The waiting list: a person waits for a full day; a freed seat is held for the first one
waiting, who takes it or lets it pass to the next (APT-1, APT-2, APT-3)."""

import datetime as dt

import pytest
from django.db.models import F
from django.test import Client

from core.models import OutboundMessage, TransitionLog
from offices import services
from offices.models import Appointment, Slot, WaitingListEntry
from offices.sweeps import expire_offers
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)
URL = "/api/v1/offices/appointments/"
WAITLIST = "/api/v1/offices/waitlist/"


def join(client, office, day=TOMORROW, service="petition"):
    return client.post(WAITLIST, {"office": office.code, "service": service, "day": day})


@pytest.fixture
def full_day(office, citizen_api):
    """Tomorrow fully booked; the citizen holds one of its seats (10:00)."""
    response = citizen_api.post(
        URL, {"slot": slot_at(office, at(TOMORROW, 10)).pk, "service": "petition"}
    )
    Slot.objects.filter(office=office, day=TOMORROW).update(booked=F("capacity"))
    return Appointment.objects.get(pk=response.json()["id"])


@pytest.fixture
def waiting(office, full_day):
    """Two people waiting for tomorrow, in this order."""
    people = [UserFactory(), UserFactory()]
    for person in people:
        assert join(client_for(person), office).status_code == 201
    return people


def entry_of(user) -> WaitingListEntry:
    return WaitingListEntry.objects.get(user=user)


def test_one_joins_only_a_full_day_once(office, citizen_api, full_day):
    """Joining: a day with free times is 409 `times_free`; a full day 201; again 409
    `already_waiting`; a day the office is closed 400 `office_closed`."""
    other_day = join(citizen_api, office, day=TOMORROW + dt.timedelta(days=1))
    assert other_day.status_code == 409 and other_day.json()["code"] == "times_free"
    person = client_for(UserFactory())
    response = join(person, office)
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "waiting" and response.json()["day"] == str(TOMORROW)
    again = join(person, office)
    assert again.status_code == 409 and again.json()["code"] == "already_waiting"
    friday = join(person, office, day=NOW.date() + dt.timedelta(days=6))
    assert friday.status_code == 400 and friday.json()["code"] == "office_closed"
    assert WaitingListEntry.objects.count() == 1


@pytest.mark.rule("APT-3")
def test_a_moved_appointment_frees_its_seat_for_the_first_one_waiting(
    office, citizen_api, full_day, waiting, django_capture_on_commit_callbacks
):
    """APT-3: a booking moved to another day frees its old seat; the first person waiting is
    offered it (held: the seat stays counted, so nobody else can book it) and told by SMS;
    the second still waits."""
    old = full_day.slot
    new = slot_at(office, at(TOMORROW + dt.timedelta(days=1), 10))
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_api.post(f"{URL}{full_day.pk}/reschedule/", {"slot": new.pk})
    assert response.status_code == 200, response.json()
    first, second = (entry_of(p) for p in waiting)
    assert (first.status, first.slot_id) == ("offered", old.pk)
    assert first.offer_expires_at == NOW + dt.timedelta(hours=2)
    assert second.status == "waiting"
    old.refresh_from_db()
    assert old.booked == old.capacity
    taken = client_for(UserFactory()).post(URL, {"slot": old.pk, "service": "petition"})
    assert taken.status_code == 409 and taken.json()["code"] == "slot_full"
    message = OutboundMessage.objects.get(purpose="appointments.waitlist_offer")
    assert message.user == waiting[0] and "۱۰:۰۰" in message.body


@pytest.mark.rule("APT-3")
def test_a_cancellation_offers_the_seat_and_the_offer_is_taken_once(
    office, citizen_api, full_day, waiting
):
    """APT-3: a cancelled seat is offered; transition `accept`, allowed actor: the person
    offered it gets a booking on that seat (201); a second accept is 409 `wrong_state` and
    books nothing more; anyone else's accept is 404."""
    citizen_api.post(f"{URL}{full_day.pk}/cancel/")
    first = entry_of(waiting[0])
    stranger = client_for(UserFactory()).post(f"{WAITLIST}{first.pk}/accept/")
    assert stranger.status_code == 404 and stranger.json()["code"] == "not_found"
    person = client_for(waiting[0])
    response = person.post(f"{WAITLIST}{first.pk}/accept/")
    assert response.status_code == 201, response.json()
    assert response.json()["starts_at"].startswith("2025-10-05T10:00")
    again = person.post(f"{WAITLIST}{first.pk}/accept/")
    assert again.status_code == 409 and again.json()["code"] == "wrong_state"
    assert Appointment.objects.filter(user=waiting[0]).count() == 1
    first.refresh_from_db()
    assert first.status == "accepted" and first.appointment.slot_id == full_day.slot_id
    slot = full_day.slot
    slot.refresh_from_db()
    assert slot.booked == slot.capacity  # the seat held became the booking
    assert Appointment.objects.filter(slot=slot, status="booked").count() == 1
    assert TransitionLog.objects.get(transition="accept").actor == waiting[0]


@pytest.mark.rule("APT-3")
def test_an_expired_offer_passes_to_the_next_and_the_sweep_is_idempotent(
    office, citizen_api, full_day, waiting, clock
):
    """APT-3: an offer not taken within the hold expires at the sweep and passes to the next
    person waiting; the sweep run again changes nothing; when nobody else waits, the seat is
    free again for anyone."""
    citizen_api.post(f"{URL}{full_day.pk}/cancel/")
    first, second = (entry_of(p) for p in waiting)
    late = client_for(waiting[0])
    clock.move_to(NOW + dt.timedelta(hours=2, minutes=1))
    refused = late.post(f"{WAITLIST}{first.pk}/accept/")
    assert refused.status_code == 409 and refused.json()["code"] == "offer_expired"

    now = NOW + dt.timedelta(hours=2, minutes=1)
    assert expire_offers(now) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("expired", "offered")
    assert second.slot_id == full_day.slot_id
    assert expire_offers(now) == 0
    assert WaitingListEntry.objects.filter(status="offered").count() == 1

    clock.move_to(NOW + dt.timedelta(hours=4, minutes=2))
    assert expire_offers(NOW + dt.timedelta(hours=4, minutes=2)) == 1
    slot = full_day.slot
    slot.refresh_from_db()
    assert slot.booked == slot.capacity - 1
    assert TransitionLog.objects.filter(transition="expire").count() == 2


def test_declining_an_offer_passes_it_on_and_leaving_is_the_persons_own(
    office, citizen_api, full_day, waiting
):
    """Transition `leave`: the person declines the time offered (it passes to the next);
    another person's `leave` is 404 and changes nothing; leaving twice is 409."""
    citizen_api.post(f"{URL}{full_day.pk}/cancel/")
    first, second = (entry_of(p) for p in waiting)
    other = client_for(waiting[1]).post(f"{WAITLIST}{first.pk}/leave/")
    assert other.status_code == 404
    response = client_for(waiting[0]).post(f"{WAITLIST}{first.pk}/leave/")
    assert response.status_code == 200 and response.json()["status"] == "left"
    second.refresh_from_db()
    assert second.status == "offered"
    again = client_for(waiting[0]).post(f"{WAITLIST}{first.pk}/leave/")
    assert again.status_code == 409 and again.json()["code"] == "wrong_state"


@pytest.mark.rule("APT-4")
def test_a_no_show_frees_no_seat(office, full_day, waiting, clock):
    """APT-4: a no-show's seat is in the past: nobody is offered it."""
    clock.move_to(at(TOMORROW, 16, 1))
    assert services.appointment_mark_no_show(appointment_id=full_day.pk) is True
    assert not WaitingListEntry.objects.exclude(status="waiting").exists()


def test_the_pages_join_and_take_an_offer(office, citizen_api, full_day):
    """The office's page lists the full day with a button to wait for it; "my appointments"
    shows the time offered with a button that books it."""
    person = UserFactory()
    page = Client()
    page.force_login(person)
    body = page.get(f"/appointments/office/{office.code}/").content.decode()
    assert f'data-full-day="{TOMORROW}"' in body
    joined = page.post(
        "/appointments/waitlist/join/",
        {"office": office.code, "service": "petition", "day": str(TOMORROW)},
    )
    assert joined.status_code == 302 and entry_of(person).status == "waiting"
    citizen_api.post(f"{URL}{full_day.pk}/cancel/")
    entry = entry_of(person)
    mine = page.get("/appointments/").content.decode()
    assert f'action="/appointments/waitlist/{entry.pk}/action/accept/"' in mine
    taken = page.post(f"/appointments/waitlist/{entry.pk}/action/accept/")
    assert taken.status_code == 302 and taken["Location"] == "/appointments/"
    assert Appointment.objects.get(user=person).slot_id == full_day.slot_id
