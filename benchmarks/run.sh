#!/usr/bin/env bash
# `make bench`: every benchmark on SQLite, then the store-backed ones (bench_store, bench_unit, bench_gui)
# again on PostgreSQL -- the server given in $PLANNER_BENCH_POSTGRES, or else a throwaway cluster
# (packaging/pg-test-cluster.sh), skipped with a note when PostgreSQL cannot be started here.
# Exits 1 when any budget is missed.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export QT_QPA_PLATFORM=offscreen
failed=0
for script in benchmarks/bench_*.py; do
    echo "== $script (SQLite)"
    "$PY" "$script" || failed=1
done

url=${PLANNER_BENCH_POSTGRES:-}
pg_dir=""
if [ -z "$url" ]; then
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/planner-bench-pg.XXXXXX")
    trap 'packaging/pg-test-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
    if ! url=$(packaging/pg-test-cluster.sh start "$pg_dir" 2>/dev/null); then
        echo "== PostgreSQL could not be started here: its benchmarks were not run"
        exit "$failed"
    fi
fi
echo "== PostgreSQL: $url"
# The 10,000-patient database is built once (bench_store builds what is missing), then timed by each.
"$PY" benchmarks/bench_store.py --database "$url" || failed=1
"$PY" benchmarks/bench_unit.py --database "$url" || failed=1
"$PY" benchmarks/bench_gui.py --database "$url" || failed=1
exit "$failed"
