#!/usr/bin/env bash
# Known vulnerabilities in the pinned requirements (`make audit`), by pip-audit.
#
# pip-audit asks a vulnerability service about every pinned version: PyPI's JSON API
# (https://pypi.org/pypi/<name>/<version>/json) by default, or OSV (https://api.osv.dev) with
# PIP_AUDIT_SERVICE=osv. It needs that service on the network; the package index alone is not
# enough. A dependency it cannot look up fails the audit (--strict) instead of passing silently.
set -uo pipefail

BIN=${BIN:-.venv/bin}
SERVICE=${PIP_AUDIT_SERVICE:-pypi}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

"$BIN/pip-audit" --strict --no-deps --disable-pip --progress-spinner off -s "$SERVICE" \
    -r requirements/base.txt -r requirements/dev.txt 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if [ "$status" -ne 0 ] && grep -qE "could not be audited|ConnectionError|NameResolutionError|Max retries" "$log"; then
    cat >&2 <<MESSAGE

make audit: the dependencies were NOT audited. The vulnerability service ($SERVICE) cannot be
reached from this machine, or does not answer for these packages (a package index mirror
serves downloads only). Run \`make audit\` where https://pypi.org/pypi/<name>/<version>/json
is reachable, or with PIP_AUDIT_SERVICE=osv where https://api.osv.dev is.
MESSAGE
fi
exit "$status"
