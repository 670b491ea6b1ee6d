"""Slot length and seats per service (APT-2): a service an office gives a schedule of its own
is booked on its own slots; the others share the office's."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from offices import services
from offices.models import Service, ServiceSchedule, Slot
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.offices import operational_office
from tests.offices.conftest import NOW, at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)
URL = "/api/v1/offices/appointments/"


def set_schedule(client, office, **body):
    return client.post(f"/api/v1/offices/{office.code}/service-schedule/", body)


@pytest.fixture
def petition_hourly(office):
    """Petitions at this office: one hour each, one person at a time."""
    response = set_schedule(
        client_for(office.people["manager"]),
        office,
        service="petition",
        slot_minutes=60,
        slot_capacity=1,
    )
    assert response.status_code == 200, response.json()
    return Service.objects.get(code="petition")


@pytest.mark.rule("APT-2")
def test_a_service_with_its_own_schedule_gets_its_own_slots(office, petition_hourly):
    """APT-2: the service's slots follow its length and seats, beside the shared ones (the
    office's 30 minutes × 2 seats), and generating again changes nothing."""
    own = list(Slot.objects.filter(office=office, day=TOMORROW, service=petition_hourly))
    assert [s.starts_at for s in own] == [at(TOMORROW, h) for h in range(8, 16)]
    assert {(s.ends_at - s.starts_at, s.capacity) for s in own} == {(dt.timedelta(hours=1), 1)}
    shared = Slot.objects.filter(office=office, day=TOMORROW, service=None)
    assert shared.count() == 16 and {s.capacity for s in shared} == {2}
    assert services.slots_generate(office=office) == {"created": 0, "removed": 0, "updated": 0}


@pytest.mark.rule("APT-2")
def test_each_service_books_its_own_slots_and_the_calendar_shows_them(
    office, petition_hourly, citizen_api, api
):
    """APT-2: a petition books a petition slot; on a shared slot it is refused (400
    `slot_not_for_service`), as a complaint is on a petition slot; the calendar filtered by
    service lists only that service's slots, each naming its service."""
    own = Slot.objects.get(office=office, service=petition_hourly, starts_at=at(TOMORROW, 10))
    shared = Slot.objects.get(office=office, service=None, starts_at=at(TOMORROW, 10))
    refused = citizen_api.post(URL, {"slot": shared.pk, "service": "petition"})
    assert refused.status_code == 400 and refused.json()["code"] == "slot_not_for_service"
    refused = citizen_api.post(URL, {"slot": own.pk, "service": "complaint"})
    assert refused.status_code == 400 and refused.json()["code"] == "slot_not_for_service"
    assert citizen_api.post(URL, {"slot": own.pk, "service": "petition"}).status_code == 201
    full = client_for(UserFactory()).post(URL, {"slot": own.pk, "service": "petition"})
    assert full.status_code == 409 and full.json()["code"] == "slot_full"  # one seat

    calendar = api.get(
        f"/api/v1/offices/{office.code}/slots/",
        {"start": TOMORROW, "end": TOMORROW, "service": "petition"},
    ).json()
    assert len(calendar["slots"]) == 8 and {s["service"] for s in calendar["slots"]} == {"petition"}
    shared_only = api.get(
        f"/api/v1/offices/{office.code}/slots/",
        {"start": TOMORROW, "end": TOMORROW, "service": "complaint"},
    ).json()
    assert len(shared_only["slots"]) == 16 and {s["service"] for s in shared_only["slots"]} == {
        None
    }


@pytest.mark.rule("APT-2")
def test_the_manager_sets_and_resets_a_service_schedule_by_api(office, petition_hourly):
    """The office's manager sets it (the office's detail shows it) and, with both values
    empty, lets the service share the office's slots again: its free slots go, a booked one
    stays for the office to handle."""
    manager = client_for(office.people["manager"])
    detail = manager.get(f"/api/v1/offices/{office.code}/").json()
    assert detail["service_schedules"] == [
        {"service": "petition", "slot_minutes": 60, "slot_capacity": 1}
    ]
    booked = Slot.objects.get(office=office, service=petition_hourly, starts_at=at(TOMORROW, 10))
    assert (
        client_for(UserFactory()).post(URL, {"slot": booked.pk, "service": "petition"}).status_code
        == 201
    )
    response = set_schedule(manager, office, service="petition")
    assert response.status_code == 200 and response.json()["service_schedules"] == []
    assert list(Slot.objects.filter(office=office, service=petition_hourly)) == [booked]


@pytest.mark.rule("APT-2")
@pytest.mark.parametrize("who", ["clerk", "other_manager", "citizen"])
def test_only_the_offices_manager_sets_it(office, who):
    """A clerk, another office's manager or a citizen gets 404; nothing is stored."""
    actor = {
        "clerk": lambda: office.people["clerk"][0],
        "other_manager": lambda: operational_office().people["manager"],
        "citizen": UserFactory,
    }[who]()
    response = set_schedule(
        client_for(actor), office, service="petition", slot_minutes=60, slot_capacity=1
    )
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert not ServiceSchedule.objects.exists()
    assert not Slot.objects.filter(service__isnull=False).exists()


@pytest.mark.rule("APT-2")
def test_bad_schedules_are_400(office):
    """A service the office does not offer, or a length out of range, is 400 with its field."""
    manager = client_for(office.people["manager"])
    office.services.remove(Service.objects.get(code="complaint"))
    response = set_schedule(manager, office, service="complaint", slot_minutes=20)
    assert response.status_code == 400 and response.json()["code"] == "service_not_offered"
    response = set_schedule(manager, office, service="petition", slot_minutes=1)
    assert response.status_code == 400 and list(response.json()["fields"]) == ["slot_minutes"]
    assert not ServiceSchedule.objects.exists()


def _posted_form(page) -> dict:
    """The admin change form's fields and values as the browser would post them."""
    soup = BeautifulSoup(page.content, "html.parser")
    form = soup.select_one("form#office_form")
    data: dict[str, list] = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            data.setdefault(name, []).extend(
                o.get("value", "") for o in field.select("option[selected]")
            )
        elif field.name == "textarea":
            data.setdefault(name, []).append(field.get_text())
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data.setdefault(name, []).append(field.get("value", ""))
    return data


@pytest.mark.rule("APT-2")
def test_the_manager_sets_it_on_the_offices_settings_page(office):
    """The office's settings page (where the slot length is edited) has a row per service:
    saved, the service's slots are generated at once."""
    client = Client()
    client.force_login(office.people["manager"])
    page = client.get(f"/django-admin/offices/office/{office.pk}/change/")
    assert page.status_code == 200
    data = _posted_form(page)
    prefix = "service_schedules"
    assert f"{prefix}-TOTAL_FORMS" in data
    petition = Service.objects.get(code="petition")
    data[f"{prefix}-TOTAL_FORMS"] = ["1"]
    data[f"{prefix}-0-service"] = [str(petition.pk)]
    data[f"{prefix}-0-slot_minutes"] = ["45"]
    data[f"{prefix}-0-slot_capacity"] = ["3"]
    data[f"{prefix}-0-office"] = [str(office.pk)]
    response = client.post(f"/django-admin/offices/office/{office.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    schedule = ServiceSchedule.objects.get(office=office)
    assert (schedule.service, schedule.slot_minutes, schedule.slot_capacity) == (petition, 45, 3)
    first = Slot.objects.filter(office=office, service=petition, day=TOMORROW).first()
    assert (first.starts_at, first.ends_at, first.capacity) == (
        at(TOMORROW, 8),
        at(TOMORROW, 8, 45),
        3,
    )
