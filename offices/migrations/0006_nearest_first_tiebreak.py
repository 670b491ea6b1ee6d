"""Offices at the same position (one building) would tie in nearest-first order, and a
GiST index scan returns ties in no fixed order, so paging could repeat or skip one. The
indexed position is nudged north by the office's id × 1e-9 degrees (0.1 mm per id): every
office gets its own distance, the order is total and stable, and no distance visibly moves.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS offices_office_earth_point")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS offices_office_earth_point_tiebreak ON offices_office "
        "USING gist (offices_earth_point((latitude + id * 0.000000001)::double precision, longitude))"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS offices_office_earth_point_tiebreak")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS offices_office_earth_point "
        "ON offices_office USING gist (offices_earth_point(latitude, longitude))"
    )


class Migration(migrations.Migration):
    dependencies = [("offices", "0005_nearest_first")]

    operations = [migrations.RunPython(forwards, backwards)]
