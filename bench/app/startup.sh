#!/usr/bin/env bash
# Start-up of the desktop app against the least Qt Widgets window, in the same run: the time
# from exec to "usable" (kith: the local server's channel shown with its history; the bare
# window: its first paint), N runs each, interleaved, medians and ranges. Also kith's resident
# memory once usable. Uses the display in $DISPLAY, else QT_QPA_PLATFORM=offscreen.
#   bench/app/startup.sh BUILD_DIR [RUNS]
# KITH_BIN=/usr/bin/kith measures that kith (an installed package) against the build's bare window.
set -euo pipefail
build=${1:?build folder with app/kith and bench/kith-bare-window}
runs=${2:-15}
kith=${KITH_BIN:-$build/app/kith}
bare=$build/bench/kith-bare-window
[[ -x $kith && -x $bare ]] || { echo "build kith and kith-bare-window first" >&2; exit 2; }
[[ -n ${DISPLAY:-} ]] || export QT_QPA_PLATFORM=offscreen
export KITH_NO_KEYCHAIN=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kith" --local --data "$work/data" --quit-when-usable >/dev/null 2>&1 # first run creates the account

ms() { date +%s%3N; }
kt=() bt=() km=() bm=()
for ((i = 0; i < runs; i++)); do
  t0=$(ms); out=$("$kith" --local --data "$work/data" --measure --quit-when-usable 2>/dev/null)
  kt+=($(( $(sed -n 's/.*usable at \([0-9]*\) epoch ms.*/\1/p' <<<"$out") - t0 )))
  km+=($(( $(sed -n 's/.*main at \([0-9]*\),.*/\1/p' <<<"$out") - t0 )))
  t0=$(ms); out=$("$bare" 2>/dev/null)
  bt+=($(( $(sed -n 's/.*usable at \([0-9]*\) epoch ms.*/\1/p' <<<"$out") - t0 )))
  bm+=($(( $(sed -n 's/.*main at \([0-9]*\),.*/\1/p' <<<"$out") - t0 )))
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms (%d–%d)", a[int((NR+1)/2)], a[1], a[NR]}'; }
echo "exec -> usable, $runs runs each"
echo "  kith (embedded server, signed in, #general shown): $(stats "${kt[@]}")"
echo "  bare window (QMainWindow + QListView, first paint): $(stats "${bt[@]}")"
echo "exec -> main (the loader, the libraries' constructors)"
echo "  kith: $(stats "${km[@]}"); bare window: $(stats "${bm[@]}")"
kmed=$(printf '%s\n' "${kt[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
bmed=$(printf '%s\n' "${bt[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
awk -v k="$kmed" -v b="$bmed" 'BEGIN { printf "  ratio of medians: %.2f\n", k / b }'
