"""The repository: database rows <-> the frozen records of records.py, transactions, the version check and
the audit log. It decides nothing about what a nurse may enter (planner.operations does, through the rules);
it only writes what it is given, in one transaction, or nothing.

Every audit entry is appended by `append_audit` and nowhere else, so a property every entry must have (who,
when, and later a hash chain over the entries) is added in one place.
Log messages name no patient, MRN or dose.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import Connection, CursorResult, Engine, Row, Table, insert, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError

from planner.core.i18n import translate
from planner.core.modifications import Modification
from planner.core.plan import Plan, PlanSettings
from planner.store import codec
from planner.store import engine as db
from planner.store.errors import DuplicateMrn, StaleRecord, StoreError
from planner.store.queries import load_record, patient_row
from planner.store.records import PatientIdentity, PatientRecord
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
from planner.store.summary import write_summary

log = logging.getLogger(__name__)

History = Literal["modification", "administration"]
_HISTORY_TABLES: dict[str, Table] = {"modification": modifications, "administration": administrations}


def os_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no login name (containers, services): still record something honest
        return "unknown"


def now_utc() -> datetime:
    return datetime.now(UTC)


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Decimals and dates as the text the audit log keeps (JSON has neither)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Decimal):
            out[key] = codec.dec(value)
        elif isinstance(value, date):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT of one row created."""
    key = result.inserted_primary_key
    assert key is not None  # every insert here is a single-row insert into a table with an integer id
    return int(key[0])


def append_audit(conn: Connection, *, at: datetime, actor: str, action: str, entity: str, entity_id: int,
                 patient_id: int | None, old: dict[str, Any] | None, new: dict[str, Any] | None) -> int:
    """Append one entry to the audit log and return its id: the ONLY place the audit log is written."""
    result = conn.execute(insert(audit_log).values(at=at, actor=actor, action=action, entity=entity,
                                                   entity_id=entity_id, patient_id=patient_id, old=old, new=new))
    return _new_id(result)


@dataclass(frozen=True)
class Withdrawn:
    """A history row just marked withdrawn, as it was before (for the caller's audit entry)."""

    id: int
    row: Row[Any]


class Transaction:
    """One write transaction: every method runs in it; the caller's `with` commits or rolls everything back."""

    def __init__(self, conn: Connection, actor: str, now: datetime) -> None:
        self.conn = conn
        self.actor = actor
        self.now = now

    # ------------------------------------------------------------------ reading under the write lock

    def locked(self, mrn: str, expected_version: int) -> Row[Any]:
        """The patient's row, locked, or StaleRecord when someone saved it after `expected_version`."""
        row = patient_row(self.conn, mrn, for_update=True)
        if row.version != expected_version:
            raise StaleRecord(row.mrn, row.updated_by, row.updated_at)
        return row

    def record(self, row: Row[Any]) -> PatientRecord:
        return load_record(self.conn, row)

    def mrn_owner(self, mrn: str) -> str | None:
        """The name of the patient who has `mrn`, or None when nobody has it."""
        found = self.conn.execute(select(patients.c.name).where(patients.c.mrn == mrn)).first()
        return None if found is None else str(found.name)

    # ------------------------------------------------------------------ writing

    def audit(self, action: str, entity: str, entity_id: int, patient_id: int | None,
              old: dict[str, Any] | None, new: dict[str, Any] | None) -> int:
        return append_audit(self.conn, at=self.now, actor=self.actor, action=action, entity=entity,
                            entity_id=entity_id, patient_id=patient_id, old=old, new=new)

    def bump(self, row: Row[Any], **values: Any) -> int:
        """Raise the record's version by one (with who and when), setting `values` on the patient row."""
        version = int(row.version) + 1
        result = self.conn.execute(
            update(patients).where(patients.c.id == row.id, patients.c.version == row.version)
            .values(version=version, updated_by=self.actor, updated_at=self.now, **values))
        if result.rowcount != 1:  # another server-side writer got in between (PostgreSQL without the lock)
            fresh = patient_row(self.conn, row.mrn)
            raise StaleRecord(fresh.mrn, fresh.updated_by, fresh.updated_at)
        return version

    def update_identity(self, row: Row[Any], identity: PatientIdentity) -> int:
        return self.bump(row, mrn=identity.mrn, name=identity.name, dob=identity.dob, sex=identity.sex,
                         diagnosis=identity.diagnosis, allergies=identity.allergies, notes=identity.notes,
                         language=identity.language)

    def withdraw_patient(self, row: Row[Any], reason: str) -> int:
        return self.bump(row, withdrawn=True, withdrawn_reason=reason, withdrawn_by=self.actor,
                         withdrawn_at=self.now)

    def update_settings(self, patient_id: int, settings: PlanSettings) -> None:
        s = settings
        self.conn.execute(update(plans).where(plans.c.patient_id == patient_id).values(
            formula=s.formula, rounding_step_mg=s.rounding_step_mg, recalc_threshold_pct=s.recalc_threshold_pct,
            bsa_cap_m2=s.bsa_cap_m2, open_ended_cycles=s.open_ended_cycles,
            anthracycline_factors=codec.factors_to_list(s.anthracycline_factors)))

    def update_prescriber(self, patient_id: int, prescriber: str) -> None:
        self.conn.execute(update(plans).where(plans.c.patient_id == patient_id).values(prescriber=prescriber))

    def insert_modification(self, patient_id: int, modification: Modification, reason: str) -> int:
        data = codec.modification_to_dict(modification)
        result = self.conn.execute(insert(modifications).values(
            patient_id=patient_id, kind=data["kind"], data=data, reason=reason, created_by=self.actor,
            created_at=self.now, withdrawn=False, withdrawn_reason="", withdrawn_by="", withdrawn_at=None))
        return _new_id(result)

    def insert_measurement(self, patient_id: int, *, measured_on: date, height_cm: Decimal, weight_kg: Decimal,
                           modification_id: int | None) -> int:
        result = self.conn.execute(insert(measurements).values(
            patient_id=patient_id, measured_on=measured_on, height_cm=height_cm, weight_kg=weight_kg,
            entered_by=self.actor, entered_at=self.now, modification_id=modification_id))
        return _new_id(result)

    def insert_dose_check(self, patient_id: int, values: dict[str, Any]) -> int:
        result = self.conn.execute(insert(dose_checks).values(
            patient_id=patient_id, checked_at=self.now, recorded_by=self.actor, **values))
        return _new_id(result)

    def insert_administration(self, patient_id: int, values: dict[str, Any]) -> int:
        result = self.conn.execute(insert(administrations).values(
            patient_id=patient_id, recorded_at=self.now, **values))
        return _new_id(result)

    def withdraw_entry(self, kind: History, entry_id: int, patient_id: int, reason: str, *,
                       missing: str, already: str) -> Withdrawn:
        """Mark one history row of this patient withdrawn, with who, when and why (nothing is deleted).
        InputError (field `kind`) when it is not this patient's or already withdrawn."""
        from planner.core.errors import InputError

        table = _HISTORY_TABLES[kind]
        entry = self.conn.execute(select(table).where(table.c.id == entry_id,
                                                      table.c.patient_id == patient_id)).first()
        if entry is None:
            raise InputError(kind, missing)
        if entry.withdrawn:
            raise InputError(kind, already)
        self.conn.execute(update(table).where(table.c.id == entry.id).values(
            withdrawn=True, withdrawn_reason=reason, withdrawn_by=self.actor, withdrawn_at=self.now))
        return Withdrawn(int(entry.id), entry)

    def insert_record(self, draft: PatientRecord) -> int:
        """Insert a whole record (a new patient, or one read from a plan file); DuplicateMrn when the MRN is
        taken. Stamps (who, when) of the history are kept as given."""
        owner = self.mrn_owner(draft.identity.mrn)
        if owner is not None:
            raise DuplicateMrn(draft.identity.mrn, owner)
        try:
            return self._insert_rows(draft)
        except IntegrityError:  # the same MRN saved by another workstation a moment ago
            raise DuplicateMrn(draft.identity.mrn, draft.identity.name) from None

    def _insert_rows(self, draft: PatientRecord) -> int:
        conn, now = self.conn, self.now
        ident = draft.identity
        patient_id = _new_id(conn.execute(insert(patients).values(
            mrn=ident.mrn, name=ident.name, dob=ident.dob, sex=ident.sex, diagnosis=ident.diagnosis,
            allergies=ident.allergies, notes=ident.notes, language=ident.language, withdrawn=draft.withdrawn,
            withdrawn_reason=draft.withdrawn_reason, withdrawn_by=self.actor if draft.withdrawn else "",
            withdrawn_at=now if draft.withdrawn else None, version=draft.version, created_by=self.actor,
            created_at=now, updated_by=self.actor, updated_at=now)))
        plan = draft.plan
        s = plan.settings
        conn.execute(insert(plans).values(
            patient_id=patient_id, regimen_id=plan.regimen_id, start=plan.start, formula=s.formula,
            rounding_step_mg=s.rounding_step_mg, recalc_threshold_pct=s.recalc_threshold_pct, bsa_cap_m2=s.bsa_cap_m2,
            open_ended_cycles=s.open_ended_cycles,
            anthracycline_factors=codec.factors_to_list(s.anthracycline_factors), prescriber=plan.prescriber))
        if plan.prior:
            conn.execute(insert(prior_exposures), [
                {"patient_id": patient_id, "position": i, "drug": p.drug, "mg_per_m2": p.mg_per_m2}
                for i, p in enumerate(plan.prior)])
        mod_ids: dict[int, int] = {}  # the draft's modification ids -> the new rows' ids
        for m in draft.modifications:
            mod_ids[m.id] = _new_id(conn.execute(insert(modifications).values(
                patient_id=patient_id, kind=codec.KIND_OF[type(m.modification)],
                data=codec.modification_to_dict(m.modification), reason=m.reason, created_by=m.created_by,
                created_at=m.created_at, withdrawn=m.withdrawn, withdrawn_reason=m.withdrawn_reason,
                withdrawn_by=m.withdrawn_by, withdrawn_at=m.withdrawn_at)))
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

    def finish(self, patient_id: int, version: int, plan: Plan) -> PatientRecord:
        """Re-read the saved record and store the list summary of `plan`, the plan the operation computed
        (once) for this very record."""
        row = self.conn.execute(select(patients).where(patients.c.id == patient_id)).one()
        write_summary(self.conn, patient_id, version, plan)
        return load_record(self.conn, row)


class Repository:
    """The patient records of one database, for one actor (who every write is recorded as)."""

    def __init__(self, engine: Engine, actor: str) -> None:
        self.engine = engine
        self.actor = actor

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except IntegrityError:
            raise
        except DatabaseError as exc:
            raise _db_error(exc) from None

    @contextmanager
    def writing(self) -> Iterator[Transaction]:
        """One transaction: committed when the block ends, rolled back (nothing written) when it raises."""
        try:
            with self.engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
                yield Transaction(conn, self.actor, now_utc())
        except IntegrityError:
            raise
        except DatabaseError as exc:
            raise _db_error(exc) from None


def _db_error(exc: DatabaseError) -> StoreError:
    log.error("database error: %s", type(exc.orig).__name__)
    return StoreError(translate(
        "Store", "The database could not be used ({reason}); nothing was saved. Try again.").format(
        reason=exc.orig))
