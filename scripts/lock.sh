#!/usr/bin/env bash
# `make lock`: recompile requirements/base.txt and dev.txt from the .in files with pip-tools,
# every distribution file's sha256 hash included (so `pip install -r` checks them), resolved
# against PyPI itself — the machine's own pip configuration (a local mirror, find-links,
# constraints) is ignored, so no local path or index ends up in the files.
# `scripts/lock.sh --check`: fail if a lock file lacks hashes or names a local path or index.
set -euo pipefail
cd "$(dirname "$0")/.."

check() {
  local status=0
  for file in requirements/base.txt requirements/dev.txt; do
    if grep -nE 'file://|/opt/|^--(extra-)?index-url|^--find-links|^-f ' "$file"; then
      echo "$file names a local path or an index" >&2
      status=1
    fi
    # Every pinned requirement is followed by at least one hash.
    if awk '/^[A-Za-z0-9].*==/ { pinned++; if ($0 !~ /\\$/) bare++ } END { exit bare > 0 || pinned == 0 }' "$file"; then
      :
    else
      echo "$file has a requirement without --hash" >&2
      status=1
    fi
  done
  [ $status -eq 0 ] && echo "lock files: hashes present, no local paths"
  return $status
}

if [ "${1:-}" = "--check" ]; then
  check
  exit
fi

PYTHON=${PYTHON:-python3}
TOOLS=$(mktemp -d /tmp/daftar-lock.XXXXXX)
trap 'rm -rf "$TOOLS"' EXIT
export PIP_CONFIG_FILE=/dev/null
unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CONSTRAINT
INDEX=${DAFTAR_LOCK_INDEX_URL:-https://pypi.org/simple}
"$PYTHON" -m venv "$TOOLS"
"$TOOLS/bin/pip" install --quiet --index-url "$INDEX" pip-tools==7.6.2
cd requirements
for name in base dev; do
  "$TOOLS/bin/pip-compile" --quiet --strip-extras --no-header --generate-hashes --allow-unsafe \
    --index-url "$INDEX" --no-emit-index-url --no-emit-find-links -o "$name.txt" "$name.in"
done
cd ..
check
