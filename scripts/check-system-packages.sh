#!/usr/bin/env bash
# Check that this machine has the Debian packages of deploy/packages.txt for the given roles
# (web, proxy, database, cache, test; default: all). Exits non-zero naming what is missing.
#   scripts/check-system-packages.sh web proxy
set -euo pipefail
cd "$(dirname "$0")/.."
roles=("$@")
missing=()
while read -r role package _; do
  case "$role" in ''|'#'*) continue ;; esac
  if [ ${#roles[@]} -gt 0 ] && [[ ! " ${roles[*]} " =~ " ${role} " ]]; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done < deploy/packages.txt
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing Debian packages: ${missing[*]}" >&2
  echo "install them with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "all packages of deploy/packages.txt${roles:+ for ${roles[*]}} are installed"
