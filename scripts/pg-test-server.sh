#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests.
#   pg-test-server.sh start   initdb + start; prints "export STATESCOPE_TEST_PG_URL=..."
#   pg-test-server.sh stop    stop and delete the data directory
# Port: STATESCOPE_PG_PORT (default 54329). Runs the server as the "postgres" system user when
# invoked as root (PostgreSQL refuses to run as root). Trust authentication, loopback only.
# STATESCOPE_PG_KEEP=1: reuse the data directory if one is there (benchmark databases take
# minutes to generate); otherwise every start begins empty.
set -euo pipefail
port=${STATESCOPE_PG_PORT:-54329}
dir=${STATESCOPE_PG_DIR:-/tmp/statescope-pg-$port}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -n "$bindir" ] || { echo "pg-test-server: PostgreSQL server binaries not found (apt install postgresql)" >&2; exit 1; }

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if [ -f "$dir/postmaster.pid" ] && as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        echo "export STATESCOPE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres"
        exit 0
    fi
    if [ "${STATESCOPE_PG_KEEP:-0}" != 1 ] || [ ! -f "$dir/PG_VERSION" ]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
        as_pg "$bindir/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    rm -f "$dir/postmaster.pid"
    as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=50" \
        start >/dev/null
    echo "export STATESCOPE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -d "$dir" ]; then
        as_pg "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$dir"
    fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
