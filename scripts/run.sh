#!/usr/bin/env bash
# `make run`: migrate, load the demo data, start a jobs worker and the site.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
PORT=${PORT:-8000}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-daftar.settings.dev}
mkdir -p var
$BIN/python manage.py migrate --noinput
$BIN/python manage.py courts_dev_seal
$BIN/python manage.py seed_demo
$BIN/python manage.py db_worker --interval 1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
cat <<MSG

  Daftar is starting on http://127.0.0.1:${PORT}/
    site            http://127.0.0.1:${PORT}/          (English: /en/)
    sign in         http://127.0.0.1:${PORT}/accounts/signin/
    staff admin     http://127.0.0.1:${PORT}/admin/
    API docs        http://127.0.0.1:${PORT}/api/docs/
    OpenAPI schema  http://127.0.0.1:${PORT}/api/schema/
    pages API       http://127.0.0.1:${PORT}/api/cms/v2/pages/

  Demo users are listed in README.md; they all use the password printed below.
  Temporary passwords and codes (SMS) are printed here and saved under var/sms/.

MSG
$BIN/python manage.py seed_demo --print-users
$BIN/python manage.py runserver "127.0.0.1:${PORT}"
