#!/usr/bin/env bash
# The test run: every test offscreen; store tests also on PostgreSQL when a server can start.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
if [ -z "${WORKBENCH_TEST_PG_URL:-}" ] && [ -x .ci/start_postgres.sh ]; then
  if url=$(bash .ci/start_postgres.sh); then
    export WORKBENCH_TEST_PG_URL="$url"
    echo "PostgreSQL test server: $url"
    pgdir=${url#*host=}; pgdir=${pgdir%%&*}
    stop_pg() {
      local ctl; ctl=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl
      if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$ctl" -D "$pgdir/data" -m fast stop
      else "$ctl" -D "$pgdir/data" -m fast stop; fi >/dev/null 2>&1 || true
    }
    trap stop_pg EXIT
  else
    echo "PostgreSQL could not start; store tests run on SQLite only" >&2
  fi
fi
# The never-freezes tests hold a colleague's lock for 10 s on real threads; they run in a
# process of their own, after the rest (in one process with everything else they failed
# in some full runs and passed alone).
ISOLATED=tests/ui/test_window_never_freezes.py
if [ "$#" -eq 0 ]; then
  .venv/bin/python -m pytest --ignore="$ISOLATED"
  .venv/bin/python -m pytest "$ISOLATED"
else
  .venv/bin/python -m pytest "$@"
fi
