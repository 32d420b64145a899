#!/usr/bin/env bash
# Installs what the build needs (Debian/Ubuntu) when missing, then configures and builds.
# Usage: scripts/setup.sh [--tests] [--release] [--packages-only]. Sourced by run.sh and test.sh;
# scripts/sanitize.sh takes only the packages (it builds its own folder).
set -euo pipefail

KITH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KITH_BUILD="${KITH_BUILD:-$KITH_ROOT/build}"
want_tests=0
packages_only=0
build_type=RelWithDebInfo
for arg in "$@"; do
  case "$arg" in
    --tests) want_tests=1 ;;
    --release) build_type=Release ;;
    --packages-only) packages_only=1 ;;
  esac
done

# lld: links kith and its server module with their start-up functions first (CMakeLists.txt).
BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config qt6-base-dev qt6-base-dev-tools
  qt6-websockets-dev qtkeychain-qt6-dev libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev
  qt6-multimedia-dev qt6-charts-dev libsodium-dev libssl-dev libsqlite3-dev libpq-dev libqt6sql6-psql fonts-dejavu-core
  fonts-noto-color-emoji lld)
# Tests start their own Xvfb (screenshots), and private D-Bus sessions with dbus-run-session
# (gnome-keyring for the keychain, a stand-in daemon for native notifications).
# systemd: systemd-analyze verifies the packaged unit; dpkg-dev: cpack -G DEB runs dpkg-shlibdeps;
# desktop-file-utils, appstream, lintian: tests/packaging validates the .debs with them;
# qt6-qpa-plugins: a dependency of the kith .deb, so the packaging test installs it offline.
TEST_PACKAGES=(xvfb gnome-keyring dbus-daemon postgresql systemd dpkg-dev desktop-file-utils appstream
  lintian qt6-qpa-plugins)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "kith: missing packages: ${missing[*]}. Install Qt 6.4+ (Base, WebSockets, Sql, Svg, LinguistTools)," >&2
    echo "      QtKeychain for Qt 6, libsodium, OpenSSL, CMake and Ninja, then run this again." >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "kith: installing ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_missing "${BUILD_PACKAGES[@]}"
[ "$want_tests" -eq 1 ] && install_missing "${TEST_PACKAGES[@]}"
[ "$packages_only" -eq 1 ] && exit 0

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
generator=()
[ -f "$KITH_BUILD/CMakeCache.txt" ] || generator=(-G Ninja -DCMAKE_BUILD_TYPE="$build_type")
# Configured every time (cheap): the app and the tests are always part of this build.
cmake -S "$KITH_ROOT" -B "$KITH_BUILD" "${generator[@]}" -DKITH_BUILD_APP=ON -DKITH_BUILD_TESTS=ON \
  "${launcher[@]}" >/dev/null
cmake --build "$KITH_BUILD" -j"$(nproc)"
