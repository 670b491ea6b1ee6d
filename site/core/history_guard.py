"""AUD-2 at the database for the change history too: on PostgreSQL every simple-history table
refuses UPDATE and DELETE, like the transition log (core migration 0002), with the same
trigger function. Installed after every `migrate` (post_migrate), so a history table a later
migration adds is covered as soon as it exists; idempotent."""

from __future__ import annotations

from django.apps import apps
from django.db import connections
from simple_history.models import HistoricalChanges

FUNCTION = """
CREATE OR REPLACE FUNCTION daftar_refuse_audit_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only (%)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
DROP TRIGGER IF EXISTS daftar_history_append_only ON {table};
CREATE TRIGGER daftar_history_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION daftar_refuse_audit_change();
"""


def history_tables() -> list[str]:
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models()
            if issubclass(model, HistoricalChanges)
        }
    )


def protect_history(using: str = "default", **_signal_kwargs) -> list[str]:
    """Install the append-only trigger on every history table that exists; the tables."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    existing = set(connection.introspection.table_names())
    tables = [table for table in history_tables() if table in existing]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        for table in tables:
            cursor.execute(TRIGGER.format(table=quote(table)))
    return tables
