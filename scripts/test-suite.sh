#!/usr/bin/env bash
# `make test`'s suite, in the cluster DATABASE_URL names, with the migrations applied once
# (scripts/with-migrated-template.sh). The unit tests run in PYTEST_WORKERS processes
# (pytest-xdist, a test file per process at a time, each with its own test database), except
# the tests that commit: those end with a flush of every table (the migrations' reference data
# included), so they run after, in one process. Then the browser tests. A selection
# (PYTEST_ARGS) with none of one kind is no failure.
set -euo pipefail
BIN=${BIN:-.venv/bin}
workers=${PYTEST_WORKERS:-2}
# shellcheck disable=SC2206 # PYTEST_ARGS is split like a command line's arguments
args=(${PYTEST_ARGS:-})
allowed_empty() { local status=$?; [ "$status" -eq 5 ] || return "$status"; }

"$BIN/python" manage.py makemigrations --check --dry-run --settings=daftar.settings.test
"$BIN/pytest" -q -n "$workers" --dist loadfile -m "not transactional" "${args[@]}" || allowed_empty
"$BIN/pytest" -q -n 0 -m transactional "${args[@]}" || allowed_empty
"$BIN/pytest" -q tests/e2e --override-ini addopts="-p no:cacheprovider"
