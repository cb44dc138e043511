"""Changes to the plan's history: delay a cycle, record a weight, change a dose level, omit days, stop a drug,
and withdraw one of them (undo). Each is one modification row, audited, in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.i18n import translate
from planner.core.modifications import Delay, DoseLevelChange, Modification, OmitDays, StopDrug, WeightChange
from planner.operations.result import Change, OpResult
from planner.store import codec
from planner.store.given_guard import require_active_patient, require_not_given
from planner.store.record_rules import require_record_date
from planner.store.repository import Repository
from planner.store.validate import require_reason


def delay_cycle(repo: Repository, mrn: str, delay: Delay, reason: str, *, expected_version: int) -> OpResult:
    return modify_plan(repo, mrn, delay, reason, expected_version=expected_version)


def record_weight(repo: Repository, mrn: str, change: WeightChange, reason: str = "", *,
                  expected_version: int) -> OpResult:
    return modify_plan(repo, mrn, change, reason, expected_version=expected_version)


def change_dose_level(repo: Repository, mrn: str, change: DoseLevelChange, reason: str, *,
                      expected_version: int) -> OpResult:
    return modify_plan(repo, mrn, change, reason, expected_version=expected_version)


def omit_days(repo: Repository, mrn: str, omit: OmitDays, reason: str, *, expected_version: int) -> OpResult:
    return modify_plan(repo, mrn, omit, reason, expected_version=expected_version)


def stop_drug(repo: Repository, mrn: str, stop: StopDrug, reason: str, *, expected_version: int) -> OpResult:
    return modify_plan(repo, mrn, stop, reason, expected_version=expected_version)


def modify_plan(repo: Repository, mrn: str, modification: Modification, reason: str, *,
                expected_version: int) -> OpResult:
    """Add any modification (for callers holding one of unknown kind, like the undo stack).
    `entity_id` of the result is the new modification's id."""
    from planner.core.plan import PatientInputs, check_level_change, compute_plan
    from planner.core.regimen import load_regimen
    from planner.core.units import parse_weight

    if isinstance(modification, WeightChange) and not (reason or "").strip():
        reason = translate("Store", "New weight measured.")
    reason = require_reason(reason)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        regimen = load_regimen(record.plan.regimen_id)
        if isinstance(modification, (DoseLevelChange, OmitDays, StopDrug)):
            modification = replace(modification, drug=regimen.drug(modification.drug).id)
        if isinstance(modification, WeightChange):
            measured_on = modification.measured_on or date.today()
            require_record_date(measured_on, "measured_on", translate("Store", "Measured on"),
                                record.identity.dob)
            modification = replace(modification, weight_kg=parse_weight(modification.weight_kg),
                                   measured_on=measured_on)
        modification = replace(modification, reason=reason)
        if isinstance(modification, DoseLevelChange):
            # A change to the level already in force is a slip; only the plan before the change can tell.
            check_level_change(record.compute_plan(), modification)
        # The core validates the whole list with the new entry; an impossible one raises, nothing is saved.
        base = record.baseline_measurement
        inputs = PatientInputs(record.plan.start, base.height_cm, base.weight_kg, record.plan.prior)
        plan = compute_plan(regimen, inputs, record.plan.settings, (*record.active_modifications(), modification),
                            today=date.today())
        # A cycle recorded as given keeps the date and dose it was given with (withdrawing a modification,
        # i.e. undo, is not checked: it restores what the plan said before).
        require_not_given(record, modification)
        version = tx.bump(row)
        data = codec.modification_to_dict(modification)
        mod_id = tx.insert_modification(row.id, modification, reason)
        audit_id = tx.audit(Change.MODIFICATION_ADDED.value, "modification", mod_id, row.id, None,
                            {**data, "reason": reason})
        if isinstance(modification, WeightChange):
            height = record.latest_measurement.height_cm
            measured_on = modification.measured_on or date.today()
            m_id = tx.insert_measurement(row.id, measured_on=measured_on, height_cm=height,
                                         weight_kg=modification.weight_kg, modification_id=mod_id)
            tx.audit("measurement.add", "measurement", m_id, row.id, None,
                     {"measured_on": measured_on.isoformat(), "height_cm": codec.dec(height),
                      "weight_kg": codec.dec(modification.weight_kg), "modification_id": mod_id})
        saved = tx.finish(row.id, version, plan)
    return OpResult(saved.id, saved.identity.mrn, version, Change.MODIFICATION_ADDED, audit_id, mod_id, saved, plan)


def withdraw_modification(repo: Repository, mrn: str, modification_id: int, reason: str, *,
                          expected_version: int) -> OpResult:
    """Withdraw a modification (recorded in error, or an undo): kept on record, no longer applied."""
    from planner.core.plan import PatientInputs, compute_plan
    from planner.core.regimen import load_regimen

    reason = require_reason(reason)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        mod = tx.withdraw_entry(
            "modification", modification_id, row.id, reason,
            missing=translate("Store", "Modification {id} is not in this patient's record.").format(
                id=modification_id),
            already=translate("Store", "Modification {id} is already withdrawn.").format(id=modification_id))
        base = record.baseline_measurement
        inputs = PatientInputs(record.plan.start, base.height_cm, base.weight_kg, record.plan.prior)
        plan = compute_plan(load_regimen(record.plan.regimen_id), inputs, record.plan.settings,
                            tuple(m.modification for m in record.modifications
                                  if not m.withdrawn and m.id != mod.id), today=date.today())
        version = tx.bump(row)
        audit_id = tx.audit(Change.MODIFICATION_WITHDRAWN.value, "modification", mod.id, row.id,
                            {"withdrawn": False, **mod.row.data}, {"withdrawn": True, "reason": reason})
        saved = tx.finish(row.id, version, plan)
    return OpResult(saved.id, saved.identity.mrn, version, Change.MODIFICATION_WITHDRAWN, audit_id, mod.id, saved,
                    plan)
