"""Offices (OFF-1), the staffing minimum and the licence (OFF-2), staff posts and their scope."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.test import override_settings

from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from offices import services
from offices.licence import LicenceStatus
from offices.models import Membership, Office, Province, StaffRole
from offices.selectors import operational_status
from tests.factories.accounts import UserFactory
from tests.factories.offices import OfficeFactory, qualified_profile, regulator, staff_office
from tests.offices.conftest import NOW, at, slot_at

pytestmark = pytest.mark.django_db


def codes(status):
    return [r.code for r in status.reasons]


@pytest.mark.rule("OFF-1")
def test_an_office_has_a_unique_code_location_services_hours_and_manager():
    """OFF-1: unique code, names, province, city, address, location, phone, services, hours,
    manager."""
    office = OfficeFactory(code="12345678")
    people = staff_office(office)
    office.refresh_from_db()
    assert office.manager == people["manager"]
    assert office.province.code == "tehran" and office.city.name_en == "Tehran"
    assert office.services.count() == 8
    assert office.hours.count() == 6
    with pytest.raises(IntegrityError):
        OfficeFactory(code="12345678")


@pytest.mark.rule("OFF-1")
def test_reference_data_covers_all_31_provinces_with_their_cities():
    """OFF-1: provinces and cities of Iran in Persian and English, every province with cities."""
    assert Province.objects.count() == 31
    for province in Province.objects.prefetch_related("cities"):
        cities = list(province.cities.all())
        assert len(cities) >= 5, province.code
        assert province.name_fa and province.name_en
        assert sum(c.is_capital for c in cities) == 1
    assert (
        Province.objects.get(code="isfahan")
        .cities.filter(name_fa="کاشان", name_en="Kashan")
        .exists()
    )


@pytest.mark.rule("OFF-2")
def test_a_fully_staffed_licensed_office_is_operational():
    """OFF-2: manager full time + 1 legal expert + 1 IT expert + 2 clerks + active licence."""
    office = OfficeFactory()
    staff_office(office)
    assert operational_status(office).operational is True


@pytest.mark.rule("OFF-2")
@pytest.mark.parametrize(
    ("staffing", "reason"),
    [
        ({"manager": False}, "no_manager"),
        ({"legal": 0}, "legal_expert_missing"),
        ({"it": 0}, "it_expert_missing"),
        ({"clerks": 1}, "clerk_missing"),
    ],
)
def test_an_office_below_the_staffing_minimum_is_not_operational_and_says_why(staffing, reason):
    """OFF-2: each missing post of art. 15 is a reason, shown with its article."""
    office = OfficeFactory()
    staff_office(office, **staffing)
    status = operational_status(office)
    assert status.operational is False
    assert codes(status) == [reason]
    assert status.reasons[0].article == "15"


@pytest.mark.rule("OFF-2")
def test_an_office_whose_licence_is_not_active_is_not_operational():
    """OFF-2: the licence state comes from the pluggable provider (default: the office's flag)."""
    office = OfficeFactory(licence_active=False)
    staff_office(office)
    assert codes(operational_status(office)) == ["licence_inactive"]


class SuspendedLicences:
    def annotate(self, queryset):
        return queryset

    def status(self, office):
        return LicenceStatus(
            active=False, code="licence_suspended", message="Suspended by the board."
        )


@pytest.mark.rule("OFF-2")
def test_the_licence_provider_is_a_setting():
    """OFF-2: licensing replaces the provider through OFFICES["LICENCE_STATUS_PROVIDER"]."""
    office = OfficeFactory()
    staff_office(office)
    from django.conf import settings

    with override_settings(
        OFFICES={
            **settings.OFFICES,
            "LICENCE_STATUS_PROVIDER": "tests.offices.test_offices.SuspendedLicences",
        }
    ):
        status = operational_status(office)
    assert codes(status) == ["licence_suspended"]
    assert status.reasons[0].message == "Suspended by the board."


@pytest.mark.rule("OFF-2")
def test_a_non_operational_office_shows_why_in_the_directory_and_refuses_bookings(
    clock, citizen_api
):
    """OFF-2, APT-1: the directory shows the reasons; the calendar has no slots; booking is
    refused."""
    office = OfficeFactory()
    staff_office(office, clerks=1)
    services.slots_generate(office=office)
    slot = slot_at(office, at(NOW.date() + dt.timedelta(days=1), 10))

    detail = citizen_api.get(f"/api/v1/offices/{office.code}/").json()
    assert detail["status"]["operational"] is False
    assert [r["code"] for r in detail["status"]["reasons"]] == ["clerk_missing"]
    calendar = citizen_api.get(f"/api/v1/offices/{office.code}/slots/").json()
    assert calendar["slots"] == [] and calendar["status"]["operational"] is False

    response = citizen_api.post(
        "/api/v1/offices/appointments/", {"slot": slot.pk, "service": "petition"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "office_not_operational"
    assert response.json()["fields"]["office"]
    slot.refresh_from_db()
    assert slot.booked == 0 and not office.appointments.exists()


@pytest.mark.rule("OFF-2")
def test_releasing_a_clerk_makes_the_office_non_operational_and_revokes_access():
    """OFF-2: staffing is read live; a released person loses the office's permissions at once."""
    office = OfficeFactory()
    people = staff_office(office)
    clerk = people["clerk"][0]
    assert clerk.has_perm("offices.manage_appointments", office)
    post = Membership.objects.get(profile__user=clerk, ended_on__isnull=True)
    services.staff_release(actor=regulator(), membership=post)
    clerk = type(clerk).objects.get(pk=clerk.pk)
    assert not clerk.has_perm("offices.manage_appointments", office)
    assert codes(operational_status(office)) == ["clerk_missing"]


@pytest.mark.rule("OFF-2")
def test_the_manager_must_work_full_time():
    """OFF-2: art. 15 — the manager is present full time; a part-time manager is refused."""
    office = OfficeFactory()
    with pytest.raises(ValidationFailed) as refused:
        services.staff_appoint(
            actor=regulator(),
            office=office,
            profile=qualified_profile(StaffRole.MANAGER),
            role=StaffRole.MANAGER,
            full_time=False,
        )
    assert refused.value.code == "manager_full_time"


def test_one_manager_per_office_and_one_post_per_person():
    """A second manager, or a person already in a post, is refused with 409 codes."""
    office = OfficeFactory()
    people = staff_office(office)
    actor = regulator()
    with pytest.raises(Conflict) as refused:
        services.staff_appoint(
            actor=actor,
            office=office,
            profile=qualified_profile(StaffRole.MANAGER),
            role=StaffRole.MANAGER,
        )
    assert refused.value.code == "manager_exists"
    with pytest.raises(Conflict) as refused:
        services.staff_appoint(
            actor=actor,
            office=OfficeFactory(),
            profile=people["clerk"][0].staff_profile,
            role=StaffRole.CLERK,
        )
    assert refused.value.code == "already_employed"


def test_managers_appoint_their_own_staff_but_not_managers_nor_elsewhere():
    """Object scope: a manager staffs their own office only; the General Directorate appoints
    managers."""
    office, other = OfficeFactory(), OfficeFactory()
    manager = staff_office(office, legal=0, it=0, clerks=0)["manager"]
    clerk = services.staff_appoint(
        actor=manager,
        office=office,
        profile=qualified_profile(StaffRole.CLERK),
        role=StaffRole.CLERK,
    )
    assert clerk.office == office
    with pytest.raises(Forbidden):
        services.staff_appoint(
            actor=manager,
            office=office,
            profile=qualified_profile(StaffRole.MANAGER),
            role=StaffRole.MANAGER,
        )
    with pytest.raises(NotFound):
        services.staff_appoint(
            actor=manager,
            office=other,
            profile=qualified_profile(StaffRole.CLERK),
            role=StaffRole.CLERK,
        )
    with pytest.raises(NotFound):
        services.staff_appoint(
            actor=UserFactory(),
            office=office,
            profile=qualified_profile(StaffRole.CLERK),
            role=StaffRole.CLERK,
        )


def test_office_history_records_who_changed_what():
    """AUD-1 for offices: the manager's appointment is in the office's history with its actor."""
    office = OfficeFactory()
    actor = regulator()
    staff_office(office, actor=actor)
    record = Office.history.filter(id=office.pk).order_by("-history_date").first()
    assert record.manager_id == office.manager_id
    assert record.history_user == actor
