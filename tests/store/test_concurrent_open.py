"""Many workstations opening one database at the same moment: the first open of an empty database and
the first open after an upgrade run the migrations once, under a lock, and every process succeeds."""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import date

import pytest

from planner.store import PatientStore
from planner.store import engine as db
from tests.store.conftest import add_wang

PROCESSES = 16


def _open_at_once(location: str, barrier, results) -> None:
    try:
        barrier.wait(timeout=60)
        with PatientStore.open(location, actor="ward") as store:
            store.list_patients(today=date(2026, 1, 10))
        results.put("ok")
    except BaseException:  # reported in the parent
        results.put(traceback.format_exc())


def _open_from_many_processes(location: str) -> list[str]:
    # fork: the children start at once (no re-import), which is what makes the race real.
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(PROCESSES)
    results = context.Queue()
    procs = [context.Process(target=_open_at_once, args=(location, barrier, results)) for _ in range(PROCESSES)]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=180) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    return outcomes


@pytest.mark.slow
def test_sixteen_first_opens_of_an_empty_database_all_succeed(database):
    outcomes = _open_from_many_processes(database)
    assert [o for o in outcomes if o != "ok"] == []
    with PatientStore.open(database) as store:
        assert db.current_revision(store._engine) == db.HEAD_REVISION
        assert store.check() == []


@pytest.mark.slow
def test_sixteen_opens_during_an_upgrade_all_succeed(database):
    from alembic import command

    with PatientStore.open(database, actor="nurse.a") as store:
        for n in range(20):
            add_wang(store, mrn=f"M{n}")
    # Back to revision 0001, as an older version of the program left it: no list summaries, no guards.
    engine = db.make_engine(db.resolve_url(database))
    with engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
        command.downgrade(db._alembic_config(conn), "0001")
    assert db.current_revision(engine) == "0001"
    engine.dispose()
    outcomes = _open_from_many_processes(database)
    assert [o for o in outcomes if o != "ok"] == []
    with PatientStore.open(database) as store:
        assert db.current_revision(store._engine) == db.HEAD_REVISION
        assert len(store.list_patients(today=date(2026, 1, 10))) == 20
        assert store.check() == []
    # The upgraded user-name columns hold a long sign-in name (PostgreSQL enforced 100 before 0005).
    with PatientStore.open(database, actor="n" * 150) as store:
        assert add_wang(store, mrn="LONG").updated_by == "n" * 150
