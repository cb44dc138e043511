"""Small timing helpers shared by the benchmark scripts (medians, subprocess start-up times)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_seconds(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def startup_seconds(argv: Sequence[str], repeat: int = 15, env: dict[str, str] | None = None) -> float:
    """Median wall time of running `argv` to completion, after one warm-up run (disk cache, bytecode)."""
    env = env if env is not None else startup_env()
    subprocess.run(argv, check=True, capture_output=True, env=env)

    def once() -> None:
        subprocess.run(argv, check=True, capture_output=True, env=env)

    return median_seconds(once, repeat)


def python() -> str:
    return sys.executable


def startup_env(**extra: str) -> dict[str, str]:
    """The environment for a start-up measurement: as installed programs run, with compiled bytecode cached
    (PYTHONDONTWRITEBYTECODE, set in some shells, would make every start compile every module again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def report(name: str, value: float, budget: float, unit: str = "s") -> bool:
    ok = value <= budget
    print(f"{name:<58} {value:10.4f} {unit:<3} budget {budget:g} {unit:<3} {'OK' if ok else 'OVER BUDGET'}")
    return ok
