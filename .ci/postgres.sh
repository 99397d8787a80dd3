#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster from the installed server binaries (initdb/pg_ctl) in a
# temporary folder, as a non-root user, with one database per subgraph. Source it:
#   . .ci/postgres.sh && pg_throwaway_start members cao …   # exports <NAME>_DATABASE_URL
#   pg_throwaway_stop
set -euo pipefail

pg_throwaway_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
  PG_TMP=$(mktemp -d /tmp/samen-sterk-pg.XXXXXX)
  PG_PORT=${PG_PORT:-$(( 55000 + RANDOM % 5000 ))}
  local as=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root; the Debian packages bring a postgres user.
    local user=postgres
    id "$user" >/dev/null 2>&1 || { useradd --system --no-create-home samen-pg; user=samen-pg; }
    chown "$user" "$PG_TMP"
    as=(runuser -u "$user" --)
  fi
  export PG_TMP PG_PORT PG_BIN="$bin" PG_AS="${as[*]:-}"
  "${as[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_TMP/initdb.log"
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  local name var
  for name in "$@"; do
    "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "samen_sterk_${name//-/_}"
    var="$(echo "$name" | tr 'a-z-' 'A-Z_')_DATABASE_URL"
    export "$var=postgresql://postgres@127.0.0.1:$PG_PORT/samen_sterk_${name//-/_}"
  done
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on port $PG_PORT ($PG_TMP)"
}

pg_throwaway_stop() {
  [ -n "${PG_TMP:-}" ] || return 0
  # shellcheck disable=SC2086
  $PG_AS "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
