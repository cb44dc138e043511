"""Patient actions: add, edit the identity, change the plan settings, withdraw, import a plan file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.plan import PlanSettings, PriorExposure
from planner.operations.result import Change, OpResult
from planner.store import codec
from planner.store.errors import DuplicateMrn
from planner.store.given_guard import require_active_patient
from planner.store.queries import identity_of
from planner.store.record_rules import require_record_date
from planner.store.records import MeasurementRecord, PatientIdentity, PatientRecord, PlanRecord
from planner.store.repository import Repository
from planner.store.validate import clean_identity, require_plan_start, require_reason

DEFAULT_SETTINGS = PlanSettings()


def identity_to_dict(identity: PatientIdentity) -> dict[str, Any]:
    return {"name": identity.name, "mrn": identity.mrn, "dob": codec.iso(identity.dob), "sex": identity.sex,
            "diagnosis": identity.diagnosis, "allergies": identity.allergies, "notes": identity.notes,
            "language": identity.language}


def record_to_audit(record: PatientRecord) -> dict[str, Any]:
    base = record.measurements[0]
    return {
        **identity_to_dict(record.identity),
        "height_cm": codec.dec(base.height_cm), "weight_kg": codec.dec(base.weight_kg),
        "measured_on": base.measured_on.isoformat(), "regimen": record.plan.regimen_id,
        "start": record.plan.start.isoformat(), "settings": codec.settings_to_dict(record.plan.settings),
        "prior": codec.prior_to_list(record.plan.prior),
        "modifications": len(record.modifications), "dose_checks": len(record.dose_checks),
        "administrations": len(record.administrations),
    }


def normalised_settings(settings: PlanSettings) -> PlanSettings:
    """The formula under its canonical key ("Mosteller" -> "mosteller"); InputError for an unknown one."""
    from planner.core.bsa import get_formula

    return replace(settings, formula=get_formula(settings.formula).key)


def add_patient(repo: Repository, identity: PatientIdentity, *, height_cm: Decimal, weight_kg: Decimal,
                measured_on: date, regimen_id: str, start: date, settings: PlanSettings = DEFAULT_SETTINGS,
                prior: tuple[PriorExposure, ...] = (), prescriber: str = "") -> OpResult:
    from planner.core.units import parse_height, parse_weight
    from planner.store.repository import now_utc

    identity = clean_identity(identity)
    prescriber = clean_prescriber(prescriber)
    now = now_utc()
    if not isinstance(measured_on, date) or not date(1900, 1, 1) <= measured_on <= date(2199, 12, 31):
        raise InputError("measured_on", translate("Store", "Measured on: enter the date of the measurement."))
    require_record_date(measured_on, "measured_on", translate("Store", "Measured on"), identity.dob)
    measurement = MeasurementRecord(0, measured_on, parse_height(height_cm), parse_weight(weight_kg),
                                    repo.actor, now)
    plan = PlanRecord(0, regimen_id, require_plan_start(start), normalised_settings(settings),
                      tuple(PriorExposure(p.drug.strip().lower(), p.mg_per_m2) for p in prior), prescriber)
    draft = PatientRecord(id=0, version=1, identity=identity, withdrawn=False, withdrawn_reason="",
                          measurements=(measurement,), plan=plan, modifications=(), dose_checks=(),
                          administrations=(), updated_by=repo.actor, updated_at=now)
    return insert_record(repo, draft, change=Change.PATIENT_ADDED)


def insert_record(repo: Repository, draft: PatientRecord, *, change: Change) -> OpResult:
    """Insert a whole record (a new patient, or one read from a plan file) in one transaction.

    The plan is computed first, so settings, prior exposure and modifications the core rejects raise
    InputError and nothing is written. Stamps (who, when) of the history are kept as given.
    """
    from planner.core.regimen import load_regimen

    load_regimen(draft.plan.regimen_id)
    require_plan_start(draft.plan.start)
    plan = draft.compute_plan()
    with repo.writing() as tx:
        patient_id = tx.insert_record(draft)
        audit_id = tx.audit(change.value, "patient", patient_id, patient_id, None, record_to_audit(draft))
        record = tx.finish(patient_id, draft.version, plan)
    return OpResult(patient_id, record.identity.mrn, record.version, change, audit_id, patient_id, record, plan)


def clean_prescriber(prescriber: str) -> str:
    from planner.core import rules

    return rules.clean_text(prescriber, "prescriber", translate("Store", "Prescriber"), rules.MAX_NAME)


def edit_patient(repo: Repository, mrn: str, identity: PatientIdentity, *, expected_version: int,
                 prescriber: str | None = None) -> OpResult:
    """Save changed identity fields (the MRN may change too) and, when given, the plan's prescriber. Saving
    an identical identity writes nothing and reports Change.UNCHANGED with the record at its current version
    (after the version check)."""
    identity = clean_identity(identity)
    prescriber = clean_prescriber(prescriber) if prescriber is not None else None
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        old, new = identity_to_dict(identity_of(row)), identity_to_dict(identity)
        if prescriber is not None:  # one audit entry for the whole form
            old["prescriber"], new["prescriber"] = tx.record(row).plan.prescriber, prescriber
        changed = [k for k in new if old[k] != new[k]]
        if not changed:
            record = tx.record(row)
            return OpResult(record.id, record.identity.mrn, record.version, Change.UNCHANGED, None, record.id,
                            record, record.compute_plan())
        if identity.mrn != row.mrn:
            owner = tx.mrn_owner(identity.mrn)
            if owner is not None:
                raise DuplicateMrn(identity.mrn, owner)
        plan = tx.record(row).compute_plan()  # the identity is no input of the plan: it stays as it is
        version = tx.update_identity(row, identity)
        if "prescriber" in changed and prescriber is not None:
            tx.update_prescriber(row.id, prescriber)
        audit_id = tx.audit(Change.PATIENT_UPDATED.value, "patient", row.id, row.id,
                            {k: old[k] for k in changed}, {k: new[k] for k in changed})
        record = tx.finish(row.id, version, plan)
    return OpResult(record.id, record.identity.mrn, version, Change.PATIENT_UPDATED, audit_id, record.id, record, plan)


def change_plan_settings(repo: Repository, mrn: str, settings: PlanSettings, *, expected_version: int) -> OpResult:
    settings = normalised_settings(settings)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        plan = replace(record, plan=replace(record.plan, settings=settings)).compute_plan()  # InputError: no write
        version = tx.bump(row)
        tx.update_settings(row.id, settings)
        audit_id = tx.audit(Change.PLAN_SETTINGS.value, "plan", record.plan.id, row.id,
                            codec.settings_to_dict(record.plan.settings), codec.settings_to_dict(settings))
        record = tx.finish(row.id, version, plan)
    return OpResult(record.id, record.identity.mrn, version, Change.PLAN_SETTINGS, audit_id, record.plan.id,
                    record, plan)


def withdraw_patient(repo: Repository, mrn: str, reason: str, *, expected_version: int) -> OpResult:
    reason = require_reason(reason)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        if row.withdrawn:
            raise InputError("withdrawn", translate("Store", "This patient is already withdrawn."))
        plan = tx.record(row).compute_plan()  # withdrawing changes no input of the plan
        version = tx.withdraw_patient(row, reason)
        audit_id = tx.audit(Change.PATIENT_WITHDRAWN.value, "patient", row.id, row.id, {"withdrawn": False},
                            {"withdrawn": True, "reason": reason})
        record = tx.finish(row.id, version, plan)
    return OpResult(record.id, record.identity.mrn, version, Change.PATIENT_WITHDRAWN, audit_id, record.id,
                    record, plan)


def import_plan_file(repo: Repository, path: Path) -> OpResult:
    """Add the patient a plan file describes; a file that breaks any rule (PlanFileError naming its path)
    or an MRN already taken changes nothing."""
    from planner.store.planfile import read_plan_file

    return insert_record(repo, read_plan_file(Path(path)), change=Change.PATIENT_IMPORTED)
