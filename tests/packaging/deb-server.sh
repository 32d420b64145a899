#!/usr/bin/env bash
# The kith-server .deb as a self-hoster gets it: `cpack -G DEB` in the build folder makes it; its
# control fields, files and maintainer scripts are right; apt can resolve its dependencies on this
# system; its systemd unit passes `systemd-analyze verify`; the packaged binary starts, serves a
# hello on loopback and stops on SIGTERM. Nothing is installed into the machine.
# Usage: deb-server.sh BUILD_DIR   (exit 77: a tool this check needs is missing)
set -euo pipefail
build="$1"
for tool in cpack dpkg-deb dpkg-shlibdeps systemd-analyze; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
work="$(mktemp -d /tmp/kith-deb.XXXXXX)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb="$(ls "$work"/out/kith-server_*.deb 2>/dev/null | head -1)"
[ -f "$deb" ] || fail "no kith-server_*.deb in $(ls "$work/out")"
ls "$work"/out/kith_*.deb >/dev/null 2>&1 || fail "no kith_*.deb (the app's package) beside it"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "kith-server" ] || fail "Package is $(field Package)"
depends="$(field Depends)"
for dep in libqt6sql6-sqlite libqt6sql6-psql libqt6websockets6 libsodium23; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
grep -q "libqt6widgets6" <<<"$depends" && fail "the server package pulls in the widgets library: $depends"
echo "Depends: $depends"

# Files: the server, not the app.
contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for f in ./usr/bin/kith-server ./lib/systemd/system/kith-server.service ./etc/kith/kith-server.ini \
         ./usr/share/doc/kith-server/OPERATIONS.md; do
  grep -qx "$f" <<<"$contents" || fail "$f is not in the package"
done
grep -q "usr/bin/kith$" <<<"$contents" && fail "the app binary is in the server package"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -q conffiles || fail "no conffiles"

# apt would install it here: every dependency resolves (a simulation; nothing changes).
if command -v apt-get >/dev/null; then
  apt-get install --simulate "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get cannot resolve the package"; }
  grep -q "Inst kith-server" "$work/apt.log" || { cat "$work/apt.log"; fail "apt-get would not install it"; }
fi

# The unit, against this system's units, with the package's files in place.
root="$work/root"
mkdir -p "$root/lib/systemd"
cp -a /lib/systemd/system "$root/lib/systemd/"
dpkg-deb -x "$deb" "$root"
systemd-analyze verify --root="$root" kith-server.service || fail "systemd-analyze verify"

# The packaged binary serves a hello and stops cleanly on SIGTERM.
"$root/usr/bin/kith-server" --version | grep -q "kith-server" || fail "--version"
"$root/usr/bin/kith-server" --listen 127.0.0.1:0 --data "$work/data" --config "$root/etc/kith/kith-server.ini" \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
# Generous bound: 60 s.
for _ in $(seq 1 600); do
  grep -q "listening on" "$work/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; fail "the packaged server exited"; }
  sleep 0.1 # waits-ok: a shell can only poll the log for its line (bounded above)
done
grep -q "listening on ws://127.0.0.1:" "$work/server.out" || { cat "$work/server.err"; fail "no 'listening on' line"; }
kill -TERM "$server_pid"
wait "$server_pid" || fail "the packaged server did not exit 0 on SIGTERM"
server_pid=""
[ -f "$work/data/kith.db" ] || fail "no database in the data folder"
echo "PASS: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
