"""A realistic demo patient for a first look: anlotinib-epirubicin, mid-treatment relative to today,
with a delayed cycle and a dose reduction, the earlier doses given and double-checked.

Everything goes through the ordinary user actions (planner.operations), so the demo has a complete audit
trail like any patient.
The name says DEMO so nobody mistakes it for a real person.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from planner.core.i18n import translate
from planner.core.modifications import Delay, DoseLevelChange
from planner.core.plan import PlanSettings
from planner.operations import add_patient, mark_given, modify_plan, record_double_check
from planner.store import DuplicateMrn, PatientIdentity, PatientRecord, PatientStore

DEMO_MRN = "DEMO-0001"


def demo_start(today: date) -> date:
    """Cycle 1 began so that today is day 10 of cycle 3 (cycles 1-2 of 21 days, then a 7-day delay)."""
    return today - timedelta(days=21 + 21 + 7 + 9)


def add_demo_patient(store: PatientStore, today: date | None = None,
                     settings: PlanSettings | None = None) -> PatientRecord:
    today = today or date.today()
    settings = settings or PlanSettings()
    start = demo_start(today)
    repo = store.repository
    identity = PatientIdentity(
        name=translate("Demo", "DEMO Wang Fang"), mrn=DEMO_MRN, dob=date(1968, 4, 12), sex="F",
        diagnosis=translate("Demo", "Leiomyosarcoma of the uterus, lung metastases (demo patient)"),
        allergies=translate("Demo", "Penicillin (rash)"),
        notes=translate("Demo", "Demo patient: safe to change, undo and withdraw."))
    try:
        record = add_patient(repo, identity, height_cm=Decimal(162), weight_kg=Decimal("61.5"),
                             measured_on=start - timedelta(days=3), regimen_id="anlotinib-epirubicin",
                             start=start, settings=settings).record
    except DuplicateMrn:
        return store.get_patient(DEMO_MRN)
    plan = record.compute_plan()
    for cycle_number in (1, 2):
        cycle = plan.cycle(cycle_number)
        epirubicin = cycle.dose_for("epirubicin")
        if epirubicin is None:
            continue
        record = record_double_check(
            repo, DEMO_MRN, cycle=cycle_number, drug="epirubicin", calculated_mg=epirubicin.dose_mg,
            checked_mg=epirubicin.dose_mg, tolerance_pct=Decimal(5), first_checker="AL", second_checker="MK",
            expected_version=record.version).record
        record = mark_given(
            repo, DEMO_MRN, cycle=cycle_number, day=1, drug="epirubicin", dose_mg=epirubicin.dose_mg,
            given_on=cycle.start, expected_version=record.version, today=today).record
    record = modify_plan(
        repo, DEMO_MRN, Delay(3, 7), translate("Demo", "ANC 0.9 x10^9/L on day 21 of cycle 2"),
        expected_version=record.version).record
    record = modify_plan(
        repo, DEMO_MRN, DoseLevelChange("epirubicin", 3, Decimal(75)),
        translate("Demo", "Febrile neutropenia after cycle 2: one level down"), expected_version=record.version).record
    # Cycle 3 (delayed, reduced) began: its infusion was checked and given like the others.
    cycle = record.compute_plan().cycle(3)
    epirubicin = cycle.dose_for("epirubicin")
    if epirubicin is not None and cycle.start <= today:
        record = record_double_check(
            repo, DEMO_MRN, cycle=3, drug="epirubicin", calculated_mg=epirubicin.dose_mg,
            checked_mg=epirubicin.dose_mg, tolerance_pct=Decimal(5), first_checker="AL", second_checker="MK",
            expected_version=record.version).record
        record = mark_given(
            repo, DEMO_MRN, cycle=3, day=1, drug="epirubicin", dose_mg=epirubicin.dose_mg, given_on=cycle.start,
            expected_version=record.version, today=today).record
    return record
