#!/usr/bin/env bash
# LAN discovery by broadcast, for real but sealed off: two network namespaces joined by a veth
# pair (10.77.0.0/24) stand in for two machines on a LAN. kith-server in one announces with
# --announce broadcast; a listener in the other must hear a beacon whose URL is the server's
# address on that network, and reach the server's wss:// there. Nothing leaves the namespaces.
# Needs root (ip netns); reports a skip (77) where namespaces cannot be made.
set -u
server_bin="$1"
[ "$(id -u)" -eq 0 ] && command -v ip >/dev/null && command -v python3 >/dev/null || exit 77
a="kith-lan-a-$$"; b="kith-lan-b-$$"
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  ip netns del "$a" 2>/dev/null; ip netns del "$b" 2>/dev/null
  rm -rf "$tmp"
}
tmp="$(mktemp -d)"
trap cleanup EXIT
ip netns add "$a" 2>/dev/null && ip netns add "$b" 2>/dev/null || exit 77
ip link add "va$$" netns "$a" type veth peer name "vb$$" netns "$b" || exit 77
ip -n "$a" addr add 10.77.0.1/24 brd 10.77.0.255 dev "va$$"
ip -n "$b" addr add 10.77.0.2/24 brd 10.77.0.255 dev "vb$$"
for ns in "$a" "$b"; do ip -n "$ns" link set lo up; done
ip -n "$a" link set "va$$" up; ip -n "$b" link set "vb$$" up

# The listener first, so the first beacons are heard.
ip netns exec "$b" python3 - "$tmp/beacon.json" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 7420))
s.settimeout(20)
data, sender = s.recvfrom(4096)
open(sys.argv[1], "wb").write(data)
PY
listener=$!
ip netns exec "$a" "$server_bin" --listen 0.0.0.0:0 --data "$tmp/data" --guests --party-name "Sealed LAN" \
  --tls-self-signed --announce broadcast >"$tmp/out" 2>"$tmp/err" &
server_pid=$!
if ! wait "$listener"; then
  echo "no beacon heard in the other namespace"; cat "$tmp/err"; exit 1
fi
cat "$tmp/beacon.json"; echo
port="$(sed -n 's/^listening on wss:\/\/0\.0\.0\.0:\([0-9]*\)$/\1/p' "$tmp/out")"
fp="$(sed -n 's/^certificate fingerprint //p' "$tmp/out")"
# The beacon names the server by its address on this network, with its certificate.
python3 - "$tmp/beacon.json" "$port" "$fp" <<'PY' || exit 1
import json, sys
b = json.load(open(sys.argv[1]))
want = {"kith": 1, "name": "Sealed LAN", "url": "wss://10.77.0.1:%s" % sys.argv[2], "password": False,
        "fingerprint": sys.argv[3]}
bad = {k: (b.get(k), v) for k, v in want.items() if b.get(k) != v}
if bad:
    print("beacon differs:", bad); sys.exit(1)
PY
# And that URL works from the other machine: TLS, the WebSocket upgrade, then hello.
ip netns exec "$b" python3 - "$port" <<'PY' || { echo "could not reach the announced URL"; exit 1; }
import base64, os, socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
s = ctx.wrap_socket(socket.create_connection(("10.77.0.1", int(sys.argv[1])), timeout=10))
key = base64.b64encode(os.urandom(16)).decode()
s.sendall(("GET / HTTP/1.1\r\nHost: 10.77.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key).encode())
got = b""
while b'"hello"' not in got:
    chunk = s.recv(4096)
    if not chunk: sys.exit(1)
    got += chunk
PY
echo "beacon heard across the veth pair and its URL reached"
# And it stops cleanly on SIGTERM, as a service manager stops it.
kill "$server_pid"; wait "$server_pid"; rc=$?; server_pid=
[ "$rc" -eq 0 ] || { echo "kith-server exited with $rc after SIGTERM"; cat "$tmp/err"; exit 1; }
