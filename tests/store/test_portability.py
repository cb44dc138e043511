"""Nothing may assume SQLite beyond the default connection: the migrations and the queries must also
compile for PostgreSQL (the shared server of a later release), and nothing identifying is logged."""

from __future__ import annotations

import io
import logging
from datetime import date

from sqlalchemy.dialects import postgresql

from planner.core.modifications import Delay
from planner.store import engine as db
from planner.store.summary import list_summaries
from tests.store.conftest import add_wang


def test_migrations_render_for_postgresql():
    from alembic import command

    config = db._alembic_config()
    config.set_main_option("sqlalchemy.url", "postgresql://planner@server/planner")
    config.output_buffer = io.StringIO()
    command.upgrade(config, "head", sql=True)
    ddl = config.output_buffer.getvalue()
    assert "CREATE TABLE patients" in ddl and "CREATE TABLE summary_dose_runs" in ddl
    assert "TIMESTAMP WITH TIME ZONE" in ddl
    assert "RAISE(ABORT" not in ddl  # SQLite's own trigger syntax stays SQLite-only...
    for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_truncate"):  # ...PostgreSQL has its own
        assert f"CREATE TRIGGER {name} BEFORE" in ddl
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC" in ddl


def test_list_query_compiles_for_postgresql(monkeypatch):
    captured = []

    class Recorder:
        def execute(self, query):
            captured.append(query)
            return []

    list_summaries(Recorder(), date(2026, 1, 10), include_withdrawn=False)  # type: ignore[arg-type]
    sql = str(captured[0].compile(dialect=postgresql.dialect()))
    assert "min(CASE WHEN" in sql and "LIMIT" in sql


def test_logs_hold_no_patient_data(store, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # even with SQL logging switched on
    try:
        add_wang(store, mrn="QX-7731")
        store.add_modification("QX-7731", Delay(2, 7), "ANC 0.9 low", expected_version=1)
        store.export_plan_file("QX-7731", tmp_path / "p.json")
        store.list_patients()
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    text = caplog.text
    assert "INSERT INTO patients" in text  # SQL logging really was on
    # (Numbers such as the dose are not searched for: they turn up by chance inside timings.)
    for secret in ("Wang", "QX-7731", "ANC 0.9 low", "leiomyosarcoma"):
        assert secret not in text
