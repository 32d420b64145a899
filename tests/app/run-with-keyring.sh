#!/bin/sh
# Runs a test inside a private D-Bus session with an unlocked gnome-keyring (a real Secret
# Service), with a throwaway HOME so the user's own keyring is never touched.
set -eu
command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null || exit 77
home=$(mktemp -d /tmp/kith-keyring.XXXXXX)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The password must be non-empty, or the login collection is never created.
dbus-run-session -- sh -c 'printf kith | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0"' "$1"
