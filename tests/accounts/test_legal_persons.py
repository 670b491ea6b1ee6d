"""Legal persons and their representatives (ID-3)."""

import pytest
from rest_framework.test import APIClient

from accounts import services
from core.exceptions import Conflict, Forbidden
from tests.factories import LegalPersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.rule("ID-3")
def test_grant_records_the_representation_and_the_object_permission(member):
    """ID-3: granting records a Representation and guardian's object permission; revoking
    removes both."""
    company = LegalPersonFactory()
    representation = services.representation_grant(
        actor=None, legal_person=company, user=member, title="CEO"
    )
    assert member.has_perm("accounts.act_for_legalperson", company)
    assert representation.revoked_at is None
    with pytest.raises(Conflict):
        services.representation_grant(actor=None, legal_person=company, user=member)
    services.representation_revoke(actor=None, representation=representation)
    representation.refresh_from_db()
    assert representation.revoked_at is not None
    member = type(member).objects.get(pk=member.pk)  # fresh permission cache
    assert not member.has_perm("accounts.act_for_legalperson", company)


@pytest.mark.rule("ID-3")
def test_only_permitted_staff_may_grant(member):
    """ID-3: an ordinary user cannot make anyone a representative."""
    with pytest.raises(Forbidden):
        services.representation_grant(
            actor=UserFactory(), legal_person=LegalPersonFactory(), user=member
        )


@pytest.mark.rule("ID-3")
def test_lists_only_represented_legal_persons_and_404_for_others(member):
    """ID-3: a user sees the legal persons they represent; any other answers 404."""
    mine = LegalPersonFactory(name="Mine")
    revoked = LegalPersonFactory(name="Revoked")
    other = LegalPersonFactory(name="Other")
    services.representation_grant(actor=None, legal_person=mine, user=member)
    services.representation_revoke(
        actor=None,
        representation=services.representation_grant(actor=None, legal_person=revoked, user=member),
    )
    services.representation_grant(actor=None, legal_person=other, user=UserFactory())
    client = APIClient()
    client.force_authenticate(member)
    listing = client.get("/api/v1/accounts/legal-persons/")
    assert listing.status_code == 200
    assert [row["name"] for row in listing.json()["results"]] == ["Mine"]
    assert client.get(f"/api/v1/accounts/legal-persons/{mine.pk}/").status_code == 200
    for hidden in (other, revoked):
        response = client.get(f"/api/v1/accounts/legal-persons/{hidden.pk}/")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert client.get("/api/v1/accounts/legal-persons/999999/").status_code == 404
