#!/usr/bin/env bash
# Run a command with the migrations applied once, into a template database of the cluster that
# DATABASE_URL names (scripts/with-postgres.sh gives one): every test database is then copied
# from it (settings/test.py reads DAFTAR_TEST_TEMPLATE) instead of being migrated again. Applying
# every migration from nothing takes minutes; copying the result takes a second.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL cluster (scripts/with-postgres.sh)}"
BIN=${BIN:-.venv/bin}
template=daftar_template
"$BIN/python" - "$DATABASE_URL" "$template" <<'PY'
import sys

import psycopg

url, template = sys.argv[1], sys.argv[2]
with psycopg.connect(url, autocommit=True) as connection:
    exists = connection.execute(
        "SELECT 1 FROM pg_database WHERE datname = %s", (template,)
    ).fetchone()
    if exists:
        connection.execute(f'DROP DATABASE "{template}" WITH (FORCE)')
    connection.execute(f'CREATE DATABASE "{template}"')
PY
DATABASE_URL="${DATABASE_URL%/*}/$template" \
  "$BIN/python" manage.py migrate --settings=daftar.settings.test --verbosity 0
export DAFTAR_TEST_TEMPLATE=$template
exec "$@"
