"""Reading one patient's record: rows -> the frozen values of records.py."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Row, select

from planner.core.plan import PlanSettings, PriorExposure
from planner.store import codec
from planner.store.chain import RecordRows, fetch_rows
from planner.store.errors import NotFound
from planner.store.records import (
    AdministrationRecord,
    AssessmentRecord,
    AuditEntry,
    DoseCheckRecord,
    FiredRuleRecord,
    MeasurementRecord,
    ModificationRecord,
    PatientIdentity,
    PatientRecord,
    PlanRecord,
)
from planner.store.schema import (
    administrations,
    assessments,
    audit_log,
    dose_checks,
    measurements,
    modifications,
    patients,
    plans,
    prior_exposures,
)


def patient_row(conn: Connection, mrn: str, *, for_update: bool = False) -> Row[Any]:
    query = select(patients).where(patients.c.mrn == mrn.strip())
    if for_update:
        query = query.with_for_update()  # PostgreSQL row lock; SQLite already holds the write lock
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(mrn.strip())
    return row


def identity_of(row: Row[Any]) -> PatientIdentity:
    return PatientIdentity(name=row.name, mrn=row.mrn, dob=row.dob, sex=row.sex, diagnosis=row.diagnosis,
                           allergies=row.allergies, notes=row.notes, language=row.language)


def load_record(conn: Connection, row: Row[Any]) -> PatientRecord:
    return load_records(conn, [row])[0]


def load_records(conn: Connection, rows: list[Row[Any]]) -> list[PatientRecord]:
    """Whole records of several patients with one query per table (the day list reads hundreds at once)."""
    fetched = fetch_rows(conn, [row.id for row in rows])
    return [build_record(row, fetched[row.id]) for row in rows]


def build_record(row: Row[Any], rows: RecordRows) -> PatientRecord:
    """One patient's record from its patient row and its child-table rows (as chain.fetch_rows reads them:
    the same rows the record digest of the audit chain is computed from)."""
    pid = row.id
    prior = tuple(PriorExposure(r.drug, r.mg_per_m2)
                  for r in sorted(rows[prior_exposures.name], key=lambda r: r.position))
    (p,) = rows[plans.name]
    settings = PlanSettings(formula=p.formula, rounding_step_mg=p.rounding_step_mg,
                            recalc_threshold_pct=p.recalc_threshold_pct, bsa_cap_m2=p.bsa_cap_m2,
                            open_ended_cycles=p.open_ended_cycles,
                            anthracycline_factors=codec.factors_from_list(p.anthracycline_factors))
    plan = PlanRecord(id=p.id, regimen_id=p.regimen_id, start=p.start, settings=settings, prior=prior,
                      prescriber=p.prescriber, created_at=row.created_at)
    mods = tuple(
        ModificationRecord(id=r.id, modification=codec.modification_from_dict(r.data, r.reason), reason=r.reason,
                           created_by=r.created_by, created_at=r.created_at, withdrawn=r.withdrawn,
                           withdrawn_reason=r.withdrawn_reason, withdrawn_by=r.withdrawn_by,
                           withdrawn_at=r.withdrawn_at)
        for r in rows[modifications.name])
    withdrawn = {m.id for m in mods if m.withdrawn}
    ms = tuple(MeasurementRecord(id=r.id, measured_on=r.measured_on, height_cm=r.height_cm,
                                 weight_kg=r.weight_kg, entered_by=r.entered_by, entered_at=r.entered_at,
                                 modification_id=r.modification_id)
               for r in rows[measurements.name] if r.modification_id not in withdrawn)
    checks = tuple(
        DoseCheckRecord(id=r.id, cycle=r.cycle, drug=r.drug, calculated_mg=r.calculated_mg,
                        checked_mg=r.checked_mg, deviation_pct=r.deviation_pct, tolerance_pct=r.tolerance_pct,
                        passed=r.passed, first_checker=r.first_checker, second_checker=r.second_checker,
                        checked_at=r.checked_at)
        for r in rows[dose_checks.name])
    given = tuple(
        AdministrationRecord(id=r.id, cycle=r.cycle, day=r.day, drug=r.drug, dose_mg=r.dose_mg,
                             given_on=r.given_on, given_by=r.given_by, recorded_at=r.recorded_at, note=r.note,
                             withdrawn=r.withdrawn, withdrawn_reason=r.withdrawn_reason,
                             withdrawn_by=r.withdrawn_by, withdrawn_at=r.withdrawn_at)
        for r in rows[administrations.name])
    assessed = tuple(_assessment(r, plan.regimen_id) for r in rows[assessments.name])
    return PatientRecord(
        id=pid, version=row.version, identity=identity_of(row), withdrawn=row.withdrawn,
        withdrawn_reason=row.withdrawn_reason, measurements=ms, plan=plan, modifications=mods,
        dose_checks=checks, administrations=given, updated_by=row.updated_by, updated_at=row.updated_at,
        assessments=assessed)


def _assessment(r: Row[Any], regimen_id: str) -> AssessmentRecord:
    from planner.core.regimen import load_regimen

    return AssessmentRecord(
        id=r.id, assessment=codec.assessment_from_dict(r.data, load_regimen(regimen_id).toxicities),
        decision=r.decision, rules=tuple(FiredRuleRecord(str(f["drug"]), str(f["code"])) for f in r.rules),
        accepted=r.accepted, reason=r.reason, recorded_by=r.recorded_by, recorded_at=r.recorded_at,
        prescriber=r.prescriber, prescriber_at=r.prescriber_at,
        modification_ids=tuple(int(i) for i in r.modification_ids), withdrawn=r.withdrawn,
        withdrawn_reason=r.withdrawn_reason, withdrawn_by=r.withdrawn_by, withdrawn_at=r.withdrawn_at)


def patient_rows(conn: Connection, mrns: list[str]) -> list[Row[Any]]:
    """Patient rows for these MRNs, in the order given (unknown MRNs are skipped)."""
    found: dict[str, Row[Any]] = {}
    for chunk in range(0, len(mrns), 500):
        for row in conn.execute(select(patients).where(patients.c.mrn.in_(mrns[chunk:chunk + 500]))):
            found[row.mrn] = row
    return [found[m] for m in mrns if m in found]


def load_audit(conn: Connection, patient_id: int | None) -> list[AuditEntry]:
    query = select(audit_log).order_by(audit_log.c.id)
    if patient_id is not None:
        query = query.where(audit_log.c.patient_id == patient_id)
    return [AuditEntry(id=r.id, at=r.at, actor=r.actor, action=r.action, entity=r.entity, entity_id=r.entity_id,
                       patient_id=r.patient_id, old=r.old, new=r.new) for r in conn.execute(query)]


def decimal_or_none(value: Decimal | None) -> str | None:
    return None if value is None else codec.dec(value)


def shared_names(conn: Connection) -> set[str]:
    """Case-folded names held by more than one patient not withdrawn (two "Chen Wei" on one ward)."""
    names = conn.execute(select(patients.c.name).where(patients.c.withdrawn.is_(False))).scalars()
    counts: dict[str, int] = {}
    for name in names:
        key = name.casefold()
        counts[key] = counts.get(key, 0) + 1
    return {name for name, count in counts.items() if count > 1}
