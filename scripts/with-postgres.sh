#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 cluster: DATABASE_URL points at it, and the
# cluster is dropped when the command ends. With DATABASE_URL already set, use that instead.
set -euo pipefail
if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi
quoted=$(printf ' %q' "$@")
exec pg_virtualenv -t -v 15 -o "max_connections=200" -o "fsync=off" -o "synchronous_commit=off" -o "full_page_writes=off" \
  bash -c "export DATABASE_URL=\"postgres://\$PGUSER:\$PGPASSWORD@\$PGHOST:\$PGPORT/\$PGDATABASE\"; ${quoted}"
