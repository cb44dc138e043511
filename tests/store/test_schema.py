"""Database files and schema: 0600 files, migrations up from an older schema, a newer one refused untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import create_engine

from planner.store import PatientStore, SchemaTooNew, StoreError
from planner.store import engine as db
from planner.store.schema import metadata
from tests.store.conftest import add_wang


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_and_wal_files_are_private_even_with_an_open_umask(tmp_path):
    path = tmp_path / "new-folder" / "planner.sqlite3"
    old = os.umask(0)
    try:
        with PatientStore.open(path) as store:
            add_wang(store)
            files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
            assert all(f.exists() for f in files)
            assert [_mode(f) for f in files] == [0o600, 0o600, 0o600]
            assert _mode(path.parent) == 0o700
    finally:
        os.umask(old)


def test_an_existing_readable_file_is_tightened(tmp_path):
    path = tmp_path / "planner.sqlite3"
    PatientStore.open(path).close()
    os.chmod(path, 0o644)
    with PatientStore.open(path) as store:
        assert _mode(path) == 0o600
        assert store.check() == []


def test_wal_mode_and_url_locations(tmp_path, monkeypatch):
    path = tmp_path / "x.sqlite3"
    with PatientStore.open(f"sqlite:///{path}") as store:
        assert store.url == f"sqlite:///{path}"
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "from-env.sqlite3"))
    with PatientStore.open() as store:
        assert store.url.endswith("from-env.sqlite3")


def test_default_location_is_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("PLANNER_DATABASE")
    url = db.resolve_url(None)
    assert url.database.endswith(os.path.join("cycle-planner", "planner.sqlite3"))
    assert str(tmp_path / "xdg-data") in url.database  # the conftest points XDG_DATA_HOME at tmp_path


def test_schema_matches_the_migrations(database):
    """The Core tables the queries use and the tables the migrations build must not drift apart."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    PatientStore.open(database).close()
    engine = create_engine(database if "://" in database else f"sqlite:///{database}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_an_older_database_is_upgraded_in_place(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    with PatientStore.open(path, actor="nurse.a") as store:
        add_wang(store)
        add_wang(store, mrn="B", start=date(2026, 3, 2))
    # Take the file back to revision 0001 (no list summary tables), as an older version left it.
    engine = db.make_engine(db.resolve_url(path))
    with engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
        command.downgrade(db._alembic_config(conn), "0001")
    assert db.current_revision(engine) == "0001"
    engine.dispose()
    with PatientStore.open(path) as store:
        rows = {r.mrn: r for r in store.list_patients(today=date(2026, 1, 10))}
        assert rows["12345"].current_cycle == 1 and rows["B"].status == "planned"
        assert store.check() == []
        assert store.get_patient("12345").version == 1


def test_administrations_from_before_0004_upgrade_as_not_withdrawn(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    with PatientStore.open(path, actor="nurse.a") as store:
        add_wang(store)
        store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=Decimal(164),
                                checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li",
                                second_checker="Chen", expected_version=1)
        store.record_administration("12345", cycle=1, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                    given_on=date(2026, 1, 5), expected_version=2)
    engine = db.make_engine(db.resolve_url(path))
    with engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
        command.downgrade(db._alembic_config(conn), "0003")
    engine.dispose()
    with PatientStore.open(path) as store:
        [given] = store.get_patient("12345").administrations
        assert (given.note, given.withdrawn, given.withdrawn_reason, given.withdrawn_at) == ("", False, "", None)
        assert store.check() == []
        store.withdraw_administration("12345", given.id, "recorded in error", expected_version=3)
        assert store.get_patient("12345").administrations[0].withdrawn


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    with PatientStore.open(path) as store:
        add_wang(store)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '0999'")
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = _sha(path)
    with pytest.raises(SchemaTooNew, match="newer version") as caught:
        PatientStore.open(path)
    assert caught.value.revision == "0999"
    assert _sha(path) == before


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "foreign.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY, something TEXT)")
    raw.commit()
    raw.close()
    before = _sha(path)
    with pytest.raises(StoreError, match="not made by Cycle Planner"):
        PatientStore.open(path)
    assert _sha(path) == before


def test_unopenable_locations_are_clear_errors(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        PatientStore.open(blocker / "sub" / "planner.sqlite3")
    with pytest.raises(StoreError, match="not a database URL"):
        PatientStore.open("::://nonsense")
    with pytest.raises(StoreError, match="cannot use"):
        PatientStore.open("nosuchdialect://user:secret@host/db")


def test_summaries_from_another_program_or_regimen_version_are_recomputed(tmp_path):
    from planner.store.health import check_location

    path = tmp_path / "s.sqlite3"
    with PatientStore.open(path) as store:
        add_wang(store)
    raw = sqlite3.connect(path)
    # As if an older release (or an older regimen file) had computed cycle 1 a week later.
    raw.execute("UPDATE summary_patients SET basis = 'older-release', starts_on = '2026-01-12'")
    raw.execute("UPDATE summary_cycles SET starts_on = date(starts_on, '+7 days'), ends_on = date(ends_on, '+7 days')")
    raw.execute("UPDATE summary_dose_runs SET first_on = date(first_on, '+7 days'), last_on = date(last_on, '+7 days')")
    raw.commit()
    raw.close()
    assert check_location(path)[1] == ["1 patients have an out-of-date list summary."]
    with PatientStore.open(path) as store:
        [row] = store.list_patients(today=date(2026, 1, 6))
        assert (row.status, row.current_cycle, row.next_dose_date) == ("on treatment", 1, date(2026, 1, 6))
        assert store.check() == []


def test_head_revision_constant_matches_the_migrations():
    assert db.HEAD_REVISION == db.head_revision()


@pytest.mark.slow
def test_an_installed_wheel_ships_the_migrations(tmp_path):
    """Build a real wheel, unpack it alone on sys.path and create a database from it (no alembic.ini)."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(root)], check=True)
    wheel = next((tmp_path / "dist").glob("cycle_planner-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
        names = zf.namelist()
    assert "planner/store/migrations/env.py" in names
    assert "planner/store/migrations/versions/0001_initial.py" in names
    code = ("import planner, planner.store as s; "
            f"assert planner.__file__.startswith({str(site)!r}), planner.__file__; "
            "st = s.PatientStore.open('w.sqlite3'); print(st.check()); st.close()")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
