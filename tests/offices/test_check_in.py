"""The office's day view and check-in (APT-5), limited to the office's own staff."""

import datetime as dt

import pytest

from core.models import TransitionLog
from offices.models import Appointment
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.offices import operational_office
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)


@pytest.fixture
def booked(office, citizen_api, clock):
    response = citizen_api.post(
        "/api/v1/offices/appointments/",
        {"slot": slot_at(office, at(TOMORROW, 10)).pk, "service": "petition"},
    )
    clock.move_to(at(TOMORROW, 9, 50))
    return Appointment.objects.get(pk=response.json()["id"])


def check_in(client, office, code, national_id):
    return client.post(
        f"/api/v1/offices/{office.code}/check-in/", {"code": code, "national_id": national_id}
    )


@pytest.mark.rule("APT-5")
@pytest.mark.parametrize("post", ["manager", "legal_expert", "it_expert", "clerk"])
def test_any_staff_member_checks_a_person_in_with_code_and_national_id(
    office, booked, citizen, post
):
    """APT-5 — transition `check_in`, allowed actor: the office's staff, with the receipt's code
    and the national ID card; the state changes and a log row names the staff member."""
    staff = office.people[post] if post == "manager" else office.people[post][0]
    response = check_in(
        client_for(staff), office, booked.check_in_code.lower(), citizen.national_id
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "checked_in"
    booked.refresh_from_db()
    assert booked.checked_in_by == staff and booked.checked_in_at is not None
    log = TransitionLog.objects.get(transition="check_in")
    assert (log.source, log.target, log.actor) == ("booked", "checked_in", staff)


@pytest.mark.rule("APT-5")
def test_the_qr_text_checks_in_too_and_twice_is_409(office, booked, citizen):
    """APT-5: the QR carries "DAFTAR:<code>"; a second check-in is 409 (wrong state)."""
    clerk = client_for(office.people["clerk"][0])
    assert (
        check_in(clerk, office, f"DAFTAR:{booked.check_in_code}", citizen.national_id).status_code
        == 200
    )
    again = check_in(clerk, office, booked.check_in_code, citizen.national_id)
    assert again.status_code == 409 and again.json()["code"] == "wrong_state"


@pytest.mark.rule("APT-5")
def test_the_national_id_must_match(office, booked):
    """APT-5: the national ID card must be the booker's; otherwise 400 and nothing changes."""
    response = check_in(
        client_for(office.people["clerk"][0]), office, booked.check_in_code, "0010000011"
    )
    assert response.status_code == 400 and response.json()["code"] == "identity_mismatch"
    booked.refresh_from_db()
    assert booked.status == "booked"


@pytest.mark.rule("APT-5")
def test_check_in_on_another_day_is_409(office, booked, citizen, clock):
    """APT-5: the code is valid on the appointment's day only."""
    clock.move_to(at(NOW.date(), 10))
    response = check_in(
        client_for(office.people["clerk"][0]), office, booked.check_in_code, citizen.national_id
    )
    assert response.status_code == 409 and response.json()["code"] == "not_today"


@pytest.mark.rule("APT-5")
def test_staff_of_another_office_and_the_public_get_404_and_nothing_changes(
    office, booked, citizen, citizen_api
):
    """APT-5 — transition `check_in`, forbidden actors: staff of office B, the booker and a
    stranger get 404 on office A's check-in and day view; nothing changes."""
    other = operational_office()
    outsiders = [
        client_for(other.people["manager"]),
        client_for(other.people["clerk"][0]),
        citizen_api,
    ]
    outsiders.append(client_for(UserFactory()))
    for client in outsiders:
        assert (
            check_in(client, office, booked.check_in_code, citizen.national_id).status_code == 404
        )
        assert client.get(f"/api/v1/offices/{office.code}/day/").status_code == 404
    # Office B's staff cannot check in A's appointment through their own office either.
    b_clerk = client_for(other.people["clerk"][0])
    assert check_in(b_clerk, other, booked.check_in_code, citizen.national_id).status_code == 404
    booked.refresh_from_db()
    assert booked.status == "booked"
    assert not TransitionLog.objects.exists()


@pytest.mark.rule("APT-5")
def test_the_day_view_lists_the_offices_appointments_of_the_day(office, booked, citizen):
    """APT-5: the office's day view shows the day's appointments with name and the last digits
    of the national ID, and counts per status."""
    response = client_for(office.people["it_expert"][0]).get(
        f"/api/v1/offices/{office.code}/day/", {"day": TOMORROW}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["counts"]["booked"] == 1
    [row] = body["appointments"]
    assert row["id"] == booked.pk and row["national_id_last4"] == citizen.national_id[-4:]
    assert (
        client_for(office.people["clerk"][0])
        .get(f"/api/v1/offices/{office.code}/day/", {"day": "tomorrow"})
        .status_code
        == 400
    )


@pytest.mark.rule("APT-5")
def test_the_regulator_sees_every_office(office, booked):
    """Object scope: the regulator's staff hold the permission model-wide."""
    from django.contrib.auth.models import Permission

    inspector = UserFactory()
    inspector.user_permissions.add(Permission.objects.get(codename="manage_appointments"))
    response = client_for(inspector).get(f"/api/v1/offices/{office.code}/day/", {"day": TOMORROW})
    assert response.status_code == 200 and response.json()["counts"]["booked"] == 1


@pytest.mark.rule("AUD-3")
def test_the_appointment_timeline_is_visible_to_owner_and_office_only(office, booked, citizen_api):
    """AUD-3: the owner and the office's staff read the appointment's timeline; others get 404."""
    url = f"/api/v1/audit/timeline/offices.appointment/{booked.pk}/"
    assert citizen_api.get(url).status_code == 200
    assert client_for(office.people["clerk"][0]).get(url).status_code == 200
    assert client_for(operational_office().people["clerk"][0]).get(url).status_code == 404
