#!/usr/bin/env bash
# Lists the functions kith runs from exec to "usable" (the first start's path, the GUI thread and
# the embedded server's), one mangled name per line, in app/kith.order and
# app/host/module/kith_server_module.order: the link puts them first (see CMakeLists.txt). Run it
# after a change to what the app does at start, on a RelWithDebInfo or Release build; needs valgrind.
#   bench/app/order-symbols.sh BUILD_DIR
set -euo pipefail
build=${1:?build folder with app/kith}
root=$(cd "$(dirname "$0")/../.." && pwd)
kith=$build/app/kith
[[ -x $kith ]] || { echo "build kith first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind (apt install valgrind)" >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen KITH_NO_KEYCHAIN=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kith" --local --data "$work/data" --quit-when-usable >/dev/null 2>&1 # the account exists: a usual start
valgrind --tool=callgrind --demangle=no --separate-threads=yes --callgrind-out-file="$work/cg.%p" \
  "$kith" --local --data "$work/data" --quit-when-usable >/dev/null 2>"$work/valgrind.log"

# Callgrind names each object and function once, "(id) name", then by "(id)"; "fn=" lines name
# the function whose costs follow, "ob=" its object. A function recursed into has a "'N" suffix.
functions_of() {
  awk -v target="$1" '
    match($0, /^c?ob=\([0-9]+\)/) {
      id = substr($0, 1, RLENGTH); sub(/^c?ob=/, "", id)
      if (length($0) > RLENGTH) ob[id] = substr($0, RLENGTH + 2)
      if ($0 ~ /^ob=/) current = ob[id]
      next
    }
    match($0, /^c?fn=\([0-9]+\)/) {
      id = substr($0, 1, RLENGTH); sub(/^c?fn=/, "", id)
      if (length($0) > RLENGTH) fn[id] = substr($0, RLENGTH + 2)
      if ($0 ~ /^fn=/ && substr(current, length(current) - length(target) + 1) == target) {
        name = fn[id]; sub(/\047[0-9]+$/, "", name)
        if (name !~ /^0x|[( ]/ && !(name in seen)) { seen[name] = 1; print name }
      }
    }' "$work"/cg.*
}
# Sorted: where each lands inside the start-up region matters little, and a sorted list changes
# by what the start runs, not by the threads' interleaving.
functions_of /app/kith | LC_ALL=C sort >"$work/kith.order"
functions_of /libkith_server_module.so | LC_ALL=C sort >"$work/module.order"
for list in "$work/kith.order" "$work/module.order"; do
  [[ -s $list ]] || { echo "no functions for $(basename "$list"): the start did not run to usable (see $work/valgrind.log)" >&2; cat "$work/valgrind.log" >&2; exit 1; }
done
mv "$work/kith.order" "$root/app/kith.order"
mv "$work/module.order" "$root/app/host/module/kith_server_module.order"
wc -l "$root/app/kith.order" "$root/app/host/module/kith_server_module.order"
