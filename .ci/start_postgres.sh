#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its SQLAlchemy URL.
# Installs Debian's postgresql if missing (root). The server lives in a temp folder,
# listens only on a Unix socket, and is stopped by the caller's `trap` or at session end.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "postgresql is not installed" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql; } >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/wb-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
run "$PGBIN/initdb" -D "$dir/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >&2
run "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses='' -c fsync=off" start >&2
run "$PGBIN/createdb" -h "$dir" -p "$port" -U app workbench_test >&2
echo "postgresql+psycopg://app@/workbench_test?host=$dir&port=$port"
