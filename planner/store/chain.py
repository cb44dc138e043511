"""The tamper-evident audit trail: a hash chain over the audit log, and each patient's record hashed into
its latest audit entry.

Every audit entry carries `hash` = SHA-256 over the previous entry's hash and a canonical serialisation of
its own content (id, at, actor, action, entity, entity_id, patient_id, old, new and record_hash); the first
entry chains to GENESIS. `record_hash` is a digest of the patient's rows (identity, plan settings, prior
exposure, modifications, measurements, dose checks, administrations, with their withdrawal state and the
record's version) as they stood when the entry was written. `planner db check` recomputes both: an entry
changed, removed, inserted or reordered breaks the chain at the first entry after it, and a data table
changed without an audit entry no longer matches the patient's last record_hash.

What it cannot catch: someone who owns the database and rewrites everything consistently (every hash
recomputed). Against that: the PostgreSQL role without UPDATE/DELETE rights, and the chain head (printed by
`db check`) written down or copied off-site, which a rewrite changes.

The serialisation is fixed: changing it (or the columns below) invalidates every stored hash, so it needs a
migration that rehashes (as 0006_audit_chain does for databases from before the chain).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Row, Table, func, select, text

from planner.core.i18n import translate
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

GENESIS = hashlib.sha256(b"cycle-planner audit chain, version 1").hexdigest()
# The PostgreSQL advisory lock (transaction level) that serialises appends: the head is read and the next
# entry written by one transaction at a time. On SQLite the write lock (BEGIN IMMEDIATE) already does it.
# Advisory locks are per database, not per schema: the key also holds the audit table's own OID, so the
# logs of two schemas in one database (the test suite, a training copy) do not wait for each other.
CHAIN_LOCK = 0x6368  # "ch", times 2**32, plus the table's OID (an unsigned 32-bit number): one bigint key

ENTRY_FIELDS = ("id", "at", "actor", "action", "entity", "entity_id", "patient_id", "old", "new", "record_hash")

# The columns of a patient's record that record_hash covers, table by table (explicit, not "every column":
# a column added later must not silently change the digest of every stored record; add it here together
# with a migration that rehashes). The list summaries are left out: they are derived, recomputed at will.
RECORD_COLUMNS: tuple[tuple[Table, tuple[str, ...]], ...] = (
    (prior_exposures, ("id", "patient_id", "position", "drug", "mg_per_m2")),
    (plans, ("id", "patient_id", "regimen_id", "start", "formula", "rounding_step_mg", "recalc_threshold_pct",
             "bsa_cap_m2", "open_ended_cycles", "anthracycline_factors", "prescriber")),
    (modifications, ("id", "patient_id", "kind", "data", "reason", "created_by", "created_at", "withdrawn",
                     "withdrawn_reason", "withdrawn_by", "withdrawn_at")),
    (measurements, ("id", "patient_id", "measured_on", "height_cm", "weight_kg", "entered_by", "entered_at",
                    "modification_id")),
    (dose_checks, ("id", "patient_id", "cycle", "drug", "calculated_mg", "checked_mg", "deviation_pct",
                   "tolerance_pct", "passed", "first_checker", "second_checker", "checked_at", "recorded_by")),
    (administrations, ("id", "patient_id", "cycle", "day", "drug", "dose_mg", "given_on", "given_by",
                       "recorded_at", "note", "withdrawn", "withdrawn_reason", "withdrawn_by", "withdrawn_at")),
    (assessments, ("id", "patient_id", "cycle", "assessed_on", "data", "decision", "rules", "accepted", "reason",
                   "prescriber", "prescriber_at", "modification_ids", "recorded_by", "recorded_at", "withdrawn",
                   "withdrawn_reason", "withdrawn_by", "withdrawn_at")),
)
PATIENT_COLUMNS = ("id", "mrn", "name", "dob", "sex", "diagnosis", "allergies", "notes", "language", "withdrawn",
                   "withdrawn_reason", "withdrawn_by", "withdrawn_at", "version", "created_by", "created_at",
                   "updated_by", "updated_at")
CHILD_TABLES: tuple[Table, ...] = tuple(table for table, _ in RECORD_COLUMNS)

# A patient's rows in the child tables, by table name, each list in id order.
RecordRows = Mapping[str, Sequence[Row[Any]]]

BATCH = 500  # patients per query when digesting many records (bounded IN lists)


def _plain(value: Any) -> Any:
    """A column value as canonical JSON: the same text for the same stored value on every engine."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        if value.tzinfo is None:  # the store only writes aware UTC stamps; a naive one is read as UTC
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value  # JSON columns: dicts, lists, numbers


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def as_stored(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """A JSON column's value as it reads back (tuples as lists, keys as text): what is hashed is what is
    stored, so the hash computed at the append matches the one recomputed from the row."""
    return None if value is None else dict(json.loads(json.dumps(value)))


def entry_hash(previous: str, entry: Mapping[str, Any]) -> str:
    """The hash of one audit entry (a mapping with ENTRY_FIELDS), chained to the previous entry's hash."""
    content = {name: _plain(entry[name]) for name in ENTRY_FIELDS}
    return hashlib.sha256(previous.encode("ascii") + b"\n" + canonical(content)).hexdigest()


def record_digest(patient: Row[Any], rows: RecordRows) -> str:
    """The digest of one patient's stored record: the patient row and every row of the child tables."""
    content: dict[str, Any] = {"patients": [_plain(getattr(patient, c)) for c in PATIENT_COLUMNS]}
    for table, columns in RECORD_COLUMNS:
        content[table.name] = [[_plain(getattr(r, c)) for c in columns] for r in rows.get(table.name, ())]
    return hashlib.sha256(canonical(content)).hexdigest()


def fetch_rows(conn: Connection, ids: list[int]) -> dict[int, dict[str, list[Row[Any]]]]:
    """The child-table rows of these patients, one query per table, each patient's rows in id order."""
    out: dict[int, dict[str, list[Row[Any]]]] = {pid: {t.name: [] for t in CHILD_TABLES} for pid in ids}
    for table in CHILD_TABLES:
        for first in range(0, len(ids), BATCH):  # SQLite's variable limit, PostgreSQL's plans
            part = ids[first:first + BATCH]
            query = select(table).where(table.c.patient_id.in_(part)).order_by(table.c.patient_id, table.c.id)
            for r in conn.execute(query):
                out[r.patient_id][table.name].append(r)
    return out


def all_record_digests(conn: Connection) -> Iterator[tuple[int, str, str]]:
    """(patient id, MRN, record digest) of every patient, in id order, a batch at a time."""
    last = 0
    while True:
        batch = list(conn.execute(select(patients).where(patients.c.id > last).order_by(patients.c.id)
                                  .limit(BATCH)))
        if not batch:
            return
        rows = fetch_rows(conn, [p.id for p in batch])
        for p in batch:
            yield p.id, p.mrn, record_digest(p, rows[p.id])
        last = batch[-1].id


def lock_head(conn: Connection) -> tuple[int, str]:
    """Take the chain lock for the rest of the transaction and return the head: (last id, its hash), or
    (0, GENESIS) for an empty log. The caller appends the next entry with id + 1 in the same transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key * 4294967296 + 'audit_log'::regclass::oid::bigint)"),
                     {"key": CHAIN_LOCK})
    head = conn.execute(select(audit_log.c.id, audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).first()
    if head is None:
        return 0, GENESIS
    return int(head.id), head.hash or ""  # a missing hash breaks the chain here; `db check` names the entry


@dataclass(frozen=True)
class ChainHead:
    """The last entry of a verified chain: written down (or copied off-site), it shows a later rewrite."""

    entry_id: int
    hash: str


@dataclass(frozen=True)
class ChainReport:
    problems: tuple[str, ...]  # at most one about the chain, one about the patients' records
    head: ChainHead | None  # None for an empty log


def verify(conn: Connection) -> ChainReport:
    """Recompute every entry's hash and link, and every patient's record digest against the record_hash of
    the patient's last entry. Names the FIRST entry and the FIRST patient that do not match."""
    previous = GENESIS
    chain_problem: str | None = None
    last: dict[int, tuple[int, str | None]] = {}  # patient id -> (its last entry, that entry's record_hash)
    head: ChainHead | None = None
    entries = conn.execution_options(yield_per=2000).execute(select(audit_log).order_by(audit_log.c.id))
    for entry in entries:
        if chain_problem is None:
            if entry.hash is None:
                chain_problem = translate(
                    "Store", "The audit log entry {id} has no hash: it was not written by Cycle Planner.").format(
                    id=entry.id)
            elif entry.hash != entry_hash(previous, dict(entry._mapping)):
                chain_problem = translate(
                    "Store", "The audit log is broken at entry {id}: it does not match its hash; it was changed, or "
                    "an entry before it was removed, inserted or reordered.").format(id=entry.id)
        # Go on from the stored hash: only the first break is reported, the rest would follow from it.
        previous = entry.hash or ""
        if entry.patient_id is not None:
            last[entry.patient_id] = (entry.id, entry.record_hash)
        head = ChainHead(entry.id, entry.hash or "")
    entries.close()
    problems = [chain_problem] if chain_problem else []
    record_problem = _record_problem(conn, last)
    if record_problem:
        problems.append(record_problem)
    return ChainReport(tuple(problems), head)


def _record_problem(conn: Connection, last: dict[int, tuple[int, str | None]]) -> str | None:
    first: str | None = None
    more = 0
    for patient_id, mrn, digest in all_record_digests(conn):
        found = last.get(patient_id)
        if found is not None and found[1] == digest:
            continue
        if first is not None:
            more += 1
        elif found is None:
            first = translate("Store", "Patient {mrn} has no entry in the audit log: the record was written "
                              "outside Cycle Planner.").format(mrn=mrn)
        else:
            first = translate("Store", "Patient {mrn}: the stored record does not match its last entry in the "
                              "audit log ({id}); it was changed outside Cycle Planner.").format(mrn=mrn, id=found[0])
    if first is not None and more:
        first += " " + translate("Store", "({n} more patients do not match.)").format(n=more)
    return first


def rehash(conn: Connection) -> None:
    """Hash an existing log once, in id order, the latest entry of each patient carrying the digest of the
    patient's current record (migration 0006). Runs with the append-only guards lifted by the caller."""
    latest = dict(conn.execute(select(audit_log.c.patient_id, func.max(audit_log.c.id))
                               .where(audit_log.c.patient_id.is_not(None)).group_by(audit_log.c.patient_id)).all())
    digests = {pid: digest for pid, _mrn, digest in all_record_digests(conn)}
    previous, after = GENESIS, 0
    update = text("UPDATE audit_log SET hash = :hash, record_hash = :record_hash WHERE id = :entry")
    while True:
        page = list(conn.execute(select(audit_log).where(audit_log.c.id > after).order_by(audit_log.c.id)
                                 .limit(2000)))
        if not page:
            return
        changes = []
        for entry in page:
            values = dict(entry._mapping)
            pid = values["patient_id"]
            values["record_hash"] = digests.get(pid) if pid is not None and latest.get(pid) == entry.id else None
            previous = entry_hash(previous, values)
            changes.append({"hash": previous, "record_hash": values["record_hash"], "entry": entry.id})
        conn.execute(update, changes)
        after = page[-1].id
