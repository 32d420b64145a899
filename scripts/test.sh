#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite against real parts. Suites that
# need a Secret Service or a real X display start their own (gnome-keyring under
# dbus-run-session, Xvfb) through the wrappers in tests/app/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" --tests
build="${KITH_BUILD:-$root/build}"

work="$(mktemp -d /tmp/kith-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# A fresh HOME and runtime folder: nothing of the user's is read or written.
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset DISPLAY
cd "$build"
ctest --output-on-failure --timeout 600 -j"$(nproc)" "$@"
