"""Staff screens (Django admin): an office's staff see and change only their office."""

import pytest
from django.test import Client

from offices.models import Membership, StaffRole
from tests.factories.offices import OfficeFactory, qualified_profile, regulator, staff_office

pytestmark = pytest.mark.django_db
ADMIN = "/django-admin/offices"


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_offices():
    a, b = OfficeFactory(name_fa="دفتر الف"), OfficeFactory(name_fa="دفتر ب")
    return a, staff_office(a), b, staff_office(b)


def test_office_staff_see_only_their_office(two_offices):
    """Object scope: A's clerk lists only A; B's change page is not found; nothing to change."""
    a, people_a, b, _people_b = two_offices
    clerk = login(people_a["clerk"][0])
    listing = clerk.get(f"{ADMIN}/office/")
    assert listing.status_code == 200
    content = listing.content.decode()
    assert a.code in content and b.code not in content
    assert clerk.get(f"{ADMIN}/office/{b.pk}/change/").status_code in (302, 404)
    page = clerk.get(f"{ADMIN}/office/{a.pk}/change/")
    assert page.status_code == 200
    response = clerk.post(f"{ADMIN}/office/{a.pk}/change/", {"name_fa": "hacked"})
    assert response.status_code == 403
    a.refresh_from_db()
    assert a.name_fa == "دفتر الف"


def test_the_manager_changes_their_office_but_not_its_licence(two_offices):
    """The manager edits contact details and hours of their own office; the code, location
    reference and licence flag stay read-only for them; B is out of reach."""
    a, people_a, b, _ = two_offices
    manager = login(people_a["manager"])
    page = manager.get(f"{ADMIN}/office/{a.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "licence_active" not in form.fields and "code" not in form.fields
    assert manager.get(f"{ADMIN}/office/{b.pk}/change/").status_code in (302, 404)
    appointments = manager.get(f"{ADMIN}/appointment/")
    assert appointments.status_code == 200


def test_the_regulator_sees_every_office(two_offices):
    a, _, b, _ = two_offices
    content = login(regulator()).get(f"{ADMIN}/office/").content.decode()
    assert a.code in content and b.code in content


@pytest.mark.rule("OFF-5")
def test_giving_a_post_to_a_practising_lawyer_in_the_admin_cites_article_21():
    """OFF-5 on the staff screen: the post form shows the evaluator's unmet requirements."""
    office = OfficeFactory()
    profile = qualified_profile(StaffRole.MANAGER)
    profile.user.bar_licence_number = "B-1"
    profile.user.save()
    response = login(regulator()).post(
        f"{ADMIN}/membership/add/",
        {
            "office": office.pk,
            "profile": profile.pk,
            "role": "manager",
            "full_time": "on",
            "started_on": "2025-10-01",
        },
    )
    assert response.status_code == 200
    assert "21(1)" in response.content.decode()
    assert not Membership.objects.filter(office=office).exists()


def test_a_post_given_in_the_admin_goes_through_the_service():
    """The admin's post form appoints through the service: permissions and groups follow."""
    office = OfficeFactory()
    profile = qualified_profile(StaffRole.CLERK)
    response = login(regulator()).post(
        f"{ADMIN}/membership/add/",
        {
            "office": office.pk,
            "profile": profile.pk,
            "role": "clerk",
            "full_time": "on",
            "started_on": "2025-10-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.filter(office=office, profile=profile).exists()
    user = type(profile.user).objects.get(pk=profile.user.pk)
    assert user.is_staff and user.has_perm("offices.manage_appointments", office)
