"""The values the store hands out: frozen snapshots of one patient's record at one version.

The plan's days are never stored; `PatientRecord.compute_plan()` asks the core for them each time,
from the baseline measurement, the plan settings and the modifications that are not withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from planner.core.assessment import Assessment
from planner.core.clinic_events import ClinicEventKind
from planner.core.modifications import Modification
from planner.core.plan import Plan, PlanSettings, PriorExposure
from planner.core.rules import PlanStatus


@dataclass(frozen=True)
class PatientIdentity:
    name: str
    mrn: str
    dob: date | None = None
    sex: str | None = None  # "F" | "M" | "X" | None
    diagnosis: str = ""
    allergies: str = ""
    notes: str = ""
    # The patient's preferred language for the patient calendar and the .ics ("en", "zh_CN"); the dose
    # sheet and the day list print in the staff's language instead.
    language: str = "en"


@dataclass(frozen=True)
class MeasurementRecord:
    id: int
    measured_on: date
    height_cm: Decimal
    weight_kg: Decimal
    entered_by: str
    entered_at: datetime
    modification_id: int | None = None  # the weight change (ModificationRecord.id) that recorded it, if any


@dataclass(frozen=True)
class PlanRecord:
    id: int
    regimen_id: str
    start: date
    settings: PlanSettings
    prior: tuple[PriorExposure, ...]
    prescriber: str = ""  # who ordered the plan (the dose sheet's order elements)
    created_at: datetime | None = None  # when the plan was made (the order date): the patient's creation


@dataclass(frozen=True)
class ModificationRecord:
    id: int
    modification: Modification
    reason: str
    created_by: str
    created_at: datetime
    withdrawn: bool = False
    withdrawn_reason: str = ""
    withdrawn_by: str = ""
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class DoseCheckRecord:
    id: int
    cycle: int
    drug: str
    calculated_mg: Decimal
    checked_mg: Decimal
    deviation_pct: Decimal
    tolerance_pct: Decimal
    passed: bool
    first_checker: str
    second_checker: str
    checked_at: datetime


@dataclass(frozen=True)
class AdministrationRecord:
    id: int
    cycle: int
    day: int
    drug: str
    dose_mg: Decimal
    given_on: date
    given_by: str
    recorded_at: datetime
    note: str = ""
    withdrawn: bool = False  # an undone Mark given: kept on record, no longer counted as given
    withdrawn_reason: str = ""
    withdrawn_by: str = ""
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class FiredRuleRecord:
    """A rule that fired for one drug when the assessment was recorded (a snapshot: regimens change)."""

    drug: str
    code: str


@dataclass(frozen=True)
class AssessmentRecord:
    """An assessment before a cycle, the proposal's decision as it stood, and its acceptance.

    `modification_ids` are the modifications the acceptance created (ModificationRecord.id): undo withdraws
    them and marks this record withdrawn. `prescriber` is who confirmed it when a rule required it."""

    id: int
    assessment: Assessment
    decision: str
    rules: tuple[FiredRuleRecord, ...]
    accepted: bool
    reason: str
    recorded_by: str
    recorded_at: datetime
    prescriber: str = ""
    prescriber_at: datetime | None = None
    modification_ids: tuple[int, ...] = ()
    withdrawn: bool = False
    withdrawn_reason: str = ""
    withdrawn_by: str = ""
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class PatientRecord:
    id: int
    version: int
    identity: PatientIdentity
    withdrawn: bool
    withdrawn_reason: str
    # Entry order; [0] is the baseline the plan starts from. A weight recorded by a weight change that was
    # later withdrawn is left out (it stays in the database and the audit log).
    measurements: tuple[MeasurementRecord, ...]
    plan: PlanRecord
    modifications: tuple[ModificationRecord, ...]  # all, withdrawn ones included, oldest first
    dose_checks: tuple[DoseCheckRecord, ...]
    administrations: tuple[AdministrationRecord, ...]
    updated_by: str
    updated_at: datetime
    assessments: tuple[AssessmentRecord, ...] = ()  # oldest first, withdrawn ones included

    def active_modifications(self) -> tuple[Modification, ...]:
        return tuple(m.modification for m in self.modifications if not m.withdrawn)

    @property
    def baseline_measurement(self) -> MeasurementRecord:
        return self.measurements[0]

    @property
    def latest_measurement(self) -> MeasurementRecord:
        return self.measurements[-1]

    def compute_plan(self, modifications: tuple[Modification, ...] | None = None, *,
                     today: date | None = None) -> Plan:
        """The plan as the core computes it today from this record (never read back from storage), or with
        `modifications` instead of the active ones. Maintenance rolls forward to cover `today` (default: the
        computer's date) until the treatment is ended."""
        from planner.core.plan import PatientInputs, compute_plan
        from planner.core.regimen import load_regimen

        baseline = self.baseline_measurement
        inputs = PatientInputs(self.plan.start, baseline.height_cm, baseline.weight_kg, self.plan.prior)
        return compute_plan(load_regimen(self.plan.regimen_id), inputs, self.plan.settings,
                            self.active_modifications() if modifications is None else modifications,
                            today=today or date.today())


@dataclass(frozen=True)
class PatientSummary:
    """One row of the patient list, read from the summary the store keeps up to date on every write."""

    mrn: str
    name: str
    regimen_id: str
    current_cycle: int | None
    next_dose_date: date | None
    status: PlanStatus  # planned (before cycle 1), on treatment, completed or withdrawn
    dob: date | None
    version: int


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str  # "patient.add", "modification.add", "modification.withdraw", "dose_check.add", ...
    entity: str
    entity_id: int
    patient_id: int | None
    old: dict[str, Any] | None
    new: dict[str, Any] | None


@dataclass(frozen=True)
class ClinicEventRow:
    """One clinic event of one patient, as the summary tables hold it (see core.clinic_events)."""

    on: date
    kind: ClinicEventKind
    cycle: int
    chair_minutes: int
    mrn: str
    name: str
    dob: date | None
