"""Real processes: killed with SIGKILL mid-write, and two writers on one patient at once."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner.store import PatientStore
from tests.store.conftest import add_wang

WRITER = Path(__file__).with_name("writer_process.py")
ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _read_lines(stream, sink: list[str]) -> None:
    for line in stream:
        sink.append(line.strip())


@pytest.mark.slow
def test_kill_9_mid_write_loses_nothing_acknowledged(db_path):
    rng = random.Random(20260105)
    acknowledged: dict[str, int] = {}
    for run in range(5):
        proc = subprocess.Popen([sys.executable, str(WRITER), "crash", str(db_path), f"run{run}"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        lines: list[str] = []
        reader = threading.Thread(target=_read_lines, args=(proc.stdout, lines), daemon=True)
        reader.start()
        deadline = time.monotonic() + 60  # the machine is shared: allow a slow start
        while not any(line.startswith("ack ") for line in lines) and time.monotonic() < deadline \
                and proc.poll() is None:
            time.sleep(0.01)
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.5))  # a random instant in the middle of the write loop
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        reader.join(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
        acks = [line.split() for line in lines if line.startswith("ack ")]
        assert acks, f"run {run}: the writer acknowledged nothing before the kill"
        for _, mrn, version in acks:
            acknowledged[mrn] = max(acknowledged.get(mrn, 0), int(version))

    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    with PatientStore.open(db_path) as store:
        assert store.check() == []
        for mrn, version in acknowledged.items():
            assert store.get_patient(mrn).version >= version  # every acknowledged write is there
        listed = {row.mrn for row in store.list_patients()}
        assert set(acknowledged) <= listed
        # Each patient's audit trail holds an entry for every version it reached, nothing half-done.
        for mrn in list(acknowledged)[:20]:
            record = store.get_patient(mrn)
            assert len(store.audit_log(mrn)) == record.version


@pytest.mark.slow
def test_two_processes_writing_one_patient_lose_no_update(database):
    with PatientStore.open(database, actor="nurse.a") as store:
        add_wang(store)
    count = 60  # enough overlap that the two really collide (StaleRecord, then retry)
    procs = [subprocess.Popen([sys.executable, str(WRITER), "contend", database, "12345", str(count)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
             for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert out.startswith("done ")
    with PatientStore.open(database) as store:
        record = store.get_patient("12345")
        assert len(record.modifications) == 2 * count
        assert record.version == 1 + 2 * count
        assert [e.action for e in store.audit_log("12345")].count("modification.add") == 2 * count


def test_two_stores_on_one_file_see_each_others_writes(database):
    with PatientStore.open(database, actor="nurse.a") as first, PatientStore.open(database, actor="nurse.b") as second:
        add_wang(first)
        assert second.get_patient("12345").version == 1
        opened_by_a = first.get_patient("12345")
        second.withdraw_patient("12345", "duplicate registration", expected_version=1)
        assert first.get_patient("12345").withdrawn
        from planner.store import StaleRecord

        with pytest.raises(StaleRecord) as caught:
            first.withdraw_patient("12345", "other", expected_version=opened_by_a.version)
        assert caught.value.changed_by == "nurse.b"
