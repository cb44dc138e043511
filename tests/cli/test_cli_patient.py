"""`planner patient ...` and `planner db check` against a --database path and the default database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from planner.cli import main
from planner.store import PatientStore

ADD = ["patient", "add", "--name", "Wang Fang", "--mrn", "12345", "--dob", "1970-03-01", "--sex", "F",
       "--height", "170", "--weight", "70", "--measured-on", "2026-01-02", "--start", "2026-01-05"]


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch, database):
    """Every test here runs on SQLite (the default database file) and on PostgreSQL (a fresh schema)."""
    postgres = database.startswith("postgresql")
    monkeypatch.setenv("PLANNER_DATABASE", database if postgres else str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.sqlite_only("an explicit --database file path")
def test_add_list_show_against_a_path(capsys, tmp_path):
    db = ["--database", str(tmp_path / "ward.sqlite3")]
    code, out, err = run(capsys, *ADD, *db)
    assert code == 0 and err == ""
    assert out.startswith("saved: new patient Wang Fang") and "record version 1" in out
    code, out, _ = run(capsys, "patient", "list", "--json", "--today", "2026-01-10", *db)
    assert json.loads(out) == [{"mrn": "12345", "name": "Wang Fang", "dob": "1970-03-01",
                                "regimen": "anlotinib-epirubicin", "current_cycle": 1,
                                "next_dose_date": "2026-01-10", "status": "on treatment", "version": 1}]
    code, out, _ = run(capsys, "patient", "list", "--today", "2026-01-10", *db)
    assert out.splitlines()[0].split() == ["MRN", "Name", "Regimen", "Cycle", "Next", "dose", "Status"]
    assert "12345  Wang Fang" in out
    code, out, _ = run(capsys, "patient", "show", "12345", *db)
    assert code == 0 and "Wang Fang  MRN 12345" in out and "163.8 -> 164 mg" in out
    assert not (tmp_path / "default.sqlite3").exists()  # --database was honoured


def test_show_json_is_the_plan_json_plus_the_record(capsys):
    run(capsys, *ADD)
    run(capsys, "patient", "delay", "12345", "--cycle", "2", "--days", "7", "--reason", "ANC 0.9")
    _, shown, _ = run(capsys, "patient", "show", "12345", "--json")
    _, planned, _ = run(capsys, "plan", "--start", "2026-01-05", "--height", "170", "--weight", "70",
                        "--delay", "2:7", "--json")
    shown, planned = json.loads(shown), json.loads(planned)
    # The record's maintenance rolls forward to cover today (open-ended until ended); `planner plan` shows the
    # planned cycles only, which the record's plan starts with.
    rolled = ("cycles", "days", "end")
    assert {k: shown[k] for k in planned if k not in rolled} == {k: v for k, v in planned.items() if k not in rolled}
    assert shown["cycles"][:len(planned["cycles"])] == planned["cycles"]
    assert shown["days"][:len(planned["days"])] == planned["days"]
    assert shown["patient"]["mrn"] == "12345" and shown["patient"]["version"] == 2
    assert shown["record"]["modifications"][0]["reason"] == "ANC 0.9"


def test_delay_and_weight_print_after_saving(capsys):
    run(capsys, *ADD)
    code, out, _ = run(capsys, "patient", "delay", "12345", "--cycle", "2", "--days", "7", "--reason", "ANC 0.9")
    assert code == 0 and "now starts 2026-02-02" in out and "record version 2" in out
    code, out, _ = run(capsys, "patient", "weight", "12345", "--cycle", "3", "--weight", "62kg",
                       "--measured-on", "2026-02-20")
    assert code == 0 and "62 kg before cycle 3" in out and "doses recalculated" in out
    _, out, _ = run(capsys, "patient", "history", "12345", "--json")
    assert [e["action"] for e in json.loads(out)] == ["patient.add", "modification.add", "modification.add",
                                                     "measurement.add"]


@pytest.mark.parametrize(("argv", "message"), [
    (["patient", "show", "999"], "error: No patient with MRN 999."),
    (["patient", "delay", "999", "--cycle", "2", "--days", "7", "--reason", "x"], "error: No patient with MRN 999."),
    (ADD, "error: A patient with MRN 12345 already exists (Wang Fang)."),
    (["patient", "delay", "12345", "--cycle", "40", "--days", "7", "--reason", "x"], "error: Delay: cycle 40"),
    (["patient", "delay", "12345", "--cycle", "two", "--days", "7", "--reason", "x"], "error: --cycle"),
    (["patient", "weight", "12345", "--cycle", "2", "--weight", "700"], "error: Weight"),
    (["patient", "list", "--today", "05/01/2026"], "error: --today"),
    ([*ADD[:5], "777", *ADD[6:], "--start", "2026-02-30"], "error: --start"),
])
def test_errors_exit_2_with_one_line(capsys, argv, message):
    run(capsys, *ADD)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    _, out, _ = run(capsys, "patient", "list", "--json")
    assert [r["version"] for r in json.loads(out)] == [1]  # nothing saved


def test_export_import_between_databases(capsys, tmp_path):
    run(capsys, *ADD)
    out_file = tmp_path / "wang.json"
    code, out, _ = run(capsys, "patient", "export", "12345", "--out", str(out_file))
    assert code == 0 and out_file.exists()
    code, out, _ = run(capsys, "patient", "import", str(out_file), "--database", str(tmp_path / "b.sqlite3"))
    assert code == 0 and "imported Wang Fang" in out
    code, _, err = run(capsys, "patient", "import", str(out_file))
    assert code == 2 and "already exists" in err
    data = json.loads(out_file.read_text())
    data["patient"]["mrn"] = "2"
    data["measurements"][0]["weight_kg"] = -1
    out_file.write_text(json.dumps(data))
    code, _, err = run(capsys, "patient", "import", str(out_file))
    assert (code, err) == (2, "error: measurements[0].weight_kg: must be > 0\n")


def test_withdraw(capsys):
    run(capsys, *ADD)
    code, out, _ = run(capsys, "patient", "withdraw", "12345", "--reason", "moved away")
    assert code == 0 and "withdrawn" in out
    _, out, _ = run(capsys, "patient", "list", "--json")
    assert json.loads(out) == []
    _, out, _ = run(capsys, "patient", "list", "--json", "--all")
    assert json.loads(out)[0]["status"] == "withdrawn"


@pytest.mark.parametrize("argv", [
    ["patient", "delay", "12345", "--cycle", "3", "--days", "7", "--reason", "x"],
    ["patient", "weight", "12345", "--cycle", "2", "--weight", "60"],
])
def test_a_withdrawn_patients_plan_cannot_be_changed(capsys, argv):
    run(capsys, *ADD)
    run(capsys, "patient", "withdraw", "12345", "--reason", "progression")
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (2, "", "error: Patient 12345 is withdrawn (progression); nothing was saved.\n")
    _, out, _ = run(capsys, "patient", "list", "--json", "--all")
    assert [r["version"] for r in json.loads(out)] == [2]  # add, withdraw: nothing else saved


def test_a_delay_of_a_given_cycle_is_refused_with_one_line(capsys):
    run(capsys, *ADD)
    with PatientStore.open() as store:
        record = store.get_patient("12345")
        record = store.record_dose_check("12345", cycle=2, drug="epirubicin", calculated_mg=Decimal(164),
            checked_mg=Decimal(164), tolerance_pct=Decimal(5), first_checker="Li", second_checker="Chen",
            expected_version=record.version)
        store.record_administration("12345", cycle=2, day=1, drug="epirubicin", dose_mg=Decimal(164),
                                    given_on=date(2026, 1, 26), expected_version=record.version)
    code, out, err = run(capsys, "patient", "delay", "12345", "--cycle", "2", "--days", "7", "--reason", "x")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("error: Cycle 2: this change would rewrite a dose already recorded as given")
    assert "from cycle 3 on" in err


@pytest.mark.sqlite_only("file modes and damaged files")
def test_db_check(capsys, tmp_path):
    run(capsys, *ADD)
    code, out, _ = run(capsys, "db", "check")
    assert code == 0 and out.startswith("ok: sqlite:///")
    os.chmod(tmp_path / "default.sqlite3", 0o644)
    code, out, _ = run(capsys, "db", "check", "--database", str(tmp_path / "default.sqlite3"))
    assert code == 1 and out.startswith("problem: default.sqlite3 is readable by other users; it should be 0600.\n")
    run(capsys, "patient", "list")  # opening the database as a store tightens the mode again
    assert run(capsys, "db", "check")[0] == 0
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    code, out, err = run(capsys, "db", "check", "--database", str(corrupt))
    assert code == 1 and err == "" and "cannot be read: file is not a database" in out
    code, out, err = run(capsys, "db", "check", "--database", str(tmp_path / "missing.sqlite3"))
    assert code == 1 and "There is no database at" in out
    assert not (tmp_path / "missing.sqlite3").exists()


@pytest.mark.sqlite_only("an empty file")
def test_db_check_reports_an_empty_file_and_an_unusable_url(capsys, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch(mode=0o600)
    code, out, _ = run(capsys, "db", "check", "--database", str(empty))
    assert code == 1 and "Schema version is none" in out
    code, out, err = run(capsys, "db", "check", "--database", "postgresql://nobody@127.0.0.1:1/x")
    assert code == 1 and err == "" and out.startswith("problem: ")


def test_list_lines_up_chinese_names(capsys):
    run(capsys, *ADD)
    run(capsys, *ADD[:3], "王芳", "--mrn", "77", *ADD[6:])
    _, out, _ = run(capsys, "patient", "list")
    _, *rows = out.splitlines()
    wide = next(r for r in rows if "王芳" in r)
    narrow = next(r for r in rows if "王芳" not in r)
    from planner.core.columns import display_width as _display_width

    assert _display_width(wide[:wide.index("anlotinib")]) == _display_width(narrow[:narrow.index("anlotinib")])


@pytest.mark.sqlite_only("damaged pages of the file")
def test_db_check_finds_damaged_pages(capsys, tmp_path):
    import sqlite3

    db = tmp_path / "damaged.sqlite3"
    for i in range(30):
        run(capsys, *ADD[:5], f"M{i}", *ADD[6:], "--database", str(db))
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 5, len(data), 4096):  # scribble over every page after the schema
        data[offset + 100: offset + 300] = b"\x07" * 200
    db.write_bytes(bytes(data))
    code, out, err = run(capsys, "db", "check", "--database", str(db))
    assert code == 1 and err == ""
    assert out.startswith("problem: ") and ("malformed" in out or "Integrity check" in out)


@pytest.mark.slow
@pytest.mark.sqlite_only("the default database file")
def test_default_database_in_the_user_data_folder(tmp_path):
    """With no --database and no PLANNER_DATABASE, the per-user data folder is used (created 0700/0600)."""
    env = {k: v for k, v in os.environ.items() if k != "PLANNER_DATABASE"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env["HOME"] = str(tmp_path / "home")
    result = subprocess.run([sys.executable, "-m", "planner", *ADD], env=env, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "planner", "patient", "list", "--json"], env=env,
                            capture_output=True, text=True, check=False)
    assert json.loads(result.stdout)[0]["mrn"] == "12345"
    found = list(tmp_path.rglob("planner.sqlite3"))
    assert len(found) == 1 and "cycle-planner" in str(found[0])
    assert oct(found[0].stat().st_mode & 0o777) == "0o600"


def test_db_check_reports_a_dropped_audit_trigger(capsys, database):
    from sqlalchemy import create_engine, text

    run(capsys, *ADD)
    code, out, _ = run(capsys, "db", "check")
    assert (code, out.split(":")[0]) == (0, "ok")
    engine = create_engine(database if "://" in database else f"sqlite:///{os.environ['PLANNER_DATABASE']}")
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_delete" + ("" if engine.dialect.name == "sqlite" else
                                                                 " ON audit_log")))
    engine.dispose()
    code, out, err = run(capsys, "db", "check")
    assert code == 1 and err == ""
    assert out.startswith("problem: The audit log is not protected: its trigger audit_log_no_delete is missing")


def test_db_check_prints_the_chain_head_and_names_a_tampered_record(capsys, database):
    from sqlalchemy import create_engine, text

    run(capsys, *ADD)
    run(capsys, "patient", "delay", "12345", "--cycle", "2", "--days", "7", "--reason", "ANC 0.9")
    code, out, _ = run(capsys, "db", "check")
    ok, head = out.splitlines()
    assert code == 0 and ok.startswith("ok: ")
    assert head.startswith("audit chain head: entry 2 sha256:") and len(head.split("sha256:")[1]) == 64
    engine = create_engine(database if "://" in database else f"sqlite:///{os.environ['PLANNER_DATABASE']}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE modifications SET data = :data"),
                     {"data": '{"kind": "delay", "cycle": 2, "days": 1}'})
    engine.dispose()
    code, out, err = run(capsys, "db", "check")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "problem: Patient 12345: the stored record does not match its last entry in the audit log (2); it was "
        "changed outside Cycle Planner.", head]


@pytest.mark.parametrize(("argv", "message"), [
    ([*ADD[:3], "Wang\x00Fang", *ADD[4:]], "error: Name: contains a control character (U+0000)"),
    ([*ADD, "--diagnosis", "sarcoma\x00"], "error: Diagnosis: contains a control character (U+0000)"),
])
def test_a_nul_character_is_refused_naming_the_field(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1
    _, out, _ = run(capsys, "patient", "list", "--json")
    assert json.loads(out) == []


def test_a_nul_character_in_a_reason_is_refused_naming_the_field(capsys):
    run(capsys, *ADD)
    code, out, err = run(capsys, "patient", "delay", "12345", "--cycle", "2", "--days", "7", "--reason", "AN\x00C")
    assert (code, out) == (2, "") and err.startswith("error: Reason: contains a control character (U+0000)")
    _, out, _ = run(capsys, "patient", "list", "--json")
    assert [r["version"] for r in json.loads(out)] == [1]
