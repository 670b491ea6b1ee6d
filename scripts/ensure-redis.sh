#!/usr/bin/env bash
# Make sure Debian's redis-server is on this machine (installs it if not). The tests that need
# Redis start their own instance on a free loopback port and stop it; nothing runs as a service.
set -euo pipefail
if command -v redis-server >/dev/null; then
  exit 0
fi
echo "Installing Redis (redis-server)..."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq redis-server >/dev/null
