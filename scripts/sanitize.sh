#!/usr/bin/env bash
# Builds the server, the app's libraries, the app and the tests with AddressSanitizer and
# UndefinedBehaviorSanitizer in a second build folder ($KITH_ASAN_BUILD, default build-asan) and
# runs every suite there. scripts/test.sh runs it after the normal suites.
#   scripts/sanitize.sh [ctest arguments...]     e.g. scripts/sanitize.sh -R 'tst_server_'
# KITH_ASAN_TARGETS limits what is built (default: everything but the bench); KITH_SANITIZE_EXCLUDE,
# a ctest regex, leaves suites out of this run only (e.g. '_pg$|screenshots' if the CI limit
# ever demands a split; by default every suite runs).
# A report fails the run even where the process it came from did not fail its test (a server
# that a test started and killed, a report while exiting): ASan writes every report to a file
# in a fresh folder, and any file there fails the run and is printed. UBSan, linked beside ASan
# by g++ 12, ignores log_path and writes to stderr: ctest keeps every test's output in
# Testing/Temporary/LastTest.log, and a report line there fails the run too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" --tests --packages-only
build="${KITH_ASAN_BUILD:-$root/build-asan}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

start=$(date +%s)
# KITH_SANITIZE compiles with -Og -g1 (see CMakeLists.txt): the cheapest build whose reports
# still name file and line.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKITH_SANITIZE=ON \
  -DKITH_BUILD_APP=ON -DKITH_BUILD_TESTS=ON -DKITH_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
# shellcheck disable=SC2086  # the target list is words
cmake --build "$build" -j"$(nproc)" ${KITH_ASAN_TARGETS:+--target $KITH_ASAN_TARGETS}
built=$(date +%s)

work="$(mktemp -d /tmp/kith-asan.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# A fresh HOME and runtime folder, as in scripts/test.sh.
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$work/reports" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset DISPLAY
# Leaks are not checked: Qt, fontconfig and D-Bus keep one-time allocations to exit, and our
# shutdown paths are not the bugs this run hunts (use-after-free, overflows, UB).
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_init_order=1:detect_stack_use_after_return=0:log_exe_name=1:log_path=$work/reports/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/ubsan.supp:log_path=$work/reports/ubsan"
# QtTest's own watchdog stops a test function after 5 minutes; sanitized, the fuzz of 100,000
# frames may need more (ctest's tripled timeout still bounds the whole suite).
export QTEST_FUNCTION_TIMEOUT=900000
cd "$build"
rm -f Testing/Temporary/LastTest.log
status=0
# Sanitized code runs a few times slower: KITH_SANITIZE triples the suites' own timeouts.
exclude=()
[ -n "${KITH_SANITIZE_EXCLUDE:-}" ] && exclude=(-E "$KITH_SANITIZE_EXCLUDE")
ctest --output-on-failure --timeout 1800 -j"$(nproc)" "${exclude[@]}" "$@" || status=$?
end=$(date +%s)
if grep -nE 'runtime error:|ERROR: AddressSanitizer|SUMMARY: (Address|UndefinedBehavior)Sanitizer' \
    Testing/Temporary/LastTest.log; then
  echo "sanitize.sh: sanitizer report(s) in the tests' output (lines above, in $build/Testing/Temporary/LastTest.log)"
  status=1
fi
reports=("$work"/reports/*)
if [ -e "${reports[0]}" ]; then
  for r in "${reports[@]}"; do
    echo "===== sanitizer report $(basename "$r") ====="
    cat "$r"
  done
  # A digest last, one line per frame, for logs that keep only the tail or drop indented lines.
  for r in "${reports[@]}"; do
    grep -E '^==[0-9]+==ERROR|^ +#[0-9]+ |^SUMMARY' "$r" | head -40 | sed "s|^ *|sanitize.sh: $(basename "$r"): |"
  done
  echo "sanitize.sh: ${#reports[@]} sanitizer report(s), printed above"
  status=1
fi
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s"
exit "$status"
