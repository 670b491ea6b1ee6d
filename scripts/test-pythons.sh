#!/usr/bin/env bash
# `make test-python`: for each supported Python (PYTHONS="3.11 3.12 3.13"), a fresh virtualenv
# with the pinned requirements installed by hash (`--require-hashes`), Django's system checks,
# and a short part of the suite (TEST_PYTHON_TESTS) on a throwaway PostgreSQL.
# An interpreter is taken from pyenv (~/.pyenv/versions/X.Y.*) or PATH (pythonX.Y).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHONS=${PYTHONS:-3.11 3.12 3.13}
TESTS=${TEST_PYTHON_TESTS:-tests/core/test_dates.py tests/core/test_operations.py tests/core/test_sweep_runs.py}
status=0
for version in $PYTHONS; do
  python=""
  for candidate in "$HOME"/.pyenv/versions/"$version".*/bin/python "$(command -v "python$version" || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then python=$candidate; fi
  done
  if [ -z "$python" ]; then
    echo "== Python $version: no interpreter found (pyenv or python$version)" >&2
    status=1
    continue
  fi
  venv=$(mktemp -d "/tmp/daftar-py$version.XXXXXX")
  echo "== Python $version ($python) in $venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --require-hashes -r requirements/base.txt -r requirements/dev.txt
  if DJANGO_SETTINGS_MODULE=daftar.settings.dev DATABASE_URL=sqlite:///"$venv/db.sqlite3" \
      "$venv/bin/python" manage.py check \
    && scripts/with-postgres.sh "$venv/bin/pytest" -q -p no:randomly $TESTS; then
    echo "== Python $version: passed"
  else
    echo "== Python $version: FAILED" >&2
    status=1
  fi
  rm -rf "$venv"
done
exit $status
