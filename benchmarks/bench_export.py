"""Budgets of the exports issue: patient calendar and dose sheet for 12 cycles under 0.5 s each, and a
day list for 200 patients under 2 s (medians).

Run: `make bench` or `.venv/bin/python benchmarks/bench_export.py`. Prints the figures; exits 1 when a
budget is missed. The day list is measured at its worst, all 200 patients due that day (200 table
rows), both from plans in memory and end to end from a database (open, read, compute, print).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_seconds, report

from planner.core.modifications import Delay, DoseLevelChange, OmitDays, WeightChange
from planner.core.plan import PatientInputs, PlanSettings, compute_plan
from planner.core.regimen import load_regimen
from planner.export.day_list import day_list_pdf, due_on
from planner.export.dose_sheet import dose_sheet_pdf
from planner.export.options import Institution, PrintOptions, Subject
from planner.export.patient_calendar import patient_calendar_pdf

INSTITUTION = Institution("Sun Yat-sen Cancer Center", ("Day unit: 010-1234 5678", "Out of hours: 010-8765 4321"))
OPTIONS = PrintOptions("a4", date(2026, 1, 2))
SETTINGS = PlanSettings(open_ended_cycles=6)  # 6 combination + 6 maintenance = 12 cycles


def twelve_cycle_plan():
    inputs = PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70))
    return compute_plan(load_regimen("anlotinib-epirubicin"), inputs,
                        SETTINGS, [Delay(3, 7, "ANC"), DoseLevelChange("anlotinib", 4, Decimal(10), "bleeding"),
                                   OmitDays("anlotinib", 2, (8, 9, 10), "blood pressure"),
                                   WeightChange(5, Decimal(60))])


def bench_documents() -> list[bool]:
    plan = twelve_cycle_plan()
    assert len(plan.cycles) == 12
    subject = Subject("王芳 Wang Fang", "12345678", date(1955, 3, 2))
    patient_calendar_pdf(plan, subject, INSTITUTION, OPTIONS)  # warm-up: fonts, imports
    calendar = median_seconds(lambda: patient_calendar_pdf(plan, subject, INSTITUTION, OPTIONS), repeat=7)
    sheet = median_seconds(lambda: dose_sheet_pdf(plan, subject, INSTITUTION, OPTIONS), repeat=7)
    return [report("patient calendar PDF, 12 cycles", calendar, 0.5),
            report("clinician dose sheet PDF, 12 cycles", sheet, 0.5)]


def cohort(when: date, count: int = 200):
    regimen = load_regimen("anlotinib-epirubicin")
    patients = []
    for i in range(count):
        cycles_before = i % 10  # day 1 of cycle 1..10: infusions and maintenance starts
        mods = (Delay(2, 7, "ANC"),) if i % 4 == 0 and cycles_before >= 2 else ()
        start = when - timedelta(days=21 * cycles_before + (7 if mods else 0))
        plan = compute_plan(regimen, PatientInputs(start, Decimal(150 + i % 40), Decimal(50 + i % 45)), SETTINGS, mods)
        patients.append((Subject(f"Patient {i:03d}", f"M{i:05d}", date(1950, 1, 1) + timedelta(days=i * 53)), plan))
    return patients


def bench_day_list(when: date = date(2026, 6, 1)) -> bool:
    patients = cohort(when)
    due, _ = due_on(patients, when)
    assert len(due) == len(patients), len(due)
    day_list_pdf(when, patients, INSTITUTION, OPTIONS)
    seconds = median_seconds(lambda: day_list_pdf(when, patients, INSTITUTION, OPTIONS), repeat=5)
    return report("day list PDF, 200 patients all due (plans in memory)", seconds, 2.0)


def bench_day_list_from_database(when: date = date(2026, 6, 1)) -> bool:
    from planner.store import PatientIdentity, PatientStore

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        with PatientStore.open(path, actor="bench") as store:
            for subject, plan in cohort(when):
                store.add_patient(PatientIdentity(subject.name, subject.mrn, subject.dob),
                                  height_cm=plan.inputs.height_cm, weight_kg=plan.inputs.weight_kg,
                                  measured_on=plan.inputs.start, regimen_id=plan.regimen.id,
                                  start=plan.inputs.start, settings=SETTINGS)

        def run() -> None:
            with PatientStore.open(path) as store:
                patients = [(r.identity, r.compute_plan()) for r in
                            (store.get_patient(s.mrn) for s in store.list_patients(today=when))]
            day_list_pdf(when, patients, INSTITUTION, OPTIONS)

        seconds = median_seconds(run, repeat=5)
    return report("day list PDF, 200 patients, from the database", seconds, 2.0)


def main() -> int:
    results = [*bench_documents(), bench_day_list(), bench_day_list_from_database()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
