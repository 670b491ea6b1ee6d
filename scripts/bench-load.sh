#!/usr/bin/env bash
# `make bench-load`: the production shape under a mixed load, on loopback.
#
# On a throwaway PostgreSQL 15 cluster (or the database of DATABASE_URL, kept between runs:
# the data set is built once): migrate, build the data set (tests/bench/load/build_dataset.py),
# collectstatic, start the jobs worker and gunicorn with daftar.settings.production, warm up,
# then run the locust load (tests/bench/load/locustfile.py) headless for a fixed time with a
# fixed number of users. Prints the per-endpoint table; exits non-zero if any request failed.
#
#   BENCH_WORKERS=2 BENCH_THREADS=4   gunicorn workers; threads > 1 selects the gthread worker
#                                     (2 x 4 gthread measured best on 2 cores: docs/performance.md)
#   BENCH_USERS=200 BENCH_SPAWN=50    simulated users and how many start per second
#   BENCH_RUN_TIME=90s                length of the measured run (after a 15 s warm-up)
#   BENCH_LIGHT_USERS=60              a second, lighter run of BENCH_LIGHT_RUN_TIME (60s) with
#                                     this many users: the latency below saturation (0: skip)
#   BENCH_OUT=<dir>                   where the report, CSVs and server logs go (default: a
#                                     new directory under /tmp)
#   BENCH_STATIC_ROOT=<dir>           collected static files kept between runs (collected
#                                     once; remove the directory after changing static files)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ]; then
  exec scripts/with-postgres.sh "$0" "$@"
fi
BIN=${BIN:-.venv/bin}
WORKERS=${BENCH_WORKERS:-2}
THREADS=${BENCH_THREADS:-4}
USERS=${BENCH_USERS:-200}
SPAWN=${BENCH_SPAWN:-50}
RUN_TIME=${BENCH_RUN_TIME:-90s}
LIGHT_USERS=${BENCH_LIGHT_USERS:-60}
LIGHT_RUN_TIME=${BENCH_LIGHT_RUN_TIME:-60s}
PORT=${BENCH_PORT:-8765}
OUT=${BENCH_OUT:-$(mktemp -d /tmp/daftar-bench-load.XXXXXX)}
mkdir -p "$OUT"

# Production settings; only what a loopback run needs differs from a real deployment: the
# load tool plays the TLS-terminating proxy (X-Forwarded-Proto, X-Forwarded-For), files stay
# in the run's directory, SMS go to files, and the per-client API rates are raised because a
# few hundred simulated users send at machine speed (the throttles have their own tests).
export DJANGO_SETTINGS_MODULE=daftar.settings.production
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(64))')}
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DAFTAR_NUM_PROXIES=1
export DAFTAR_VAR_DIR=$OUT/var DJANGO_STATIC_ROOT=${BENCH_STATIC_ROOT:-$OUT/static}
export DJANGO_MEDIA_ROOT=$OUT/media
export DAFTAR_SMS_BACKEND=core.messaging.backends.FileSMSBackend
# A loopback run: the file SMS backend and the test payment gateway, allowed with a warning.
export DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS=1
export DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export DAFTAR_THROTTLE_ANON=${DAFTAR_THROTTLE_ANON:-100000/min}
export DAFTAR_THROTTLE_USER=${DAFTAR_THROTTLE_USER:-100000/min}
export DAFTAR_LOG_LEVEL=WARNING

echo "== migrate, data set, static files"
$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py createcachetable
$BIN/python tests/bench/load/build_dataset.py --out "$OUT/load.json"
if [ -n "${BENCH_STATIC_ROOT:-}" ] && [ -f "$BENCH_STATIC_ROOT/staticfiles.json" ]; then
  echo "static files: kept from $BENCH_STATIC_ROOT"
else
  $BIN/python manage.py collectstatic --noinput -v0
fi

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use: set BENCH_PORT" >&2
  exit 2
fi
$BIN/python manage.py db_worker --interval 1 >"$OUT/worker.log" 2>&1 &
PIDS+=($!)
WORKER_PID=$!
WORKER_CLASS=sync
[ "$THREADS" -gt 1 ] && WORKER_CLASS=gthread
PYTHONPATH=.:site $BIN/gunicorn daftar.wsgi --chdir site --bind "127.0.0.1:$PORT" \
  --workers "$WORKERS" --threads "$THREADS" --worker-class "$WORKER_CLASS" \
  --backlog 2048 --timeout 60 >"$OUT/gunicorn.log" 2>&1 &
PIDS+=($!)
GUNICORN_PID=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/" && break
  sleep 1
done

locust() {
  BENCH_DATA="$OUT/load.json" $BIN/locust -f tests/bench/load/locustfile.py --headless \
    --host "http://127.0.0.1:$PORT" --only-summary --loglevel WARNING "$@"
}
echo "== warm-up (15 s, not counted)"
BENCH_REPORT="$OUT/warmup.txt" locust -u "$USERS" -r "$SPAWN" -t 15s >"$OUT/warmup.log" 2>&1 || true
# Requests the warm-up left queued are still served after it stops: wait until the queue has
# drained (the stylesheet answers at once), so that they count neither in the figures nor in
# the CPU per request.
for _ in $(seq 1 180); do
  took=$(curl -s -o /dev/null -w "%{time_total}" -H "X-Forwarded-Proto: https" \
    "http://127.0.0.1:$PORT/static/css/daftar.css" || echo 9)
  awk "BEGIN {exit !($took < 0.2)}" && break
  sleep 1
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
METER=(tests/bench/load/cpu_meter.py --pids "$GUNICORN_PID,$WORKER_PID")
status=0
# One measured run: $1 users, $2 spawned per second, $3 long, results named $4.
measure() {
  echo "== load: $1 users (+$2/s), $3, gunicorn $WORKERS x $WORKER_CLASS ($THREADS threads)"
  echo "before: $(uptime)"
  $BIN/python "${METER[@]}" snapshot >"$OUT/cpu-before-$4.json"
  BENCH_REPORT="$OUT/report-$4.txt" locust -u "$1" -r "$2" -t "$3" \
    --csv "$OUT/locust-$4" >"$OUT/locust-$4.log" 2>&1 || status=$?
  echo "after:  $(uptime)"
  cat "$OUT/report-$4.txt" 2>/dev/null || tail -20 "$OUT/locust-$4.log"
  $BIN/python "${METER[@]}" report --since "$OUT/cpu-before-$4.json" \
    --stats "$OUT/locust-$4_stats.csv" || true
}
measure "$USERS" "$SPAWN" "$RUN_TIME" full
if [ "$LIGHT_USERS" -gt 0 ]; then
  sleep 5  # let the queue of the full run drain
  measure "$LIGHT_USERS" "$LIGHT_USERS" "$LIGHT_RUN_TIME" light
fi
echo "(reports, CSVs and logs in $OUT)"
exit $status
