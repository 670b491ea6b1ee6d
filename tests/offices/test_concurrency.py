"""A slot is never booked twice, even under concurrent requests (APT-2), on PostgreSQL."""

import datetime as dt
import threading
from collections import Counter

import pytest
from django.db import connection, connections
from django.utils import timezone

from offices.models import Appointment, Slot
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.offices import operational_office

THREADS = 50


@pytest.mark.rule("APT-2")
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_bookings_of_a_one_seat_slot_give_one_booking_and_49_refusals():
    """APT-2: 50 users book the same one-seat slot at the same instant from 50 threads (50
    database connections): exactly one booking is made, the 49 others get 409 `slot_full`,
    and the slot's counter and the appointments agree."""
    assert connection.vendor == "postgresql"
    office = operational_office(slot_capacity=1)
    slot = (
        Slot.objects.filter(office=office, starts_at__gte=timezone.now() + dt.timedelta(hours=2))
        .order_by("starts_at")
        .first()
    )
    assert slot.capacity == 1
    clients = [client_for(UserFactory()) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def attempt(index):
        try:
            barrier.wait()
            response = clients[index].post(
                "/api/v1/offices/appointments/", {"slot": slot.pk, "service": "petition"}
            )
            results[index] = (response.status_code, response.json().get("code"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    outcomes = Counter(results)
    assert outcomes == {(201, None): 1, (409, "slot_full"): THREADS - 1}, outcomes
    slot.refresh_from_db()
    assert slot.booked == 1
    assert Appointment.objects.filter(slot=slot).count() == 1


@pytest.mark.rule("APT-6")
@pytest.mark.django_db(transaction=True)
def test_one_user_booking_twice_at_once_gets_one_appointment():
    """APT-6: the same user's concurrent requests for two slots of one office and day are
    serialised on the user's row: one is booked, the other refused with `limit_per_office_day`."""
    office = operational_office()
    upcoming = Slot.objects.filter(
        office=office, starts_at__gte=timezone.now() + dt.timedelta(hours=2)
    ).order_by("starts_at")
    by_day = {}
    for slot in upcoming:
        by_day.setdefault(slot.day, []).append(slot)
    slots = next(day_slots[:2] for day_slots in by_day.values() if len(day_slots) >= 2)
    user = UserFactory()
    barrier = threading.Barrier(2)
    results = []

    def attempt(slot):
        try:
            barrier.wait()
            response = client_for(user).post(
                "/api/v1/offices/appointments/", {"slot": slot.pk, "service": "petition"}
            )
            results.append((response.status_code, response.json().get("code")))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(s,)) for s in slots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results, key=str) == sorted([(201, None), (409, "limit_per_office_day")], key=str)
    assert Appointment.objects.filter(user=user).count() == 1


@pytest.mark.rule("APT-2")
@pytest.mark.django_db(transaction=True)
def test_moves_and_bookings_racing_for_the_last_seat_give_it_to_one():
    """APT-2: ten people move their bookings into the same one-seat slot while ten others book
    it, all at once: exactly one gets it, the others are refused with 409 `slot_full`; every
    seat counter agrees with the appointments (the moved ones' old seats freed, none lost)."""
    office = operational_office(slot_capacity=1)
    upcoming = list(
        Slot.objects.filter(
            office=office, starts_at__gte=timezone.now() + dt.timedelta(hours=2)
        ).order_by("starts_at")[:12]
    )
    target, sources = upcoming[0], upcoming[1:11]
    movers, bookers = [], [client_for(UserFactory()) for _ in range(10)]
    for source in sources:
        client = client_for(UserFactory())
        response = client.post(
            "/api/v1/offices/appointments/", {"slot": source.pk, "service": "petition"}
        )
        assert response.status_code == 201, response.json()
        movers.append((client, response.json()["id"]))
    barrier = threading.Barrier(20)
    results = []

    def attempt(call):
        try:
            barrier.wait()
            response = call()
            results.append((response.status_code, response.json().get("code")))
        finally:
            connections.close_all()

    calls = [
        lambda c=c, pk=pk: c.post(
            f"/api/v1/offices/appointments/{pk}/reschedule/", {"slot": target.pk}
        )
        for c, pk in movers
    ] + [
        lambda c=c: c.post(
            "/api/v1/offices/appointments/", {"slot": target.pk, "service": "petition"}
        )
        for c in bookers
    ]
    threads = [threading.Thread(target=attempt, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    outcomes = Counter(code for _status, code in results)
    assert outcomes["slot_full"] == 19, results
    assert sum(1 for status, _code in results if status in (200, 201)) == 1, results
    for slot in Slot.objects.filter(office=office):
        assert slot.booked == Appointment.objects.filter(slot=slot, status="booked").count()
    assert Appointment.objects.filter(slot=target).count() == 1


@pytest.mark.rule("APT-2")
@pytest.mark.django_db(transaction=True)
def test_desk_and_online_bookings_of_a_one_seat_slot_at_the_same_instant_give_one_booking():
    """APT-2, art. 7: the office's desk books on the same locks as online booking — ten
    bookings of one seat at the same instant, half by a clerk for walk-ins and half by people
    online, give one appointment and nine 409 `slot_full`."""
    office = operational_office(slot_capacity=1)
    slot = (
        Slot.objects.filter(office=office, starts_at__gte=timezone.now() + dt.timedelta(hours=2))
        .order_by("starts_at")
        .first()
    )
    clerk = office.people["clerk"][0]
    people = [UserFactory() for _ in range(10)]
    requests = []
    for index, person in enumerate(people):
        if index % 2:
            requests.append((client_for(person), "/api/v1/offices/appointments/", {}))
        else:
            body = {"national_id": person.national_id}
            requests.append((client_for(clerk), f"/api/v1/offices/{office.code}/desk/book/", body))
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def attempt(index):
        client, url, extra = requests[index]
        try:
            barrier.wait()
            response = client.post(
                url, {"slot": slot.pk, "service": "petition", **extra}, format="json"
            )
            results[index] = (response.status_code, response.json().get("code"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert Counter(results) == {(201, None): 1, (409, "slot_full"): 9}, results
    slot.refresh_from_db()
    assert slot.booked == 1 and Appointment.objects.filter(slot=slot).count() == 1
