#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (CI and developers).
#
#   packaging/pg-test-cluster.sh start DIR   # prints the SQLAlchemy URL for PLANNER_TEST_POSTGRES
#   packaging/pg-test-cluster.sh stop DIR    # stops the cluster and removes DIR
#
# The cluster lives entirely in DIR (data, log, unix socket) and listens on no TCP port, so several can
# run side by side on one machine. It has a superuser named after the OS user that runs the server and an
# ordinary role "planner" that owns the database "planner_test": the tests connect as that role, like the
# app on a ward server, so the audit protection (triggers and revoked privileges) is tested as it is used.
# initdb refuses to run as root: as root the server runs as the "postgres" user (Debian's package creates
# it), and PostgreSQL is installed from Debian's packages first when it is missing (root only).
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
    if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
    if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
}

# Run a server program as the cluster's owner: ourselves, or "postgres" when we are root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        # From /: the caller's folder (e.g. under /root) may be closed to the postgres user.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

start() {
    local bin
    bin=$(bindir)
    if [ -z "$bin" ]; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "PostgreSQL is not installed; install it (apt-get install postgresql) or run this as root." >&2
            exit 1
        fi
        echo "installing PostgreSQL from the Debian packages..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        bin=$(bindir)
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
        chmod 0700 "$dir"
    fi
    # --no-sync and fsync=off: a test cluster never needs to survive a power cut, and fsyncs are slow.
    # PG_TEST_DURABLE=1 keeps PostgreSQL's defaults (fsync on), for benchmarks of committed saves.
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "${PG_TEST_DURABLE:-0}" = 1 ]; then durability=""; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -p 5432 $durability" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    # The socket directory must be reachable by whoever runs the tests (root or the developer).
    chmod 0755 "$dir"
    local superuser
    superuser=$(as_owner id -un)
    as_owner "$bin/psql" -h "$dir" -p 5432 -U "$superuser" -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE planner LOGIN" -c "CREATE DATABASE planner_test OWNER planner" >&2
    echo "postgresql+psycopg://planner@/planner_test?host=$dir&port=5432"
}

stop() {
    local bin
    bin=$(bindir)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case $action in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
