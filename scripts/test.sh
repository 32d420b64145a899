#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite against real parts: a real
# Secret Service (gnome-keyring under dbus-run-session) and an Xvfb display for screenshots.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" --tests
build="${KITH_BUILD:-$root/build}"

work="$(mktemp -d /tmp/kith-test.XXXXXX)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A private X display for the screenshot tests; pick a free display number.
if command -v Xvfb >/dev/null; then
  for n in $(seq 90 140); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    sleep 1
    if kill -0 "$xvfb_pid" 2>/dev/null; then
      export KITH_TEST_DISPLAY=":$n"
      break
    fi
    xvfb_pid=""
  done
fi

export XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
export KITH_TEST_TMP="$work"
# A fresh HOME: the test keyring and any settings start empty and vanish afterwards.
export HOME="$work/home"
mkdir -p "$HOME"
unset DISPLAY
cd "$build"
# The keychain tests need a Secret Service: run ctest inside a private D-Bus session with an
# unlocked gnome-keyring (the password must be non-empty, or no login collection exists).
exec dbus-run-session -- bash -c '
  printf kith-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
  ctest --output-on-failure --timeout 600 "$@"' ctest "$@"
