#!/bin/bash
# First start: initdb with POSTGRES_USER / POSTGRES_PASSWORD (password login over TCP), create POSTGRES_DB.
# Then run the server as the postgres user, listening on every address of the container.
set -euo pipefail
if [[ $(id -u) == 0 ]]; then
  chown -R postgres "$PGDATA"
  exec setpriv --reuid=postgres --regid="$(id -g postgres)" --init-groups "$0" "$@"
fi
user="${POSTGRES_USER:-postgres}"
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set}" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256
  rm -f "$pwfile"
  printf 'local all all trust\nhost all all all scram-sha-256\n' > "$PGDATA/pg_hba.conf"
  if [[ "${POSTGRES_DB:-$user}" != postgres ]]; then
    echo "CREATE DATABASE \"${POSTGRES_DB:-$user}\" OWNER \"$user\"" | postgres --single -D "$PGDATA" postgres
  fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp "$@"
