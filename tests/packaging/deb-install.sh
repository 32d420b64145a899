#!/usr/bin/env bash
# Both .debs as people get them: `cpack -G DEB` in the build folder makes kith and kith-server;
# their control fields and file lists are right; desktop-file-validate, appstreamcli and lintian
# (no errors) pass. As root, `apt-get install ./...deb` puts both into the system (offline: their
# dependencies are installed by scripts/setup.sh), the installed programs answer --version, the
# app finds its sound plugin, the installed kith-server serves on loopback and a probe client
# signs in; then both packages are purged, also when a step fails.
# Usage: deb-install.sh BUILD_DIR PROBE   (exit 77: a tool is missing, or not root, or the
# packages were already installed by someone else: the install stage is skipped, not clobbered)
set -euo pipefail
build="$1"
probe="$2"
for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli lintian; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/setup.sh --tests)"; exit 77; }
done
work="$(mktemp -d /tmp/kith-debs.XXXXXX)"
server_pid=""
installed=0
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  if [ "$installed" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 kith kith-server >"$work/purge.log" 2>&1 \
      || dpkg --purge kith kith-server >>"$work/purge.log" 2>&1 || { echo "could not purge:"; cat "$work/purge.log"; }
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
app_deb="$(ls "$work"/out/kith_*.deb 2>/dev/null | head -1)"
server_deb="$(ls "$work"/out/kith-server_*.deb 2>/dev/null | head -1)"
[ -f "$app_deb" ] && [ -f "$server_deb" ] || fail "cpack made $(ls "$work/out")"

# Control fields. The app's run-time needs that dpkg-shlibdeps cannot see are listed by hand.
field() { dpkg-deb -f "$1" "$2"; }
[ "$(field "$app_deb" Package)" = "kith" ] || fail "app Package is $(field "$app_deb" Package)"
[ "$(field "$server_deb" Package)" = "kith-server" ] || fail "server Package is $(field "$server_deb" Package)"
app_depends="$(field "$app_deb" Depends)"
for dep in libqt6sql6-sqlite qt6-qpa-plugins libqt6widgets6 libqt6keychain1 libqt6websockets6 libsodium23; do
  grep -q "$dep" <<<"$app_depends" || fail "kith Depends lacks $dep: $app_depends"
done
for f in Version Architecture Maintainer Description Section; do
  [ -n "$(field "$app_deb" "$f")" ] || fail "kith has no $f"
done
echo "kith Depends: $app_depends"

# File lists.
app_files="$(dpkg-deb -c "$app_deb" | awk '{print $6}')"
expect=(./usr/bin/kith ./usr/share/applications/chat.kith.Kith.desktop
        ./usr/share/metainfo/chat.kith.Kith.metainfo.xml
        ./usr/share/icons/hicolor/scalable/apps/chat.kith.Kith.svg
        ./usr/share/man/man1/kith.1.gz ./usr/share/doc/kith/copyright ./usr/share/doc/kith/changelog.gz)
for s in 16 24 32 48 64 128 256 512; do
  expect+=("./usr/share/icons/hicolor/${s}x${s}/apps/chat.kith.Kith.png")
done
for f in "${expect[@]}"; do
  grep -qx "$f" <<<"$app_files" || fail "$f is not in the kith package"
done
grep -q '/kith/libkith_sound\.so$' <<<"$app_files" || fail "no sound plugin in the kith package"
grep -q '/kith/libkith_server_module\.so$' <<<"$app_files" || fail "no server module in the kith package"
grep -q "usr/bin/kith-server$" <<<"$app_files" && fail "the server binary is in the app package"
server_files="$(dpkg-deb -c "$server_deb" | awk '{print $6}')"
for f in ./usr/bin/kith-server ./usr/share/man/man1/kith-server.1.gz ./usr/share/doc/kith-server/copyright \
         ./usr/share/doc/kith-server/changelog.gz ./lib/systemd/system/kith-server.service; do
  grep -qx "$f" <<<"$server_files" || fail "$f is not in the kith-server package"
done
grep -q "usr/bin/kith$" <<<"$server_files" && fail "the app binary is in the server package"

# Validators, on the files as packaged.
x="$work/x"
dpkg-deb -x "$app_deb" "$x"
desktop-file-validate "$x/usr/share/applications/chat.kith.Kith.desktop" || fail "desktop-file-validate"
grep -qx "MimeType=x-scheme-handler/kith;" "$x/usr/share/applications/chat.kith.Kith.desktop" || fail "no kith:// handler"
grep -qx "Exec=kith %u" "$x/usr/share/applications/chat.kith.Kith.desktop" || fail "Exec does not pass the link"
appstreamcli validate --no-net "$x/usr/share/metainfo/chat.kith.Kith.metainfo.xml" || fail "appstreamcli validate"
zcat "$x/usr/share/man/man1/kith.1.gz" | grep -q "kith://" || fail "the man page lacks the link argument"
lintian --tag-display-limit 0 "$app_deb" "$server_deb" >"$work/lintian.log" 2>&1 || true
grep -v "running with root privileges" "$work/lintian.log" || true
grep -q "^E: " "$work/lintian.log" && fail "lintian reports errors"
echo "static checks: PASS"

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "SKIP: installing needs root and apt-get"; exit 77
fi
# Concurrent runs of this test (several build folders on one machine) take turns; dpkg's own
# lock is waited for too, not failed on.
mkdir -p /run/lock
exec 9>/run/lock/kith-packaging-test.lock
flock -w 900 9 || fail "another packaging test held the lock for 15 minutes"
for p in kith kith-server; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "installed"; then
    echo "SKIP: $p is already installed on this machine; not replacing it"; exit 77
  fi
done
# Offline: every dependency must already be here, so apt would install these two and nothing else
# (apt's --no-download cannot install local .debs).
apt-get install --simulate -o DPkg::Lock::Timeout=300 "$app_deb" "$server_deb" >"$work/sim.log" 2>&1 \
  || { cat "$work/sim.log"; fail "apt-get cannot resolve the packages"; }
others="$(grep "^Inst " "$work/sim.log" | grep -v "^Inst kith \|^Inst kith-server " || true)"
[ -z "$others" ] || fail "installing would download more (run scripts/setup.sh --tests): $others"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$app_deb" "$server_deb" >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "apt-get install ./kith_*.deb ./kith-server_*.deb"; }

/usr/bin/kith --version | grep -q "Kith" || fail "kith --version: $(/usr/bin/kith --version 2>&1)"
/usr/bin/kith-server --version | grep -q "kith-server" || fail "kith-server --version"
sound="$(/usr/bin/kith --check-sound 2>&1)" || fail "the installed app finds no sound plugin: $sound"
grep -q "/usr/lib/.*kith/libkith_sound.so" <<<"$sound" || fail "sound plugin from elsewhere: $sound"
echo "$sound"
# The installed app starts its own server from the module it installed (lib/<multiarch>/kith),
# signs in and shows #general: the whole first start, off screen.
app_log="$work/app.log"
HOME="$work/home" XDG_RUNTIME_DIR="" QT_QPA_PLATFORM=offscreen KITH_NO_KEYCHAIN=1 \
  timeout 120 /usr/bin/kith --local --data "$work/appdata" --measure --quit-when-usable >"$app_log" 2>&1 \
  || { cat "$app_log"; fail "the installed app did not start its own server and sign in"; }
grep -q "usable at" "$app_log" || { cat "$app_log"; fail "the installed app never became usable"; }
grep "usable at" "$app_log"
if [ -f /usr/share/applications/mimeinfo.cache ]; then
  grep -q "^x-scheme-handler/kith=.*chat.kith.Kith.desktop" /usr/share/applications/mimeinfo.cache \
    || fail "the desktop database does not map kith:// to the app"
fi

/usr/bin/kith-server --listen 127.0.0.1:0 --data "$work/data" --config /etc/kith/kith-server.ini \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
# Generous bound: 60 s.
for _ in $(seq 1 600); do
  grep -q "listening on" "$work/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; fail "the installed server exited"; }
  sleep 0.1 # waits-ok: a shell can only poll the log for its line (bounded above)
done
url="$(grep -o "ws://127\.0\.0\.1:[0-9]*" "$work/server.out" | head -1)"
[ -n "$url" ] || { cat "$work/server.err"; fail "no 'listening on ws://127.0.0.1:PORT' line"; }
"$probe" "$url" || { cat "$work/server.err"; fail "the probe could not sign in to the installed server"; }
kill -TERM "$server_pid"
wait "$server_pid" || fail "the installed server did not exit 0 on SIGTERM"
server_pid=""
echo "PASS: installed, signed in, removing $(basename "$app_deb") $(basename "$server_deb")"
