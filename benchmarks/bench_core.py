"""Budgets of the core issue: `planner bsa` start-up against bare Python, and 10,000 plans.

Run: `make bench` or `.venv/bin/python benchmarks/bench_core.py`. Prints the figures; exits 1 when a
budget is missed so a regression is visible, but it is not part of `make test` (timings are noisy).
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_seconds, python, report, startup_seconds

from planner.core.modifications import Delay, WeightChange
from planner.core.plan import PatientInputs, PlanSettings, compute_plan
from planner.core.regimen import load_regimen


def bench_bsa_startup() -> bool:
    baseline = startup_seconds([python(), "-c", "import argparse, decimal, datetime, json"])
    bsa = startup_seconds([python(), "-m", "planner", "bsa", "--height", "170", "--weight", "70", "--json"])
    print(f"{'python -c import argparse, decimal, datetime, json':<58} {baseline:10.4f} s")
    print(f"{'planner bsa --json':<58} {bsa:10.4f} s")
    return report("planner bsa start-up / baseline (ratio)", bsa / baseline, 2.0, "x")


def bench_plans(patients: int = 10_000) -> bool:
    regimen = load_regimen("anlotinib-epirubicin")
    settings = PlanSettings(open_ended_cycles=6)  # 6 combination + 6 maintenance = 12 cycles
    cohort = [
        (PatientInputs(date(2026, 1, 1) + timedelta(days=i % 365), Decimal(150 + i % 40), Decimal(50 + i % 50)),
         (Delay(3, 7), WeightChange(5, Decimal(48 + i % 50))) if i % 3 == 0 else ())
        for i in range(patients)
    ]

    def run() -> None:
        for inputs, mods in cohort:
            plan = compute_plan(regimen, inputs, settings, mods)
            assert len(plan.cycles) == 12

    # The first pass starts with empty dose tables (a freshly started app); the budget is on the median.
    started = time.perf_counter()
    run()
    print(f"{'first pass (empty dose tables)':<58} {time.perf_counter() - started:10.4f} s")
    seconds = median_seconds(run, repeat=3)
    return report(f"compute {patients:,} plans of 12 cycles", seconds, 0.5)  # issue 14: < 0.5 s


def main() -> int:
    results = [bench_bsa_startup(), bench_plans()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
