"""The patient list's row for a record just saved, made from the record and plan the operation returned.

After a write the window updates that one row (issue 14) instead of re-reading 10,000 summaries. The row
must read exactly as `PatientStore.list_patients` would give it (planner/store/summary.py
`list_summaries`): the current cycle is the first whose span holds `today`, the next dose the first dose
day on or after `today`; a withdrawn patient has neither, a completed plan no next dose, a plan not yet
started no current cycle. tests/gui/test_list_rows.py compares the two on the same store.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.core.plan import Plan
from planner.core.rules import treatment_status

if TYPE_CHECKING:
    from planner.gui.widgets.patient_list import PatientList
    from planner.store import PatientRecord, PatientSummary


def summary_of(record: PatientRecord, plan: Plan, today: date) -> PatientSummary:
    from planner.store import PatientSummary

    cycle = next((c.number for c in plan.cycles if c.start <= today <= c.end), None)
    next_dose = next((d.date for d in plan.days() if not d.is_rest and d.date >= today), None)
    from planner.core.modifications import EndTreatment
    from planner.store.summary import rolls_forward

    ends = [m.modification.effective_on for m in record.modifications
            if not m.withdrawn and isinstance(m.modification, EndTreatment)]
    status, shows_cycle, shows_next = treatment_status(
        today, withdrawn=record.withdrawn, starts_on=plan.start, ends_on=plan.end,
        ended_on=min(ends) if ends else None, open_ended=rolls_forward(record.plan.regimen_id))
    cycle = cycle if shows_cycle else None
    next_dose = next_dose if shows_next else None
    identity = record.identity
    return PatientSummary(mrn=identity.mrn, name=identity.name, regimen_id=record.plan.regimen_id,
                          current_cycle=cycle, next_dose_date=next_dose, status=status, dob=identity.dob,
                          version=record.version)


def update_list_row(patients: PatientList, previous_mrn: str, record: PatientRecord, plan: Plan,
                    today: date) -> None:
    """Bring the one row of `record` up to date: renamed MRN (the old row goes), withdrawn (the row goes
    unless withdrawn patients are shown), otherwise dataChanged / a row insert."""
    summary = summary_of(record, plan, today)
    model = patients.model
    if previous_mrn and previous_mrn != summary.mrn:
        model.remove_patient(previous_mrn)
    if record.withdrawn and not patients.show_withdrawn.isChecked():
        model.remove_patient(summary.mrn)
    else:
        patients.update_patient(summary)
