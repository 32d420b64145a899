#!/bin/sh
# Runs a test inside a private D-Bus session bus, so it never talks to the user's own desktop.
set -eu
command -v dbus-run-session >/dev/null || exit 77
exec dbus-run-session -- "$@"
