"""Hostile input on every CLI option and every plan-file field: a result, or exit 2 with one line that
names the field; never a traceback (PLANNER_DEBUG=1 re-raises it here), a hang or a changed database."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

PLAN = ["--start", "2026-01-05", "--height", "170", "--weight", "70"]
ADD = ["patient", "add", "--name", "Wang Fang", "--mrn", "P1", "--dob", "1970-03-01", "--height", "170",
       "--weight", "70", "--measured-on", "2026-01-02", "--start", "2026-01-05"]

# What people (and attackers) type: numbers at the edges of Decimal and the calendar, words, invisible and
# control characters, terminal escapes, bidi overrides, option-like values.
NASTY = [
    "", " ", "0", "-0", "-1", "-1.7m", "1e-30", "1e999999999", "-1e999999999", "9" * 28, "9" * 400, "NaN", "sNaN",
    "Infinity", "-inf", "0x10", "1_000", "1,5", "１７０", "١٧٠", "abc", "3:abc", "0-5", "1-999999999", "99:99",
    "9999-12-31", "0001-01-01", "2100-01-01", "2099-06-01", "1899-12-31", "2026-02-30", "\x00", "a\x00b",
    "\x1b[31mred", "\u202eevil", "a\u200bb", "line\nbreak", "tab\there", "--help", "-", ":", "::", "a:b:c:d",
    "doxorubicin:1e999999999", "doxorubicin:-5", "epirubicin:1500.0001", "anlotinib:3:8-14", "anlotinib:0:1",
    "epirubicin:1:-1", "epirubicin:99:1", "anlotinib:3:abc", "1:9999", "1:-1", "4:63kg", "4:1e9kg", "2:7",
    "mosteller", "x" * 5000, "王芳", "O'Brien-Smith", "2.55", "3.01", "0.3", "1.815",
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=12),
                   st.from_regex(r"-?[0-9]{0,30}(\.[0-9]{0,30})?(e-?[0-9]{1,10})?[a-z]{0,3}", fullmatch=True))

# (command line without the option, the option, words one of which the error must contain)
OPTIONS: list[tuple[list[str], str, tuple[str, ...]]] = [
    (["bsa", "--weight", "70"], "--height", ("height",)),
    (["bsa", "--height", "170"], "--weight", ("weight",)),
    (["bsa", "--height", "170", "--weight", "70"], "--bsa-cap", ("cap",)),
    (["bsa", "--height", "170", "--weight", "70"], "--formula", ("formula",)),
    (["plan", "--height", "170", "--weight", "70"], "--start", ("start",)),
    (["plan", "--start", "2026-01-05", "--weight", "70"], "--height", ("height",)),
    (["plan", "--start", "2026-01-05", "--height", "170"], "--weight", ("weight",)),
    (["plan", *PLAN], "--regimen", ("regimen",)),
    (["plan", *PLAN], "--formula", ("formula",)),
    (["plan", *PLAN], "--maintenance-cycles", ("maintenance",)),
    (["plan", *PLAN], "--recalc-threshold", ("threshold", "recalc")),
    (["plan", *PLAN], "--round-to", ("round",)),
    (["plan", *PLAN], "--bsa-cap", ("cap",)),
    (["plan", *PLAN], "--delay", ("delay", "cycle")),
    (["plan", *PLAN], "--reduce", ("reduce", "level", "drug", "cycle")),
    (["plan", *PLAN], "--omit", ("omit", "drug", "cycle", "day")),
    (["plan", *PLAN], "--stop", ("stop", "drug", "cycle", "day")),
    (["plan", *PLAN], "--weight-at", ("weight", "cycle")),
    (["plan", *PLAN], "--prior", ("prior", "anthracycline")),
    (["pdf", "--kind", "patient", "--name", "A", "--mrn", "M1", *PLAN, "--phone", "Ward 1"], "--dob", ("dob", "birth")),
    (["pdf", "--kind", "clinician", "--name", "A", "--mrn", "M1", *PLAN], "--measured-on", ("measured",)),
    (["pdf", "--kind", "patient", "--mrn", "M1", *PLAN, "--phone", "Ward 1"], "--name", ("name",)),
    (["pdf", "--kind", "patient", "--name", "A", *PLAN, "--phone", "Ward 1"], "--mrn", ("mrn",)),
    (["pdf", "--kind", "patient", "--name", "A", "--mrn", "M1", *PLAN, "--phone", "Ward 1"], "--start", ("start",)),
    (["pdf", "--kind", "patient", "--name", "A", "--mrn", "M1", *PLAN, "--phone", "Ward 1"], "--institution",
     ("institution",)),
    (["pdf", "--kind", "patient", "--name", "A", "--mrn", "M1", *PLAN], "--phone", ("phone",)),
    (["ics", *PLAN], "--delay", ("delay", "cycle")),
    (["ics", *PLAN], "--mrn", ("mrn",)),
    (["table", *PLAN], "--weight-at", ("weight", "cycle")),
    (["patient", "add", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"], "--name",
     ("name",)),
    (["patient", "add", "--name", "A", "--height", "170", "--weight", "70", "--start", "2026-01-05"], "--mrn",
     ("mrn",)),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"],
     "--dob", ("dob", "birth")),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"],
     "--diagnosis", ("diagnosis",)),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"],
     "--allergies", ("allergies",)),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--weight", "70", "--start", "2026-01-05"], "--height",
     ("height",)),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"],
     "--measured-on", ("measured",)),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70"], "--start",
     ("start", "plan")),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"],
     "--prior", ("prior", "anthracycline")),
    (["patient", "add", "--name", "A", "--mrn", "P9", "--height", "170", "--weight", "70", "--start", "2026-01-05"],
     "--round-to", ("round",)),
    (["patient", "delay", "P1", "--days", "7", "--reason", "ANC"], "--cycle", ("cycle", "delay")),
    (["patient", "delay", "P1", "--cycle", "2", "--reason", "ANC"], "--days", ("days", "delay")),
    (["patient", "delay", "P1", "--cycle", "2", "--days", "7"], "--reason", ("reason",)),
    (["patient", "weight", "P1", "--cycle", "2"], "--weight", ("weight",)),
    (["patient", "weight", "P1", "--cycle", "2", "--weight", "69"], "--measured-on", ("measured",)),
    (["patient", "withdraw", "P1"], "--reason", ("reason",)),
    (["patient", "list"], "--today", ("today",)),
    (["patient", "withdraw", "P1", "--reason", "moved"], "--user", ("user",)),
    (["daylist", "--out", "day.pdf"], "", ("date",)),  # "": the value is the positional argument
    (["patient", "show"], "", ("mrn", "patient")),
    (["patient", "history"], "", ("mrn", "patient")),
    (["patient", "export", "--out", "p.json"], "", ("mrn", "patient")),
]


@pytest.fixture(scope="module")
def ward(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with patient P1, built once; each example works on a fresh copy."""
    folder = tmp_path_factory.mktemp("ward")
    db = folder / "ward.sqlite3"
    assert main([*ADD, "--database", str(db)]) == 0
    return db


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's own errors (unknown option, missing value)
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def assert_clean_refusal(code: int, err: str, names: tuple[str, ...]) -> None:
    assert code in (0, 2), (code, err)
    if code == 2:
        assert err.startswith("error: ") and err.endswith("\n") and err.count("\n") == 1, repr(err)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b]", err), repr(err)
        assert any(name in err.lower() for name in names), (names, err)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.parametrize(("base", "option", "names"), OPTIONS,
                         ids=[f"{b[0]}-{b[1] if not o else ''}{o}" for b, o, _ in OPTIONS])
@given(value=values)
def test_every_cli_option_refuses_hostile_values_cleanly(ward: Path, tmp_path: Path, base: list[str], option: str,
                                                         names: tuple[str, ...], value: str) -> None:
    db = tmp_path / "copy.sqlite3"
    shutil.copyfile(ward, db)
    before = db.read_bytes()
    argv = [*base, f"{option}={value}"] if option else list(base)
    if base[0] in ("pdf", "ics", "table"):
        out = tmp_path / ("out.csv" if base[0] == "table" else "out.bin")
        out.unlink(missing_ok=True)
        argv += ["--out", str(out)]
    if base[0] in ("patient", "daylist") or (base[0] in ("pdf", "ics", "table") and "--patient" in base):
        argv += ["--database", str(db)]
    if not option:  # a positional argument, after "--" so that "-x" is a value too
        argv = [arg.replace("day.pdf", str(tmp_path / "day.pdf")).replace("p.json", str(tmp_path / "p.json"))
                for arg in argv] + ["--", value]
    code, _, err = run(argv)
    assert_clean_refusal(code, err, (*names, option))
    if code != 0:
        assert db.read_bytes() == before  # a refusal never changes the database


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _leaves(value, (*path, key))] or [path]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in _leaves(value, (*path, i))] or [path]
    return [path]


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


json_values = st.one_of(
    st.sampled_from([None, True, 0, -1, 10**30, 1e308, -0.0, 99, 99_999, "9999-12-31", "0001-01-01", "1899-12-31",
                     "2100-12-31", "2026-02-30", "\x1b[2J", "\u202eP1", "a\u200bb", "x\ny", "", " ", "x" * 20_000,
                     "1e999999999", "NaN", [], {}, [1, 2], {"a": 1}, "IV", "mg_per_m2", "zzz"]),
    st.integers(), st.text(max_size=8), st.floats(allow_nan=False, allow_infinity=False))


@pytest.fixture(scope="module")
def plan_file(ward: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("planfile")
    db = folder / "with-history.sqlite3"
    shutil.copyfile(ward, db)
    for argv in (["patient", "delay", "P1", "--cycle", "2", "--days", "7", "--reason", "ANC 0.9"],
                 ["patient", "weight", "P1", "--cycle", "3", "--weight", "63", "--measured-on", "2026-02-01"]):
        assert main([*argv, "--database", str(db)]) == 0
    out = folder / "p1.json"
    assert main(["patient", "export", "P1", "--database", str(db), "--out", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    data["patient"]["mrn"] = "P2"  # imported next to P1
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_plan_file_field_refuses_hostile_values_cleanly(ward: Path, plan_file: dict[str, Any], tmp_path: Path,
                                                              data: st.DataObject) -> None:
    leaves = _leaves(plan_file)
    path = data.draw(st.sampled_from(leaves), label="field")
    value = data.draw(json_values, label="value")
    mutated = json.loads(json.dumps(plan_file))
    _set(mutated, path, value)
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(mutated), encoding="utf-8")
    db = tmp_path / "import.sqlite3"
    shutil.copyfile(ward, db)
    before = db.read_bytes()
    code, _, err = run(["patient", "import", str(source), "--database", str(db)])
    names = {str(part).lower() for part in path if isinstance(part, str)}
    names |= {name.replace("_", " ") for name in names} | {name.split("_")[0] for name in names}
    assert_clean_refusal(code, err, tuple(names) or ("plan file",))
    if code != 0:
        assert db.read_bytes() == before


def test_the_file_to_import_must_be_an_ordinary_file(ward: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.sqlite3"
    shutil.copyfile(ward, db)
    before = db.read_bytes()
    code, _, err = run(["patient", "import", "/dev/zero", "--database", str(db)])
    assert code == 2 and "not an ordinary file" in err and db.read_bytes() == before
