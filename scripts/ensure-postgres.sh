#!/usr/bin/env bash
# Make sure PostgreSQL 15's server and pg_virtualenv are on this machine (installs them if not).
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/postgres ] && command -v pg_virtualenv >/dev/null; then
  exit 0
fi
echo "Installing PostgreSQL 15 (server and postgresql-common)..."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql-15 postgresql-common >/dev/null
