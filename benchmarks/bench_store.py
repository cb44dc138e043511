"""Budgets of the records issue, on a database of 10,000 patients with their histories:
list them < 0.3 s, open one with its computed plan < 30 ms, save one modification < 30 ms on SQLite,
< 50 ms on PostgreSQL over a local socket (medians). The audit chain (issue 10): what appending an entry
adds to a save (chain head, record digest) < 5 ms, and `db check` verifying the whole chain and every
record (reported; no hard budget).

Run: `make bench` or `.venv/bin/python benchmarks/bench_store.py [--patients N] [--keep PATH]
[--database PATH|URL]`, e.g. `--database "$PLANNER_TEST_POSTGRES"` (packaging/pg-test-cluster.sh).
Building the database takes a while (one transaction, written through the store's own insert and
summary code, so the rows are exactly what the app writes); the timed operations use the public API.
A kept (--keep) or given (--database) database is reused; patients missing up to N are added.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import report
from sqlalchemy import insert

from planner.core.modifications import Delay, DoseLevelChange, WeightChange
from planner.core.plan import PlanSettings
from planner.store import (
    AdministrationRecord,
    DoseCheckRecord,
    MeasurementRecord,
    ModificationRecord,
    PatientIdentity,
    PatientRecord,
    PatientStore,
    PlanRecord,
)
from planner.store.health import check_database
from planner.store.queries import load_record, patient_row
from planner.store.schema import audit_log
from planner.store.summary import write_summary


def _record(i: int) -> PatientRecord:
    now = datetime(2026, 1, 1, 9, tzinfo=UTC)
    start = date(2025, 6, 1) + timedelta(days=i % 400)
    mods = []
    if i % 2 == 0:
        mods.append(ModificationRecord(1, Delay(2, 7), "counts", "nurse", now))
    if i % 3 == 0:
        mods.append(ModificationRecord(2, DoseLevelChange("anlotinib", 3, Decimal(10)), "hand-foot", "nurse", now))
    if i % 5 == 0:
        mods.append(ModificationRecord(3, WeightChange(4, Decimal(55 + i % 40)), "weighed", "nurse", now))
    checks = tuple(DoseCheckRecord(c, c, "epirubicin", Decimal(164), Decimal(164), Decimal(0), Decimal(5), True,
                                   "Li", "Chen", now) for c in (1, 2))
    given = tuple(AdministrationRecord(d, 1, d, "anlotinib", Decimal(12), start + timedelta(days=d - 1), "nurse", now)
                  for d in range(1, 8))
    return PatientRecord(
        id=0, version=1, identity=PatientIdentity(name=f"Patient {i:05d}", mrn=f"MRN{i:06d}", dob=date(1960, 1, 1)),
        withdrawn=False, withdrawn_reason="",
        measurements=(MeasurementRecord(1, start, Decimal(150 + i % 40), Decimal(50 + i % 50), "nurse", now),),
        plan=PlanRecord(0, "anlotinib-epirubicin", start, PlanSettings(), ()), modifications=tuple(mods),
        dose_checks=checks, administrations=given, updated_by="nurse", updated_at=now)


def build(store: PatientStore, patients: int, first: int = 0) -> None:
    with store.repository.writing() as tx:  # one transaction: 10,000 fsyncs would only measure the disk
        for i in range(first, patients):
            record = _record(i)
            patient_id = tx.insert_record(record)
            # Its audit entry, as an import would write it: the chain and the record digest stay whole.
            tx.audit("patient.import", "patient", patient_id, patient_id, None, {"mrn": record.identity.mrn})
            write_summary(tx.conn, patient_id, 1, record.compute_plan())


class _RolledBack(Exception):
    pass


def chain_cost(store: PatientStore, mrns: list[str]) -> list[float]:
    """What the hash chain adds to a save: the audit append (chain head, lock, the record re-read and its
    digest, the insert) minus what a save did before the chain: the re-read of the saved record in `finish`
    (which now reuses the rows the digest read) and a plain insert of the entry. Each in a transaction that
    is rolled back."""
    added = []
    for mrn in mrns:
        version = store.get_patient(mrn).version
        try:
            with store.repository.writing() as tx:
                row = tx.locked(mrn, version)
                tx.bump(row)
                row = patient_row(tx.conn, mrn)
                t0 = time.perf_counter()
                load_record(tx.conn, row)
                tx.conn.execute(insert(audit_log).values(  # the entry as it was written before the chain
                    id=2_000_000_000,  # (rolled back) PostgreSQL's sequence is behind: the chain sets ids itself
                    at=tx.now, actor=tx.actor, action="bench", entity="bench", entity_id=0, patient_id=row.id,
                    old=None, new={"bench": True}))
                t1 = time.perf_counter()
                tx.audit("modification.add", "modification", 0, row.id, None, {"bench": True})
                t2 = time.perf_counter()
                added.append((t2 - t1) - (t1 - t0))
                raise _RolledBack
        except _RolledBack:
            pass
    return added


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--keep", default=None, help="build (or reuse) an SQLite database at this path")
    parser.add_argument("--database", default=None,
                        help="build (or reuse) this database: an SQLite path or a URL, e.g. postgresql+psycopg://...")
    parser.add_argument("--build-only", action="store_true", help="build the database, time nothing")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    location = args.database or args.keep or str(Path(folder.name) / "bench.sqlite3")
    rng = random.Random(4)
    with PatientStore.open(location, actor="bench") as store:
        engine_name = store._engine.dialect.name
        print(f"database: {engine_name} {store.url}")
        existing = len(store.list_patients(today=date(2026, 1, 15), include_withdrawn=True))
        if existing < args.patients:
            t0 = time.perf_counter()
            build(store, args.patients, first=existing)
            print(f"{'build ' + format(args.patients - existing, ',') + ' patients (one transaction)':<58} "
                  f"{time.perf_counter() - t0:10.1f} s")
        if args.build_only:
            return 0
        today = date(2026, 1, 15)
        rows = store.list_patients(today=today)
        assert len(rows) >= args.patients, len(rows)
        timings = []
        for _ in range(7):
            t0 = time.perf_counter()
            store.list_patients(today=today)
            timings.append(time.perf_counter() - t0)
        results = [report(f"list {len(rows):,} patients (median)", statistics.median(timings), 0.3)]

        mrns = [rows[rng.randrange(len(rows))].mrn for _ in range(60)]
        opened = []
        for mrn in mrns:
            t0 = time.perf_counter()
            plan = store.get_patient(mrn).compute_plan()
            opened.append(time.perf_counter() - t0)
            assert plan.cycles
        results.append(report("open one patient with its computed plan (median)", median_ms(opened), 30, "ms"))

        saved = []
        for mrn in mrns[:40]:
            version = store.get_patient(mrn).version
            t0 = time.perf_counter()
            store.add_modification(mrn, Delay(5, 2), "bench", expected_version=version)
            saved.append(time.perf_counter() - t0)
        save_budget = 30 if engine_name == "sqlite" else 50
        results.append(report("save one modification (median, committed, fsync)", median_ms(saved), save_budget,
                              "ms"))
        results.append(report("audit append: added to a save by the chain (median)",
                              median_ms(chain_cost(store, mrns[40:])), 5, "ms"))
        t0 = time.perf_counter()
        problems = check_database(store._engine)
        assert problems == [], problems
        results.append(report(f"db check: chain and {len(rows):,} records verified", time.perf_counter() - t0, 60))
    folder.cleanup()
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
