"""The transition log and history (AUD-1, AUD-2)."""

from unittest import mock

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from accounts.models import User
from accounts.roles import Role
from core.exceptions import Conflict, Forbidden
from core.models import TransitionLog
from core.transitions import apply_transition
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _disable(target, actor, reason="repeated abuse"):
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=target.pk)
        apply_transition(locked, "disable", actor=actor, reason=reason)


@pytest.mark.rule("AUD-1")
def test_transition_writes_exactly_one_log_row_with_actor_and_reason():
    """AUD-1: a transition records actor, from, to, time and reason, once; the history row
    carries the same actor and reason."""
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()

    _disable(target, staff)

    target.refresh_from_db()
    assert target.status == User.Status.DISABLED
    logs = list(TransitionLog.objects.filter(object_id=str(target.pk)))
    assert len(logs) == 1
    log = logs[0]
    assert (log.transition, log.source, log.target) == ("disable", "active", "disabled")
    assert log.actor == staff
    assert log.reason == "repeated abuse"
    assert log.created_at is not None
    latest = target.history.latest()
    assert latest.history_user == staff
    assert latest.history_change_reason == "repeated abuse"
    assert latest.status == User.Status.DISABLED


@pytest.mark.rule("AUD-1")
def test_failed_save_leaves_no_log_row_and_no_new_state():
    """AUD-1: the log row is written in the transition's transaction: no save, no row."""
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()

    with (
        mock.patch.object(User, "save", side_effect=IntegrityError("boom")),
        pytest.raises(IntegrityError),
    ):
        _disable(target, staff)

    target.refresh_from_db()
    assert target.status == User.Status.ACTIVE
    assert not TransitionLog.objects.filter(object_id=str(target.pk)).exists()


@pytest.mark.rule("AUD-1")
def test_forbidden_actor_changes_nothing():
    outsider = UserFactory()
    target = UserFactory()

    with pytest.raises(Forbidden):
        _disable(target, outsider)

    target.refresh_from_db()
    assert target.status == User.Status.ACTIVE
    assert not TransitionLog.objects.exists()


@pytest.mark.rule("AUD-1")
def test_wrong_state_is_a_conflict():
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()
    _disable(target, staff)

    with pytest.raises(Conflict):
        _disable(target, staff)
    assert TransitionLog.objects.filter(object_id=str(target.pk)).count() == 1


def test_transition_outside_a_transaction_is_refused():
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()
    with mock.patch("core.transitions.transaction.get_connection") as conn:
        conn.return_value.in_atomic_block = False
        with pytest.raises(RuntimeError):
            apply_transition(target, "disable", actor=staff)


@pytest.mark.rule("AUD-2")
def test_log_rows_cannot_be_changed_or_deleted_through_the_orm():
    """AUD-2: no history can be changed or deleted through the application."""
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()
    _disable(target, staff)
    log = TransitionLog.objects.get()

    with pytest.raises(TypeError):
        TransitionLog.objects.filter(pk=log.pk).update(reason="rewritten")
    with pytest.raises(TypeError):
        TransitionLog.objects.all().delete()
    log.reason = "rewritten"
    with pytest.raises(TypeError):
        log.save()
    with pytest.raises(TypeError):
        log.delete()
    assert TransitionLog.objects.get().reason == "repeated abuse"


@pytest.mark.rule("AUD-2")
def test_database_refuses_to_rewrite_the_log():
    """AUD-2: on PostgreSQL a trigger refuses UPDATE and DELETE even in raw SQL."""
    staff = UserFactory(roles=[Role.LICENSING_STAFF])
    target = UserFactory()
    _disable(target, staff)
    table = TransitionLog._meta.db_table

    for statement in (f"UPDATE {table} SET reason = 'x'", f"DELETE FROM {table}"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert TransitionLog.objects.get().reason == "repeated abuse"


@pytest.mark.rule("AUD-2")
def test_admin_offers_no_add_change_or_delete_on_audit_records(rf):
    from django.contrib import admin

    superuser = UserFactory(is_superuser=True, is_staff=True)
    request = rf.get("/django-admin/")
    request.user = superuser
    model_admin = admin.site._registry[TransitionLog]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
