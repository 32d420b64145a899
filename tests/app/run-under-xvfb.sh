#!/bin/sh
# Runs a test on a private Xvfb display (xcb platform, real windows); stops Xvfb by its PID.
# Without Xvfb it runs the test offscreen instead: the pictures are the same widgets.
set -u
if ! command -v Xvfb >/dev/null; then
  QT_QPA_PLATFORM=offscreen exec "$@"
fi
fifo=$(mktemp -u /tmp/kith-xvfb.XXXXXX); mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
read -r display <"$fifo"; rm -f "$fifo"
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null' EXIT
DISPLAY=":$display" QT_QPA_PLATFORM=xcb "$@"
