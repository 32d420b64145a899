#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suite, on 127.0.0.1 at a free port.
#   postgres.sh start DIR   initdb into DIR, start, write the admin URL to DIR/url
#   postgres.sh stop DIR    stop the server started in DIR and remove DIR
# As root, the server runs as the `postgres` user (it refuses root); DIR must be where that
# user can write (so under /tmp, not /root).
set -euo pipefail
cmd="${1:?start|stop}"; dir="${2:?DIR}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "postgres.sh: PostgreSQL server binaries not found (Debian: postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
start)
  if [ -f "$dir/data/postmaster.pid" ]; then          # a run that was not stopped: start over
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  user="$(id -un)"; [ "$(id -u)" -eq 0 ] && user=postgres
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  # TLS on, as a hosted PostgreSQL has it: the suites' connections (libpq's default sslmode,
  # prefer) run over it, so the server's threads that use libpq use OpenSSL too.
  as_owner openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 7 \
    -subj /CN=127.0.0.1 -keyout "$dir/data/server.key" -out "$dir/data/server.crt" 2>/dev/null
  chmod 600 "$dir/data/server.key"
  # A free port: ask the kernel for one, then let the server take it. Suites started beside
  # this one may take it in between: then another port.
  for attempt in 1 2 3 4 5; do
    port="$(perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1:0")->sockport')"
    # Enough connections for the suites running side by side (each server holds two or three);
    # fsync off: the test data is thrown away, durability is the SQLite crash test's business.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off -c ssl=on" >/dev/null; then
      break
    fi
    if [ "$attempt" -eq 5 ] || ! grep -q "could not bind" "$dir/log"; then
      cat "$dir/log" >&2
      exit 1
    fi
  done
  echo "postgresql://$user@127.0.0.1:$port/postgres" > "$dir/url"
  echo "postgres.sh: PostgreSQL on 127.0.0.1:$port ($dir)"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
  ;;
*) echo "usage: postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
