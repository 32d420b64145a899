#!/usr/bin/env bash
# Builds Kith if needed and starts it with its own local server. Data stays in ./data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
build="${KITH_BUILD:-$root/build}"
data="${KITH_DATA:-$root/data}"
if [ -x "$build/app/kith" ]; then
  exec "$build/app/kith" --local --data "$data" "$@"
fi
exec "$build/server/kith-server" --data "$data/server" "$@"
