"""Nearest-first for the directory (PostgreSQL only; SQLite, used by `make run`, sorts by a
plain-arithmetic distance, see `offices.filters.order_by_distance`).

Each office's position is indexed as a point on the unit sphere (a 3-D `cube` point, as
`earthdistance.ll_to_earth` builds it) in a GiST index, which PostgreSQL reads nearest first
(KNN) for `ORDER BY offices_earth_point(latitude, longitude) <-> offices_earth_point(:lat, :lon)`:
the page's offices are read straight off the index instead of sorting every office.

The point is built by our own function rather than `ll_to_earth`: earthdistance 1.1 (the
version PostgreSQL 15 ships) resolves `earth()` and `cube()` through the search path at call
time, which breaks an index over it wherever the search path is restricted (pg_restore, and
ANALYZE / VACUUM / REINDEX from PostgreSQL 17 on). A SQL-standard body (`RETURN ...`) binds
its functions when it is created, so the index works whatever the search path.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION offices_earth_point(lat double precision, lon double precision)
RETURNS cube
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN cube(ARRAY[
    cos(radians(lat)) * cos(radians(lon)),
    cos(radians(lat)) * sin(radians(lon)),
    sin(radians(lat))
])
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS cube")
    schema_editor.execute(FUNCTION)
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS offices_office_earth_point "
        "ON offices_office USING gist (offices_earth_point(latitude, longitude))"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS offices_office_earth_point")
    schema_editor.execute(
        "DROP FUNCTION IF EXISTS offices_earth_point(double precision, double precision)"
    )


class Migration(migrations.Migration):
    dependencies = [("offices", "0004_manager_search")]

    operations = [migrations.RunPython(forwards, backwards)]
