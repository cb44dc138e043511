"""Budget of issue 11: a proposal before a cycle in under 5 ms for a 12-cycle plan.

Run: `make bench` or `.venv/bin/python benchmarks/bench_assess.py`. The plan is computed once (the
screen already has it); what is timed is what a keystroke in the assessment panel costs: building the
assessment and proposing, with many rules firing at once.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_seconds, report

from planner.core.assessment import Assessment, Bilirubin, ToxicityGrade
from planner.core.decision import propose
from planner.core.plan import PatientInputs, PlanSettings, PriorExposure, compute_plan
from planner.core.regimen import load_regimen


def bench_proposal(repeat: int = 1000) -> bool:
    regimen = load_regimen("anlotinib-epirubicin")
    inputs = PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70), (PriorExposure("doxorubicin", Decimal(300)),))
    plan = compute_plan(regimen, inputs, PlanSettings(open_ended_cycles=6))
    assert len(plan.cycles) == 12

    def once() -> None:
        for cycle in (2, 4, 8):
            assessment = Assessment(
                cycle=cycle, anc=Decimal("1.6"), platelets=Decimal(120), bilirubin=Bilirubin(Decimal(30)),
                ast=Decimal(100), uln_ast=Decimal(40), nadir_platelets=Decimal(45), febrile_neutropenia=True,
                toxicities=(ToxicityGrade("bleeding", 2), ToxicityGrade("hypertension", 3)),
                ongoing=(ToxicityGrade("fatigue", 1),))
            propose(plan, assessment)

    once()
    seconds = median_seconds(lambda: [once() for _ in range(repeat)], repeat=3) / (3 * repeat)
    return report("one proposal (12-cycle plan, 6 rules firing)", seconds * 1000, 5.0, "ms")


def main() -> int:
    return 0 if bench_proposal() else 1


if __name__ == "__main__":
    raise SystemExit(main())
