"""Budgets of the unit-level issue, on a database of 10,000 patients built by bench_store.py:
the day list < 1 s with peak memory < 150 MB, an 8-week ward forecast < 1 s.

Run: `make bench` or `.venv/bin/python benchmarks/bench_unit.py [--patients N] [--keep PATH] [--database URL]`.
The day list runs in a child process so its peak memory (max RSS, the interpreter included) is its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import report

CHILD = r"""
import json, resource, sys, time
from datetime import date
from planner.store import PatientStore
from planner.export.day_list import day_list_pdf
t0 = time.perf_counter()
with PatientStore.open(sys.argv[1], actor="bench") as store:
    pdf = day_list_pdf(date.fromisoformat(sys.argv[2]), store.due_on(date.fromisoformat(sys.argv[2])))
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "bytes": len(pdf)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--keep", default=None, help="build (or reuse) the SQLite database at this path")
    parser.add_argument("--database", default=None, help="an existing database URL (e.g. PostgreSQL) to use")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    location = args.database or args.keep or str(Path(folder.name) / "unit.sqlite3")
    if args.database is None and not Path(location).exists():
        subprocess.run([sys.executable, str(Path(__file__).parent / "bench_store.py"), "--patients",
                        str(args.patients), "--keep", location, "--build-only"], check=True)

    from planner.export.forecast import daily_forecast, forecast_range
    from planner.store import PatientStore

    when = date(2026, 1, 15)
    child = subprocess.run([sys.executable, "-c", CHILD, location, when.isoformat()], check=True,
                           capture_output=True, text=True)
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    results = [report(f"day list, {args.patients:,}-patient database (open + query + PDF)", figures["seconds"], 1.0),
               report("day list peak memory (max RSS of the process)", figures["peak_mb"], 150, "MB")]
    with PatientStore.open(location, actor="bench") as store:
        timings = []
        for _ in range(5):
            t0 = time.perf_counter()
            first, last = forecast_range(when, 8)
            daily = daily_forecast(store.due_between(first, last), first, last)
            timings.append(time.perf_counter() - t0)
        assert len(daily) == 56
        results.append(report("8-week ward forecast (median)", sorted(timings)[2], 1.0))
    folder.cleanup()
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
