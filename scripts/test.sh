#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite against real parts; then builds
# the same again with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/ and runs
# every suite there (scripts/sanitize.sh). KITH_SANITIZE_RUN=0 leaves the sanitized run out (a
# quick local check; CI always runs both).
# The two runs are independent: each runs whatever the other did, and the last lines say which
# one failed.
# Suites that need a Secret Service or a real X display start their own (gnome-keyring under
# dbus-run-session, Xvfb) through the wrappers in tests/app/.
#   scripts/test.sh [ctest arguments...]   (given to both runs, e.g. -R 'tst_server_')
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

normal_run() (
  set -euo pipefail
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
)

start=$(date +%s)
normal_run "$@"
normal=$?
mid=$(date +%s)
sanitized=skipped
if [ "${KITH_SANITIZE_RUN:-1}" != 0 ]; then
  "$root/scripts/sanitize.sh" "$@"
  sanitized=$?
fi
end=$(date +%s)

verdict() { case "$1" in 0) echo passed ;; skipped) echo skipped ;; *) echo "FAILED (exit $1)" ;; esac; }
echo "test.sh: normal run $(verdict "$normal") in $((mid - start)) s;" \
  "sanitized run (build-asan, ASan+UBSan) $(verdict "$sanitized") in $((end - mid)) s"
[ "$normal" = 0 ] && { [ "$sanitized" = 0 ] || [ "$sanitized" = skipped ]; }
