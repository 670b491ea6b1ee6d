"""Staff disabling and enabling accounts (transition rules of DESIGN.md, AUD-1), timelines."""

import pytest

from accounts.models import User
from accounts.roles import Role
from core import audit
from core.models import TransitionLog
from tests.accounts.conftest import sign_in
from tests.factories import UserFactory
from tests.factories.clients import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(roles=[Role.LICENSING_STAFF])


def logs(user):
    return TransitionLog.objects.filter(object_id=str(user.pk), content_type__model="user")


@pytest.mark.rule("AUD-1")
@pytest.mark.rule("ID-7")
def test_licensing_staff_disable_with_a_logged_reason(staff, member, api):
    """AUD-1: the allowed actor gets the new state and exactly one log row with actor and
    reason; the disabled account cannot sign in (generic refusal)."""
    response = client_for(staff).post(
        f"/api/v1/accounts/users/{member.pk}/disable/", {"reason": "Identity fraud"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "disabled"
    member.refresh_from_db()
    assert member.status == User.Status.DISABLED
    assert not member.is_active
    (log,) = logs(member)
    assert (log.transition, log.source, log.target) == ("disable", "active", "disabled")
    assert (log.actor, log.reason) == (staff, "Identity fraud")
    assert member.history.latest().history_user == staff
    assert sign_in(api, member).json()["code"] == "invalid_credentials"

    enabled = client_for(staff).post(
        f"/api/v1/accounts/users/{member.pk}/enable/", {"reason": "Cleared"}, format="json"
    )
    assert enabled.status_code == 200
    assert User.objects.get(pk=member.pk).status == User.Status.ACTIVE
    assert logs(member).count() == 2


@pytest.mark.rule("AUD-1")
def test_forbidden_actor_changes_nothing(member):
    """AUD-1: an ordinary user gets 404 for someone else and 403 for themselves; nothing
    changes and nothing is logged."""
    other = UserFactory()
    response = client_for(other).post(
        f"/api/v1/accounts/users/{member.pk}/disable/", {"reason": "x"}, format="json"
    )
    assert response.status_code == 404
    itself = client_for(member).post(
        f"/api/v1/accounts/users/{member.pk}/disable/", {"reason": "x"}, format="json"
    )
    assert itself.status_code == 403
    member.refresh_from_db()
    assert member.status == User.Status.ACTIVE
    assert not logs(member).exists()


@pytest.mark.rule("AUD-1")
def test_wrong_state_is_a_conflict(staff):
    """AUD-1: disabling a disabled (or pending) account answers 409; nothing is logged."""
    disabled = UserFactory(status=User.Status.DISABLED, is_active=False)
    pending = UserFactory(status=User.Status.PENDING)
    for user in (disabled, pending):
        response = client_for(staff).post(
            f"/api/v1/accounts/users/{user.pk}/disable/", {"reason": "x"}, format="json"
        )
        assert response.status_code == 409
        assert response.json()["code"] == "wrong_state"
        assert not logs(user).exists()
    enable_active = client_for(staff).post(
        f"/api/v1/accounts/users/{UserFactory().pk}/enable/", {"reason": "x"}, format="json"
    )
    assert enable_active.status_code == 409


def test_reason_is_required(staff, member):
    response = client_for(staff).post(
        f"/api/v1/accounts/users/{member.pk}/disable/", {}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()["fields"]


@pytest.mark.rule("AUD-3")
def test_user_timeline_visibility(staff, member):
    """AUD-3: a user sees their own timeline; holders of view_user_timeline see everyone's."""
    registration = audit.registration("accounts.user")
    assert registration is not None
    other = UserFactory()
    assert list(registration.visible(member)) == [member]
    assert set(registration.visible(staff)) >= {member, other, staff}
