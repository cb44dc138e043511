"""Outputs never clobber data; read-only commands never create a database; the CLI's last-resort handler."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from planner import cli
from planner.cli import main

ADD = ["patient", "add", "--name", "Wang Fang", "--mrn", "P1", "--height", "170", "--weight", "70",
       "--start", "2026-01-05"]
PLAN = ["--start", "2026-01-05", "--height", "170", "--weight", "70"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ward.sqlite3"
    assert main([*ADD, "--database", str(path)]) == 0
    return path


def _writers(db: Path, out: Path) -> list[list[str]]:
    where = ["--database", str(db)]
    return [
        ["patient", "export", "P1", *where, "--out", str(out)],
        ["pdf", "--kind", "patient", "--patient", "P1", *where, "--out", str(out)],
        ["pdf", "--kind", "clinician", "--name", "A", "--mrn", "M1", *PLAN, *where, "--out", str(out)],
        ["ics", "--patient", "P1", *where, "--out", str(out)],
        ["table", *PLAN, *where, "--out", str(out)],
        ["daylist", "2026-01-05", *where, "--out", str(out)],
    ]


@pytest.mark.parametrize("index", range(6), ids=["export", "pdf-patient", "pdf-clinician", "ics", "table",
                                                  "daylist"])
def test_out_at_the_database_leaves_it_byte_identical(db: Path, capsys: pytest.CaptureFixture[str],
                                                      index: int) -> None:
    before = db.read_bytes()
    for target in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-journal")):
        assert main(_writers(db, target)[index]) == 2
        assert "that is the patient database" in capsys.readouterr().err
        assert db.read_bytes() == before
    link = db.parent / "innocent.pdf"
    link.symlink_to(db)
    assert main(_writers(db, link)[index]) == 2
    hard = db.parent / "hard.csv"
    os.link(db, hard)
    assert main(_writers(db, hard)[index]) == 2
    assert db.read_bytes() == before


def test_out_at_the_default_database_is_refused_even_without_database(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default.sqlite3"
    monkeypatch.setenv("PLANNER_DATABASE", str(default))
    assert main(ADD) == 0
    before = default.read_bytes()
    assert main(["ics", *PLAN, "--out", str(default)]) == 2
    assert default.read_bytes() == before


def test_out_refuses_devices_fifos_and_folders_without_hanging(db: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    results: list[int] = []
    worker = threading.Thread(target=lambda: results.append(main(["ics", *PLAN, "--out", str(fifo)])), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert results == [2], "an --out naming a FIFO must be refused at once, not opened"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert main(["table", *PLAN, "--out", "/dev/null"]) == 2
    assert main(["patient", "export", "P1", "--database", str(db), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not an ordinary file" in err and "that is a folder" in err


def test_import_refuses_a_file_that_is_not_ordinary(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    before = db.read_bytes()
    assert main(["patient", "import", str(fifo), "--database", str(db)]) == 2
    assert db.read_bytes() == before


@pytest.mark.parametrize("argv", [["patient", "list"], ["patient", "show", "P1"], ["patient", "history", "P1"],
                                  ["patient", "export", "P1", "--out", "x.json"],
                                  ["pdf", "--kind", "patient", "--patient", "P1", "--out", "x.pdf"],
                                  ["daylist", "2026-01-05", "--out", "x.pdf"],
                                  ["patient", "delay", "P1", "--cycle", "2", "--days", "7", "--reason", "r"]])
def test_commands_that_only_read_refuse_a_missing_database(argv: list[str], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "typo" / "ward.sqlite3"
    assert main([*argv, "--database", str(typo)]) == 2
    assert f"no database at {typo}" in capsys.readouterr().err
    assert not typo.parent.exists()


def test_an_empty_database_option_is_an_error_not_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["patient", "list", "--database", ""]) == 2
    assert "--database: empty" in capsys.readouterr().err
    assert main([*ADD, "--database="]) == 2


def test_folders_the_app_creates_are_private_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "ward.sqlite3"
    old = os.umask(0)
    try:
        assert main([*ADD, "--database", str(target)]) == 0
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_database_urls_are_shown_without_their_password(capsys: pytest.CaptureFixture[str]) -> None:
    for url in ("postgresql://nurse:s3cret@[broken/ward", "postgresql://nurse:s3cret@localhost:bad/ward",
                "nosuchdialect://nurse:s3cret@host/ward"):
        assert main(["patient", "list", "--database", url]) == 2
        err = capsys.readouterr().err
        assert "s3cret" not in err and err.count("\n") == 1


def test_a_negative_looking_value_is_read_as_a_value(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bsa", "--height", "-1.7m", "--weight", "70"]) == 2
    assert "Height must be more than 0" in capsys.readouterr().err
    assert main(["plan", "--start", "2026-01-05", "--height", "170", "--weight", "-70"]) == 2
    assert "Weight must be more than 0" in capsys.readouterr().err


def test_modification_options_say_what_is_expected(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", *PLAN, "--omit", "anlotinib:3:abc"]) == 2
    err = capsys.readouterr().err
    assert "'abc' is not a number" in err and "invalid literal" not in err
    assert main(["plan", *PLAN, "--omit", "anlotinib:3:0-5"]) == 2
    err = capsys.readouterr().err
    assert "day 0 is outside the 21-day cycle" in err and "366" not in err
    assert main(["plan", *PLAN, "--delay", "x:3"]) == 2
    assert "--delay: the cycle: 'x' is not a whole number" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "words"), [
    (["plan", "--start", "9999-12-01", "--height", "170", "--weight", "70"], "Start"),
    (["plan", "--start", "2099-06-01", "--height", "170", "--weight", "70"], "every plan must end by 2099-12-31"),
    (["plan", *PLAN, "--round-to", "1e-30"], "Rounding step"),
    (["plan", *PLAN, "--prior", "doxorubicin:1e999999999"], "--prior"),
    (["plan", *PLAN, "--prior", "doxorubicin:1501"], "0 to 1500 mg/m²"),
    (["bsa", "--height", "9" * 28, "--weight", "70"], "Height"),
    (["bsa", "--height", "170", "--weight", "70", "--bsa-cap", "0.3"], "BSA cap: enter 1.00 to 3.00"),
    (["bsa", "--height", "170", "--weight", "70", "--bsa-cap", "0.001"], "BSA cap"),
])
def test_extreme_values_are_field_errors(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and err.count("\n") == 1


def test_an_unexpected_exception_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: object) -> int:
        raise KeyError("patient Wang Fang")  # what a bug might carry: never printed

    monkeypatch.setattr("planner.commands.bsa.run", broken)
    monkeypatch.delenv(cli.DEBUG_VAR)
    assert main(["bsa", "--height", "170", "--weight", "70"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err == "error: internal error (KeyError)\n"
    monkeypatch.setenv(cli.DEBUG_VAR, "1")
    with pytest.raises(KeyError):
        main(["bsa", "--height", "170", "--weight", "70"])
