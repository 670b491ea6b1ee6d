"""AUD-2 in PostgreSQL itself: the change history (simple-history's tables) refuses UPDATE and
DELETE like the transition log, whatever the application does."""

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from core.history_guard import history_tables
from tests.factories.offices import operational_office

pytestmark = pytest.mark.django_db


def triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name = 'daftar_history_append_only'"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.rule("AUD-2")
def test_every_history_table_carries_the_append_only_trigger():
    tables = history_tables()
    assert "offices_historicaloffice" in tables
    assert len(tables) > 30
    assert triggers() >= set(tables)


@pytest.mark.rule("AUD-2")
def test_the_database_refuses_to_update_a_history_row():
    office = operational_office()
    row = office.history.order_by("history_id").first()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        type(row).objects.filter(pk=row.pk).update(history_change_reason="rewritten")
    row.refresh_from_db()
    assert row.history_change_reason != "rewritten"


@pytest.mark.rule("AUD-2")
def test_the_database_refuses_to_delete_a_history_row():
    office = operational_office()
    count = office.history.count()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        office.history.all().delete()
    assert office.history.count() == count


@pytest.mark.rule("AUD-2")
def test_changes_still_add_history_rows():
    office = operational_office()
    before = office.history.count()
    office.name_en = "Renamed office"
    office.save()
    assert office.history.count() == before + 1
