"""Django admin screens for accounts: history kept, nothing deleted, grants through services."""

import pytest
from django.test import Client

from accounts.models import Representation
from tests.factories import LegalPersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(db):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_screens_render(admin_client_, member):
    company = LegalPersonFactory()
    for url in (
        "/django-admin/accounts/user/",
        f"/django-admin/accounts/user/{member.pk}/change/",
        f"/django-admin/accounts/user/{member.pk}/history/",
        "/django-admin/accounts/legalperson/",
        "/django-admin/accounts/legalperson/add/",
        f"/django-admin/accounts/legalperson/{company.pk}/change/",
        "/django-admin/accounts/representation/add/",
    ):
        assert admin_client_.get(url).status_code == 200, url
    assert admin_client_.get(f"/django-admin/accounts/user/{member.pk}/delete/").status_code == 403


@pytest.mark.rule("ID-3")
def test_admin_grant_goes_through_the_service(admin_client_, member):
    """ID-3: a representation added in the admin also grants the object permission."""
    company = LegalPersonFactory()
    response = admin_client_.post(
        "/django-admin/accounts/representation/add/",
        {"legal_person": company.pk, "user": member.pk, "title": "CEO"},
    )
    assert response.status_code == 302
    assert Representation.objects.get(user=member).granted_by is not None
    assert member.has_perm("accounts.act_for_legalperson", company)
