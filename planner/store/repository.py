"""The repository: database rows <-> the frozen records of records.py, transactions, the version check and
the audit log. It decides nothing about what a nurse may enter (planner.operations does, through the rules);
it only writes what it is given, in one transaction, or nothing.

Every audit entry is appended by `append_audit` and nowhere else, so a property every entry must have (who,
when, its place in the hash chain of planner.store.chain) is added in one place. A transaction that writes a
patient's rows must end with an audit entry for that patient: the entry carries the digest of the record as
saved, which `planner db check` compares with the stored rows (`finish` refuses to commit otherwise).
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
from planner.store import chain, codec
from planner.store import engine as db
from planner.store.accounts import SignedIn, require_writer
from planner.store.errors import DuplicateMrn, StaleRecord, StoreError
from planner.store.queries import build_record, load_record, patient_row
from planner.store.records import AssessmentRecord, PatientIdentity, PatientRecord
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
from planner.store.summary import write_summary

log = logging.getLogger(__name__)

History = Literal["modification", "administration", "assessment"]
_HISTORY_TABLES: dict[str, Table] = {"modification": modifications, "administration": administrations,
                                     "assessment": assessments}


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
                 patient_id: int | None, old: dict[str, Any] | None, new: dict[str, Any] | None,
                 record_hash: str | None = None) -> int:
    """Append one entry to the audit log and return its id: the ONLY place the audit log is written.

    The entry is chained to the head (locked until the transaction ends, so appends serialise) and takes
    the next id itself: its hash covers the id. `record_hash` is the digest of the patient's record as saved."""
    head_id, head_hash = chain.lock_head(conn)
    values = {"id": head_id + 1, "at": at, "actor": actor, "action": action, "entity": entity,
              "entity_id": entity_id, "patient_id": patient_id, "old": chain.as_stored(old),
              "new": chain.as_stored(new), "record_hash": record_hash}
    values["hash"] = chain.entry_hash(head_hash, values)
    conn.execute(insert(audit_log).values(**values))
    return head_id + 1


@dataclass(frozen=True)
class Withdrawn:
    """A history row just marked withdrawn, as it was before (for the caller's audit entry)."""

    id: int
    row: Row[Any]


class Transaction:
    """One write transaction: every method runs in it; the caller's `with` commits or rolls everything back."""

    def __init__(self, conn: Connection, actor: str, now: datetime, signed_in: SignedIn | None = None) -> None:
        self.conn = conn
        self.actor = actor
        self.now = now
        self.signed_in = signed_in  # None in single-user mode (no account exists)
        # The rows of the patient last read (for the record digest and the saved record), while nothing has
        # been written since; and the patients written to without an audit entry after the write.
        self._rows: tuple[Row[Any], chain.RecordRows] | None = None
        self._unaudited: set[int] = set()

    def _wrote(self, patient_id: int) -> None:
        self._rows = None
        self._unaudited.add(patient_id)

    def _current(self, patient_id: int) -> tuple[Row[Any], chain.RecordRows]:
        """The patient row and child rows as they are now in this transaction (read once per write)."""
        if self._rows is None or self._rows[0].id != patient_id:
            row = self.conn.execute(select(patients).where(patients.c.id == patient_id)).one()
            self._rows = (row, chain.fetch_rows(self.conn, [patient_id])[patient_id])
        return self._rows

    # ------------------------------------------------------------------ reading under the write lock

    def locked(self, mrn: str, expected_version: int) -> Row[Any]:
        """The patient's row, locked, or StaleRecord when someone saved it after `expected_version`."""
        row = patient_row(self.conn, mrn, for_update=True)
        if row.version != expected_version:
            raise StaleRecord(row.mrn, row.updated_by, row.updated_at)
        return row

    def record(self, row: Row[Any]) -> PatientRecord:
        if self._rows is not None and self._rows[0].id == row.id and self._rows[0].version == row.version:
            return build_record(*self._rows)
        return load_record(self.conn, row)

    def mrn_owner(self, mrn: str) -> str | None:
        """The name of the patient who has `mrn`, or None when nobody has it."""
        found = self.conn.execute(select(patients.c.name).where(patients.c.mrn == mrn)).first()
        return None if found is None else str(found.name)

    # ------------------------------------------------------------------ writing

    def audit(self, action: str, entity: str, entity_id: int, patient_id: int | None,
              old: dict[str, Any] | None, new: dict[str, Any] | None) -> int:
        """Append the audit entry of what this transaction wrote; for a patient, with the digest of the
        patient's record as it now stands (those rows are kept for `finish`, which reads the same)."""
        record_hash = None
        if patient_id is not None:
            record_hash = chain.record_digest(*self._current(patient_id))
            self._unaudited.discard(patient_id)
        return append_audit(self.conn, at=self.now, actor=self.actor, action=action, entity=entity,
                            entity_id=entity_id, patient_id=patient_id, old=old, new=new, record_hash=record_hash)

    def bump(self, row: Row[Any], **values: Any) -> int:
        """Raise the record's version by one (with who and when), setting `values` on the patient row."""
        version = int(row.version) + 1
        self._wrote(int(row.id))
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
        self._wrote(patient_id)
        self.conn.execute(update(plans).where(plans.c.patient_id == patient_id).values(
            formula=s.formula, rounding_step_mg=s.rounding_step_mg, recalc_threshold_pct=s.recalc_threshold_pct,
            bsa_cap_m2=s.bsa_cap_m2, open_ended_cycles=s.open_ended_cycles,
            anthracycline_factors=codec.factors_to_list(s.anthracycline_factors)))

    def update_prescriber(self, patient_id: int, prescriber: str) -> None:
        self.conn.execute(update(plans).where(plans.c.patient_id == patient_id).values(prescriber=prescriber))

    def insert_modification(self, patient_id: int, modification: Modification, reason: str) -> int:
        data = codec.modification_to_dict(modification)
        self._wrote(patient_id)
        result = self.conn.execute(insert(modifications).values(
            patient_id=patient_id, kind=data["kind"], data=data, reason=reason, created_by=self.actor,
            created_at=self.now, withdrawn=False, withdrawn_reason="", withdrawn_by="", withdrawn_at=None))
        return _new_id(result)

    def insert_assessment(self, patient_id: int, assessment: AssessmentRecord) -> int:
        """Store an assessment (its id and stamps are set here: recorded by the actor, now)."""
        self._wrote(patient_id)
        result = self.conn.execute(insert(assessments).values(**_assessment_values(assessment), patient_id=patient_id,
                                                              recorded_by=self.actor, recorded_at=self.now))
        return _new_id(result)

    def insert_measurement(self, patient_id: int, *, measured_on: date, height_cm: Decimal, weight_kg: Decimal,
                           modification_id: int | None) -> int:
        self._wrote(patient_id)
        result = self.conn.execute(insert(measurements).values(
            patient_id=patient_id, measured_on=measured_on, height_cm=height_cm, weight_kg=weight_kg,
            entered_by=self.actor, entered_at=self.now, modification_id=modification_id))
        return _new_id(result)

    def insert_dose_check(self, patient_id: int, values: dict[str, Any]) -> int:
        self._wrote(patient_id)
        result = self.conn.execute(insert(dose_checks).values(
            patient_id=patient_id, checked_at=self.now, recorded_by=self.actor, **values))
        return _new_id(result)

    def insert_administration(self, patient_id: int, values: dict[str, Any]) -> int:
        self._wrote(patient_id)
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
        self._wrote(patient_id)
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
            patient_id = self._insert_rows(draft)
        except IntegrityError:  # the same MRN saved by another workstation a moment ago
            raise DuplicateMrn(draft.identity.mrn, draft.identity.name) from None
        self._wrote(patient_id)
        return patient_id

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
        for a in draft.assessments:
            conn.execute(insert(assessments).values(
                **_assessment_values(a, mod_ids), patient_id=patient_id, recorded_by=a.recorded_by,
                recorded_at=a.recorded_at))
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
        if self._unaudited:  # a programming error: the record would no longer match its last audit entry
            raise RuntimeError("patient rows written after the last audit entry of the transaction")
        row, rows = self._current(patient_id)
        write_summary(self.conn, patient_id, version, plan)
        return build_record(row, rows)


def _assessment_values(a: AssessmentRecord, mod_ids: dict[int, int] | None = None) -> dict[str, Any]:
    """The row of an assessment; `mod_ids` maps a draft's modification ids to the rows just inserted."""
    return {
        "cycle": a.assessment.cycle, "assessed_on": a.assessment.on, "data": codec.assessment_to_dict(a.assessment),
        "decision": a.decision, "rules": [{"drug": f.drug, "code": f.code} for f in a.rules],
        "accepted": a.accepted, "reason": a.reason, "prescriber": a.prescriber, "prescriber_at": a.prescriber_at,
        "modification_ids": [mod_ids[i] if mod_ids is not None else i for i in a.modification_ids],
        "withdrawn": a.withdrawn, "withdrawn_reason": a.withdrawn_reason, "withdrawn_by": a.withdrawn_by,
        "withdrawn_at": a.withdrawn_at,
    }


class Repository:
    """The patient records of one database, for one actor (who every write is recorded as): the signed-in
    user once accounts are on, else the operating-system user given here."""

    def __init__(self, engine: Engine, actor: str, signed_in: SignedIn | None = None) -> None:
        self.engine = engine
        self.os_actor = actor
        self.signed_in = signed_in

    @property
    def actor(self) -> str:
        return self.signed_in.user if self.signed_in is not None else self.os_actor

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
    def writing(self, *, derived_only: bool = False) -> Iterator[Transaction]:
        """One transaction: committed when the block ends, rolled back (nothing written) when it raises.

        The one place accounts are enforced: once an account exists, a write without a signed-in, enabled
        user is refused here (planner.store.accounts.require_writer). `derived_only` is for rewriting the
        list summaries (a cache of what the records already say), which any opener may do."""
        try:
            with self.engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
                signed_in = None if derived_only else require_writer(conn, self.signed_in)
                actor = signed_in.user if signed_in is not None else self.os_actor
                yield Transaction(conn, actor, now_utc(), signed_in)
        except IntegrityError:
            raise
        except DatabaseError as exc:
            raise _db_error(exc) from None


def _db_error(exc: DatabaseError) -> StoreError:
    log.error("database error: %s", type(exc.orig).__name__)
    return StoreError(translate(
        "Store", "The database could not be used ({reason}); nothing was saved. Try again.").format(
        reason=exc.orig))
