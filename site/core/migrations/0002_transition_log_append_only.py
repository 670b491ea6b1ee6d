"""AUD-2 at the database: on PostgreSQL the transition log refuses UPDATE and DELETE."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION daftar_refuse_audit_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only (%)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS core_transitionlog_append_only ON core_transitionlog;
CREATE TRIGGER core_transitionlog_append_only
    BEFORE UPDATE OR DELETE ON core_transitionlog
    FOR EACH ROW EXECUTE FUNCTION daftar_refuse_audit_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS core_transitionlog_append_only ON core_transitionlog;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
