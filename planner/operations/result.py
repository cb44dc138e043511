"""What an operation reports back: which patient, the new version, what kind of change and its audit entry,
so a caller (the GUI) can update the rows it shows instead of reloading everything."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.core.plan import Plan
from planner.store.records import PatientRecord


class Change(StrEnum):
    """The kind of change; the value is the audit log's action."""

    PATIENT_ADDED = "patient.add"
    PATIENT_IMPORTED = "patient.import"
    PATIENT_UPDATED = "patient.update"
    PATIENT_WITHDRAWN = "patient.withdraw"
    PLAN_SETTINGS = "plan.settings"
    MODIFICATION_ADDED = "modification.add"
    MODIFICATION_WITHDRAWN = "modification.withdraw"
    DOSE_CHECK_ADDED = "dose_check.add"
    ADMINISTRATION_ADDED = "administration.add"
    ADMINISTRATION_WITHDRAWN = "administration.withdraw"
    ASSESSMENT_ADDED = "assessment.add"
    ASSESSMENT_ACCEPTED = "assessment.accept"
    ASSESSMENT_WITHDRAWN = "assessment.withdraw"
    UNCHANGED = "unchanged"  # e.g. an identity saved without edits: nothing written, no audit entry


@dataclass(frozen=True)
class OpResult:
    """One saved user action. `entity_id` is the row the action added or withdrew (the new modification,
    dose check or administration; the patient for patient actions); `audit_id` its audit entry (None when
    nothing was written). `plan` is the plan computed for `record` (once, by the operation)."""

    patient_id: int
    mrn: str
    version: int
    change: Change
    audit_id: int | None
    entity_id: int
    record: PatientRecord
    plan: Plan
