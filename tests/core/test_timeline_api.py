"""Reading an object's timeline (AUD-3)."""

import pytest
from django.db import transaction

from accounts.models import User
from accounts.roles import Role
from core.transitions import apply_transition
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(user):
    return f"/api/v1/audit/timeline/accounts.user/{user.pk}/"


def _disable(target, actor):
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=target.pk)
        apply_transition(locked, "disable", actor=actor, reason="fraud report")


@pytest.mark.rule("AUD-3")
def test_staff_read_the_full_timeline_of_an_object_they_may_see(api):
    """AUD-3: changes and transitions, with actor, time and reason, oldest first."""
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()
    _disable(target, staff)
    api.force_authenticate(staff)

    response = api.get(url(target))

    assert response.status_code == 200, response.content
    entries = response.json()["entries"]
    kinds = [e["kind"] for e in entries]
    assert kinds[0] == "change" and entries[0]["action"] == "created"
    transition = next(e for e in entries if e["kind"] == "transition")
    assert transition["action"] == "disable"
    assert transition["source"] == "active" and transition["target"] == "disabled"
    assert transition["actor"]["id"] == staff.pk
    assert transition["reason"] == "fraud report"
    change = [e for e in entries if e["kind"] == "change" and e["action"] == "changed"][-1]
    assert {"field": "status", "old": "active", "new": "disabled"} in change["changes"]
    times = [e["time"] for e in entries]
    assert times == sorted(times)


@pytest.mark.rule("AUD-3")
def test_an_object_the_caller_may_not_see_looks_missing(api):
    me, other = UserFactory(), UserFactory()
    api.force_authenticate(me)

    assert api.get(url(me)).status_code == 200
    hidden = api.get(url(other))
    missing = api.get("/api/v1/audit/timeline/accounts.user/999999999/")
    unknown = api.get("/api/v1/audit/timeline/nope.model/1/")
    assert hidden.status_code == missing.status_code == unknown.status_code == 404
    assert hidden.json() == missing.json()


@pytest.mark.rule("AUD-2")
def test_the_timeline_is_read_only(api):
    me = UserFactory()
    api.force_authenticate(me)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(api, method)(url(me), {}).status_code == 405


def test_anonymous_callers_are_refused(api):
    me = UserFactory()
    assert api.get(url(me)).status_code in (401, 403)
