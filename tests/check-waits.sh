#!/bin/sh
# Tests wait for conditions, never for a fixed time, and assert no durations; they write
# only inside temporary folders of their own. Fails, naming file and line, when a test source
# under tests/ has:
#   - QTest::qWait(...) (its argument is always a fixed time: use QTRY_*, QSignalSpy::wait or
#     a wait on a later, ordered event), QTest::qSleep, QThread::sleep/msleep/usleep,
#     std::this_thread::sleep_for/sleep_until, usleep(), nanosleep();
#   - a fixed path under /tmp (use QTemporaryDir, or mktemp in scripts);
#   - in a shell script, a `sleep` command.
# A truly legitimate case carries the marker "waits-ok:" and the reason on the same line.
#   check-waits.sh [TESTS_DIR]   (default: the folder this script is in)
set -eu
dir="${1:-$(dirname "$0")}"

found=$(
  {
    find "$dir" -type f \( -name '*.cpp' -o -name '*.h' \) -exec grep -HnE \
      '(QTest::)?\bqWait *\(|\bqSleep *\(|QThread::(u|m)?sleep|this_thread::sleep_(for|until)|\busleep *\(|\bnanosleep *\(|"/tmp/' {} +
    find "$dir" -type f -name '*.sh' ! -name 'check-waits.sh' -exec grep -HnE \
      '(^|[;&|({[:space:]])sleep[[:space:]]+[0-9.]' {} +
  } | grep -v 'waits-ok:' || true
)

if [ -n "$found" ]; then
  echo "check-waits: fixed waits or fixed /tmp paths in tests (wait for a condition; use a temporary folder):" >&2
  echo "$found" >&2
  exit 1
fi
echo "check-waits: no fixed waits, no fixed /tmp paths"
