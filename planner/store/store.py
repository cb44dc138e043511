"""PatientStore: every user action is one transaction that checks the record's version, writes, bumps
the version, appends to the audit log and refreshes the list summary, or changes nothing at all.

Nothing is ever deleted: a patient or a modification is withdrawn, with the reason, who and when.
Log messages name no patient, MRN or dose.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError

from planner.core.decimal_math import plain
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import Modification, WeightChange
from planner.core.plan import PlanSettings, PriorExposure
from planner.store import codec
from planner.store import engine as db
from planner.store.errors import DuplicateMrn, StaleRecord, StoreError
from planner.store.given_guard import require_active_patient, require_can_mark_given, require_not_given
from planner.store.queries import identity_of, load_audit, load_record, patient_row
from planner.store.records import (
    AuditEntry,
    MeasurementRecord,
    PatientIdentity,
    PatientRecord,
    PatientSummary,
    PlanRecord,
)
from planner.store.schema import (
    administrations,
    audit_log,
    dose_checks,
    measurements,
    modifications,
    patients,
    plans,
    prior_exposures,
)
from planner.store.summary import list_summaries, patients_without_summary, write_summary
from planner.store.validate import (
    clean_identity,
    require_person,
    require_plan_start,
    require_positive,
    require_reason,
)

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = PlanSettings()
SUMMARY_BATCH = 500


def os_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no login name (containers, services): still record something honest
        return "unknown"


def now_utc() -> datetime:
    return datetime.now(UTC)


def identity_to_dict(identity: PatientIdentity) -> dict[str, Any]:
    return {"name": identity.name, "mrn": identity.mrn, "dob": codec.iso(identity.dob), "sex": identity.sex,
            "diagnosis": identity.diagnosis, "allergies": identity.allergies, "notes": identity.notes}


class PatientStore:
    """The patient records in one database. Open with `PatientStore.open(...)`; close (or use `with`)."""

    def __init__(self, engine: Engine, url: str, actor: str) -> None:
        self._engine = engine
        self.url = url
        self.actor = actor

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, location: str | Path | None = None, *, actor: str | None = None) -> PatientStore:
        url = db.resolve_url(location)
        shown = url.render_as_string(hide_password=True)
        engine = db.make_engine(url)
        try:
            db.prepare_schema(engine, shown)
            db.tighten_sqlite_files(url)
            store = cls(engine, shown, (actor or os_user()).strip() or os_user())
            store._refresh_missing_summaries()
        except DatabaseError as exc:
            engine.dispose()
            raise StoreError(translate("Store", "Database {location} cannot be opened ({reason}).").format(
                location=shown, reason=exc.orig)) from None
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> PatientStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refresh_missing_summaries(self) -> None:
        """Recompute the list summaries that are missing or out of date, in batches (one fsync per batch)."""
        with self._reading() as conn:
            stale = patients_without_summary(conn)
        failed = 0
        for first in range(0, len(stale), SUMMARY_BATCH):
            with self._writing() as conn:
                for mrn in stale[first:first + SUMMARY_BATCH]:
                    row = patient_row(conn, mrn)
                    try:
                        plan = load_record(conn, row).compute_plan()
                    except InputError:
                        failed += 1  # e.g. its regimen is not installed here; the record itself is intact
                        continue
                    write_summary(conn, row.id, row.version, plan)
        if stale:
            log.info("list summaries refreshed for %d patients (%d could not be computed)", len(stale) - failed,
                     failed)

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except IntegrityError:
            raise
        except DatabaseError as exc:
            raise self._db_error(exc) from None

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        try:
            with self._engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
                yield conn
        except IntegrityError:
            raise
        except DatabaseError as exc:
            raise self._db_error(exc) from None

    def _db_error(self, exc: DatabaseError) -> StoreError:
        log.error("database error: %s", type(exc.orig).__name__)
        return StoreError(translate(
            "Store", "The database could not be used ({reason}); nothing was saved. Try again.").format(
            reason=exc.orig))

    def _locked(self, conn: Connection, mrn: str, expected_version: int) -> Any:
        row = patient_row(conn, mrn, for_update=True)
        if row.version != expected_version:
            raise StaleRecord(row.mrn, row.updated_by, row.updated_at)
        return row

    def _bump(self, conn: Connection, row: Any, now: datetime, **values: Any) -> int:
        version = row.version + 1
        result = conn.execute(update(patients).where(patients.c.id == row.id, patients.c.version == row.version)
                              .values(version=version, updated_by=self.actor, updated_at=now, **values))
        if result.rowcount != 1:  # another server-side writer got in between (PostgreSQL without the lock)
            fresh = patient_row(conn, row.mrn)
            raise StaleRecord(fresh.mrn, fresh.updated_by, fresh.updated_at)
        return version

    def _audit(self, conn: Connection, now: datetime, action: str, entity: str, entity_id: int,
               patient_id: int | None, old: dict | None, new: dict | None) -> None:
        conn.execute(insert(audit_log).values(at=now, actor=self.actor, action=action, entity=entity,
                                              entity_id=entity_id, patient_id=patient_id, old=old, new=new))

    def _finish(self, conn: Connection, patient_id: int, version: int) -> PatientRecord:
        """Re-read the saved record and refresh the list summary from the plan the core computes now."""
        row = conn.execute(select(patients).where(patients.c.id == patient_id)).one()
        fresh = load_record(conn, row)
        write_summary(conn, patient_id, version, fresh.compute_plan())
        return fresh

    # ------------------------------------------------------------------ reading

    def get_patient(self, mrn: str) -> PatientRecord:
        with self._reading() as conn:
            return load_record(conn, patient_row(conn, mrn))

    def list_patients(self, *, today: date | None = None, include_withdrawn: bool = False) -> list[PatientSummary]:
        with self._reading() as conn:
            return list_summaries(conn, today or date.today(), include_withdrawn)

    def audit_log(self, mrn: str | None = None) -> list[AuditEntry]:
        with self._reading() as conn:
            patient_id = None if mrn is None else patient_row(conn, mrn).id
            return load_audit(conn, patient_id)

    # ------------------------------------------------------------------ writing: patients

    def add_patient(self, identity: PatientIdentity, *, height_cm: Decimal, weight_kg: Decimal, measured_on: date,
                    regimen_id: str, start: date, settings: PlanSettings = DEFAULT_SETTINGS,
                    prior: tuple[PriorExposure, ...] = ()) -> PatientRecord:
        from planner.core.units import parse_height, parse_weight

        identity = clean_identity(identity)
        now = now_utc()
        if not isinstance(measured_on, date) or not date(1900, 1, 1) <= measured_on <= date(2199, 12, 31):
            raise InputError("measured_on", translate("Store", "Measured on: enter the date of the measurement."))
        measurement = MeasurementRecord(0, measured_on, parse_height(height_cm), parse_weight(weight_kg),
                                        self.actor, now)
        plan = PlanRecord(0, regimen_id, require_plan_start(start), _normalised(settings),
                          tuple(PriorExposure(p.drug.strip().lower(), p.mg_per_m2) for p in prior))
        draft = PatientRecord(id=0, version=1, identity=identity, withdrawn=False, withdrawn_reason="",
                              measurements=(measurement,), plan=plan, modifications=(), dose_checks=(),
                              administrations=(), updated_by=self.actor, updated_at=now)
        return self.insert_record(draft, action="patient.add")

    def insert_record(self, draft: PatientRecord, *, action: str) -> PatientRecord:
        """Insert a whole record (a new patient, or one read from a plan file) in one transaction.

        The plan is computed first, so settings, prior exposure and modifications the core rejects
        raise InputError and nothing is written. Stamps (who, when) of the history are kept as given.
        """
        from planner.core.regimen import load_regimen

        load_regimen(draft.plan.regimen_id)
        require_plan_start(draft.plan.start)
        draft.compute_plan()
        now = now_utc()
        with self._writing() as conn:
            existing = conn.execute(select(patients.c.name).where(patients.c.mrn == draft.identity.mrn)).first()
            if existing is not None:
                raise DuplicateMrn(draft.identity.mrn, existing.name)
            try:
                patient_id = self._insert_rows(conn, draft, now)
            except IntegrityError:  # the same MRN saved by another workstation a moment ago
                raise DuplicateMrn(draft.identity.mrn, draft.identity.name) from None
            self._audit(conn, now, action, "patient", patient_id, patient_id, None, _record_to_audit(draft))
            return self._finish(conn, patient_id, draft.version)

    def _insert_rows(self, conn: Connection, draft: PatientRecord, now: datetime) -> int:
        ident = draft.identity
        patient_id = conn.execute(insert(patients).values(
            mrn=ident.mrn, name=ident.name, dob=ident.dob, sex=ident.sex, diagnosis=ident.diagnosis,
            allergies=ident.allergies, notes=ident.notes, withdrawn=draft.withdrawn,
            withdrawn_reason=draft.withdrawn_reason, withdrawn_by=self.actor if draft.withdrawn else "",
            withdrawn_at=now if draft.withdrawn else None, version=draft.version, created_by=self.actor,
            created_at=now, updated_by=self.actor, updated_at=now)).inserted_primary_key[0]
        plan = draft.plan
        s = plan.settings
        conn.execute(insert(plans).values(
            patient_id=patient_id, regimen_id=plan.regimen_id, start=plan.start, formula=s.formula,
            rounding_step_mg=s.rounding_step_mg, recalc_threshold_pct=s.recalc_threshold_pct, bsa_cap_m2=s.bsa_cap_m2,
            open_ended_cycles=s.open_ended_cycles,
            anthracycline_factors=codec.factors_to_list(s.anthracycline_factors)))
        if plan.prior:
            conn.execute(insert(prior_exposures), [
                {"patient_id": patient_id, "position": i, "drug": p.drug, "mg_per_m2": p.mg_per_m2}
                for i, p in enumerate(plan.prior)])
        mod_ids: dict[int, int] = {}  # the draft's modification ids -> the new rows' ids
        for m in draft.modifications:
            mod_ids[m.id] = conn.execute(insert(modifications).values(
                patient_id=patient_id, kind=codec.KIND_OF[type(m.modification)],
                data=codec.modification_to_dict(m.modification), reason=m.reason, created_by=m.created_by,
                created_at=m.created_at, withdrawn=m.withdrawn, withdrawn_reason=m.withdrawn_reason,
                withdrawn_by=m.withdrawn_by, withdrawn_at=m.withdrawn_at)).inserted_primary_key[0]
        conn.execute(insert(measurements), [
            {"patient_id": patient_id, "measured_on": m.measured_on, "height_cm": m.height_cm,
             "weight_kg": m.weight_kg, "entered_by": m.entered_by, "entered_at": m.entered_at,
             "modification_id": mod_ids.get(m.modification_id) if m.modification_id is not None else None}
            for m in draft.measurements])
        if draft.dose_checks:
            conn.execute(insert(dose_checks), [
                {"patient_id": patient_id, "cycle": c.cycle, "drug": c.drug, "calculated_mg": c.calculated_mg,
                 "checked_mg": c.checked_mg, "deviation_pct": c.deviation_pct, "tolerance_pct": c.tolerance_pct,
                 "passed": c.passed, "first_checker": c.first_checker, "second_checker": c.second_checker,
                 "checked_at": c.checked_at, "recorded_by": self.actor} for c in draft.dose_checks])
        if draft.administrations:
            conn.execute(insert(administrations), [
                {"patient_id": patient_id, "cycle": a.cycle, "day": a.day, "drug": a.drug, "dose_mg": a.dose_mg,
                 "given_on": a.given_on, "given_by": a.given_by, "recorded_at": a.recorded_at, "note": a.note,
                 "withdrawn": a.withdrawn, "withdrawn_reason": a.withdrawn_reason, "withdrawn_by": a.withdrawn_by,
                 "withdrawn_at": a.withdrawn_at}
                for a in draft.administrations])
        return patient_id

    def update_identity(self, mrn: str, identity: PatientIdentity, *, expected_version: int) -> PatientRecord:
        """Save changed identity fields (the MRN may change too). Saving an identical identity writes
        nothing and returns the record at its current version (after the version check)."""
        identity = clean_identity(identity)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            old, new = identity_to_dict(identity_of(row)), identity_to_dict(identity)
            changed = [k for k in new if old[k] != new[k]]
            if not changed:
                return load_record(conn, row)
            if identity.mrn != row.mrn:
                other = conn.execute(select(patients.c.name).where(patients.c.mrn == identity.mrn)).first()
                if other is not None:
                    raise DuplicateMrn(identity.mrn, other.name)
            version = self._bump(conn, row, now, mrn=identity.mrn, name=identity.name, dob=identity.dob,
                                 sex=identity.sex, diagnosis=identity.diagnosis, allergies=identity.allergies,
                                 notes=identity.notes)
            self._audit(conn, now, "patient.update", "patient", row.id, row.id,
                        {k: old[k] for k in changed}, {k: new[k] for k in changed})
            return self._finish(conn, row.id, version)

    def update_plan_settings(self, mrn: str, settings: PlanSettings, *, expected_version: int) -> PatientRecord:
        settings = _normalised(settings)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            require_active_patient(row)
            record = load_record(conn, row)
            replace(record, plan=replace(record.plan, settings=settings)).compute_plan()  # InputError: no write
            version = self._bump(conn, row, now)
            s = settings
            conn.execute(update(plans).where(plans.c.patient_id == row.id).values(
                formula=s.formula, rounding_step_mg=s.rounding_step_mg, recalc_threshold_pct=s.recalc_threshold_pct,
                bsa_cap_m2=s.bsa_cap_m2, open_ended_cycles=s.open_ended_cycles,
                anthracycline_factors=codec.factors_to_list(s.anthracycline_factors)))
            self._audit(conn, now, "plan.settings", "plan", record.plan.id, row.id,
                        codec.settings_to_dict(record.plan.settings), codec.settings_to_dict(settings))
            return self._finish(conn, row.id, version)

    def withdraw_patient(self, mrn: str, reason: str, *, expected_version: int) -> PatientRecord:
        reason = require_reason(reason)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            if row.withdrawn:
                raise InputError("withdrawn", translate("Store", "This patient is already withdrawn."))
            version = self._bump(conn, row, now, withdrawn=True, withdrawn_reason=reason, withdrawn_by=self.actor,
                                 withdrawn_at=now)
            self._audit(conn, now, "patient.withdraw", "patient", row.id, row.id, {"withdrawn": False},
                        {"withdrawn": True, "reason": reason})
            return self._finish(conn, row.id, version)

    # ------------------------------------------------------------------ writing: the plan's history

    def add_modification(self, mrn: str, modification: Modification, reason: str, *,
                         expected_version: int) -> tuple[PatientRecord, int]:
        from planner.core.regimen import load_regimen
        from planner.core.units import parse_weight

        if isinstance(modification, WeightChange) and not (reason or "").strip():
            reason = translate("Store", "New weight measured.")
        reason = require_reason(reason)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            require_active_patient(row)
            record = load_record(conn, row)
            regimen = load_regimen(record.plan.regimen_id)
            if hasattr(modification, "drug"):
                modification = replace(modification, drug=regimen.drug(modification.drug).id)  # type: ignore[arg-type]
            if isinstance(modification, WeightChange):
                modification = replace(modification, weight_kg=parse_weight(modification.weight_kg),
                                       measured_on=modification.measured_on or date.today())
            modification = replace(modification, reason=reason)
            # The core validates the whole list with the new entry; an impossible one raises, nothing is saved.
            from planner.core.modifications import DoseLevelChange
            from planner.core.plan import PatientInputs, check_level_change, compute_plan

            base = record.baseline_measurement
            inputs = PatientInputs(record.plan.start, base.height_cm, base.weight_kg, record.plan.prior)
            if isinstance(modification, DoseLevelChange):  # a change to the level already in force is a slip
                check_level_change(record.compute_plan(), modification)
            compute_plan(regimen, inputs, record.plan.settings, (*record.active_modifications(), modification))
            # A cycle recorded as given keeps the date and dose it was given with (withdrawing a modification,
            # i.e. undo, is not checked: it restores what the plan said before).
            require_not_given(record, modification)
            version = self._bump(conn, row, now)
            data = codec.modification_to_dict(modification)
            mod_id = conn.execute(insert(modifications).values(
                patient_id=row.id, kind=data["kind"], data=data, reason=reason, created_by=self.actor,
                created_at=now, withdrawn=False, withdrawn_reason="", withdrawn_by="",
                withdrawn_at=None)).inserted_primary_key[0]
            self._audit(conn, now, "modification.add", "modification", mod_id, row.id, None,
                        {**data, "reason": reason})
            if isinstance(modification, WeightChange):
                height = record.latest_measurement.height_cm
                measured_on = modification.measured_on or date.today()
                m_id = conn.execute(insert(measurements).values(
                    patient_id=row.id, measured_on=measured_on, height_cm=height,
                    weight_kg=modification.weight_kg, entered_by=self.actor, entered_at=now,
                    modification_id=mod_id)).inserted_primary_key[0]
                self._audit(conn, now, "measurement.add", "measurement", m_id, row.id, None,
                            {"measured_on": measured_on.isoformat(), "height_cm": codec.dec(height),
                             "weight_kg": codec.dec(modification.weight_kg), "modification_id": mod_id})
            return self._finish(conn, row.id, version), mod_id

    def _withdraw_entry(self, conn: Connection, table: Table, entry_id: int, row: Any, reason: str,
                        now: datetime, *, field: str, missing: str, already: str) -> Any:
        """Mark one history row of this patient withdrawn, with who, when and why (nothing is deleted).
        Returns the row as it was, for the caller's audit entry."""
        entry = conn.execute(select(table).where(table.c.id == entry_id, table.c.patient_id == row.id)).first()
        if entry is None:
            raise InputError(field, missing)
        if entry.withdrawn:
            raise InputError(field, already)
        conn.execute(update(table).where(table.c.id == entry.id).values(
            withdrawn=True, withdrawn_reason=reason, withdrawn_by=self.actor, withdrawn_at=now))
        return entry

    def withdraw_modification(self, mrn: str, modification_id: int, reason: str, *,
                              expected_version: int) -> PatientRecord:
        reason = require_reason(reason)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            require_active_patient(row)
            mod = self._withdraw_entry(
                conn, modifications, modification_id, row, reason, now, field="modification",
                missing=translate("Store", "Modification {id} is not in this patient's record.").format(
                    id=modification_id),
                already=translate("Store", "Modification {id} is already withdrawn.").format(id=modification_id))
            version = self._bump(conn, row, now)
            self._audit(conn, now, "modification.withdraw", "modification", mod.id, row.id,
                        {"withdrawn": False, **mod.data}, {"withdrawn": True, "reason": reason})
            return self._finish(conn, row.id, version)

    def record_dose_check(self, mrn: str, *, cycle: int, drug: str, calculated_mg: Decimal, checked_mg: Decimal,
                          tolerance_pct: Decimal, first_checker: str, second_checker: str,
                          expected_version: int) -> PatientRecord:
        from planner.core.safety import verify_dose

        first = require_person(first_checker, "first_checker", translate("Store", "First checker"))
        second = require_person(second_checker, "second_checker", translate("Store", "Second checker"))
        if first.casefold() == second.casefold():
            raise InputError("second_checker", translate(
                "Store", "Second checker: a double check needs two different people."))
        require_positive(calculated_mg, "calculated_dose", translate("Store", "Calculated dose"))
        if not isinstance(tolerance_pct, Decimal) or not tolerance_pct.is_finite():
            raise InputError("tolerance", translate(
                "Store", "Verification tolerance: enter a percentage from 0 to 20 (5 by default)."))
        verification = verify_dose(calculated_mg, checked_mg, tolerance_pct)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            require_active_patient(row)
            drug_id = self._checked_dose(load_record(conn, row), cycle, drug, calculated_mg)
            version = self._bump(conn, row, now)
            values = {"cycle": cycle, "drug": drug_id, "calculated_mg": calculated_mg, "checked_mg": checked_mg,
                      "deviation_pct": verification.deviation_pct, "tolerance_pct": tolerance_pct,
                      "passed": verification.passed, "first_checker": first, "second_checker": second}
            check_id = conn.execute(insert(dose_checks).values(
                patient_id=row.id, checked_at=now, recorded_by=self.actor, **values)).inserted_primary_key[0]
            self._audit(conn, now, "dose_check.add", "dose_check", check_id, row.id, None, _jsonable(values))
            return self._finish(conn, row.id, version)

    def record_administration(self, mrn: str, *, cycle: int, day: int, drug: str, dose_mg: Decimal, given_on: date,
                              expected_version: int, note: str = "", today: date | None = None) -> PatientRecord:
        """`today` (default: the local date) decides which cycles have started: a future one cannot be given."""
        require_positive(dose_mg, "dose", translate("Store", "Dose given"))
        note = (note or "").strip()
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            require_active_patient(row)
            record = load_record(conn, row)
            drug_id = self._plan_drug(record, cycle, drug)
            length = record.compute_plan().cycle(cycle).length_days
            if not 1 <= day <= length:
                raise InputError("day", translate("Store", "Day: cycle {cycle} has days 1 to {n}.").format(
                    cycle=cycle, n=length))
            require_can_mark_given(record, cycle=cycle, day=day, drug=drug_id, given_on=given_on, note=note,
                                   today=today or now.astimezone().date())
            version = self._bump(conn, row, now)
            values = {"cycle": cycle, "day": day, "drug": drug_id, "dose_mg": dose_mg, "given_on": given_on,
                      "given_by": self.actor, "note": note}
            admin_id = conn.execute(insert(administrations).values(
                patient_id=row.id, recorded_at=now, **values)).inserted_primary_key[0]
            self._audit(conn, now, "administration.add", "administration", admin_id, row.id, None,
                        _jsonable(values))
            return self._finish(conn, row.id, version)

    def withdraw_administration(self, mrn: str, administration_id: int, reason: str, *,
                                expected_version: int) -> PatientRecord:
        """Mark a recorded administration as withdrawn (recorded in error, or an undone Mark given). The row
        stays, with who withdrew it, when and why; it no longer counts as given."""
        reason = require_reason(reason)
        now = now_utc()
        with self._writing() as conn:
            row = self._locked(conn, mrn, expected_version)
            require_active_patient(row)
            given = self._withdraw_entry(
                conn, administrations, administration_id, row, reason, now, field="administration",
                missing=translate("Store", "Administration {id} is not in this patient's record.").format(
                    id=administration_id),
                already=translate("Store", "Administration {id} is already withdrawn.").format(
                    id=administration_id))
            version = self._bump(conn, row, now)
            old = {"withdrawn": False, "cycle": given.cycle, "day": given.day, "drug": given.drug,
                   "dose_mg": given.dose_mg, "given_on": given.given_on}
            self._audit(conn, now, "administration.withdraw", "administration", given.id, row.id, _jsonable(old),
                        {"withdrawn": True, "reason": reason})
            return self._finish(conn, row.id, version)

    @staticmethod
    def _plan_drug(record: PatientRecord, cycle: int, drug: str) -> str:
        """The regimen's id of `drug`, checked to be part of cycle `cycle` of this patient's plan."""
        from planner.core.regimen import load_regimen

        drug_id = load_regimen(record.plan.regimen_id).drug(drug).id
        planned = record.compute_plan().cycle(cycle)  # InputError when there is no such cycle
        if planned.dose_for(drug_id) is None:
            raise InputError("drug", translate("Store", "Drug: {drug} is not part of cycle {cycle}.").format(
                drug=drug_id, cycle=cycle))
        return drug_id

    @classmethod
    def _checked_dose(cls, record: PatientRecord, cycle: int, drug: str, calculated_mg: Decimal) -> str:
        """The drug id, after checking that `calculated_mg` is the dose the plan calculates now for that cycle.

        A double check counts only for the dose it compared; one made against an older dose (before a
        delay, reduction or weight change) must not be recorded as if it were the current one.
        """
        drug_id = cls._plan_drug(record, cycle, drug)
        dose = record.compute_plan().cycle(cycle).dose_for(drug_id)
        if dose is None or not dose.given:
            raise InputError("drug", translate(
                "Store", "Drug: the plan gives no {drug} in cycle {cycle}; there is no dose to check.").format(
                drug=drug_id, cycle=cycle))
        if calculated_mg != dose.dose_mg:
            raise InputError("calculated_dose", translate(
                "Store", "Calculated dose: the plan now calculates {plan} mg of {drug} for cycle {cycle}, not "
                "{calculated} mg (the plan changed); check the current dose again. Nothing was saved.").format(
                plan=plain(dose.dose_mg), drug=drug_id, cycle=cycle, calculated=plain(calculated_mg)))
        return drug_id

    # ------------------------------------------------------------------ plan files and health

    def export_plan_file(self, mrn: str, path: Path) -> None:
        from planner.store.planfile import write_plan_file

        write_plan_file(self.get_patient(mrn), Path(path), exported_by=self.actor)

    def import_plan_file(self, path: Path) -> PatientRecord:
        from planner.store.planfile import read_plan_file

        return self.insert_record(read_plan_file(Path(path)), action="patient.import")

    def check(self) -> list[str]:
        from planner.store.health import check_database

        return check_database(self._engine)


def _normalised(settings: PlanSettings) -> PlanSettings:
    """The formula under its canonical key ("Mosteller" -> "mosteller"); InputError for an unknown one."""
    from planner.core.bsa import get_formula

    return replace(settings, formula=get_formula(settings.formula).key)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Decimal):
            out[key] = codec.dec(value)
        elif isinstance(value, date):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


def _record_to_audit(record: PatientRecord) -> dict[str, Any]:
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
