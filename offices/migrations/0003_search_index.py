"""Trigram index over office names for the directory's text search (PostgreSQL only; SQLite,
used by `make run`, scans)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS offices_office_search_trgm "
        "ON offices_office USING gin (search_text gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS offices_office_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("offices", "0002_reference_data")]

    operations = [migrations.RunPython(forwards, backwards)]
