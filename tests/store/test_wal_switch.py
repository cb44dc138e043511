"""The switch to WAL on a first open waits for another process that holds the file, instead of failing with
"database is locked" (SQLite refuses the switch at once, without its busy timeout, while anyone else is in)."""

from __future__ import annotations

import sqlite3
import threading
import time

from sqlalchemy import create_engine

from planner.store import engine as db


def test_the_switch_to_wal_waits_for_a_reader_to_leave(tmp_path):
    path = tmp_path / "new.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN")
    other.execute("SELECT * FROM t").fetchall()  # a read transaction: the file's shared lock is held
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.1})
    leave = threading.Timer(0.4, lambda: other.execute("COMMIT"))
    try:
        # Held, the switch is refused at once; that is what made the 16-process first open flaky.
        raw = sqlite3.connect(path, timeout=0.1)
        try:
            refused = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal"
        except sqlite3.OperationalError:
            refused = True
        raw.close()
        assert refused
        leave.start()
        started = time.monotonic()
        db._use_wal(engine)
        assert time.monotonic() - started >= 0.3  # it waited for the reader
        check = sqlite3.connect(path)
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        check.close()
        db._use_wal(engine)  # already WAL: asks nothing
    finally:
        leave.cancel()
        if leave.is_alive():
            leave.join()
        engine.dispose()
        other.close()
