"""`planner assess` and `planner patient assess`: the issue 11 CLI contract."""

from __future__ import annotations

import json

import pytest

from planner.cli import main

PLAN = ["assess", "--start", "2026-01-05", "--height", "170", "--weight", "70"]


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assess_json(capsys, *argv) -> dict:
    code, out, err = run(capsys, *PLAN, *argv, "--json")
    assert code == 0 and err == ""
    return json.loads(out)


def test_json_contract_shape(capsys):
    data = assess_json(capsys, "--cycle", "2", "--anc", "1.5", "--platelets", "100")
    assert data == {
        "cycle": 2, "decision": "proceed",
        "drugs": [{"drug": "anlotinib", "action": "give", "dose_mg_per_m2": None, "dose_mg": 12, "rules": []},
                  {"drug": "epirubicin", "action": "give", "dose_mg_per_m2": 90, "dose_mg": 164, "rules": []}],
        "missing": [], "requires": []}


@pytest.mark.parametrize(("bilirubin", "per_m2", "mg"), [
    ("20.52", 45, 82), ("1.2mg/dL", 45, 82), ("3.0mg/dL", 45, 82), ("51.3umol/L", 45, 82),
    ("3.01mg/dL", 22.5, 41), ("51.31µmol/L", 22.5, 41), ("20", 90, 164),
])
def test_bilirubin_units_on_the_command_line(capsys, bilirubin, per_m2, mg):
    data = assess_json(capsys, "--cycle", "2", "--anc", "2", "--platelets", "150", "--bilirubin", bilirubin)
    epirubicin = data["drugs"][1]
    assert (epirubicin["dose_mg_per_m2"], epirubicin["dose_mg"]) == (per_m2, mg)


def test_hold_incomplete_and_maintenance(capsys):
    held = assess_json(capsys, "--cycle", "3", "--anc", "1.49", "--platelets", "100")
    assert held["decision"] == "hold" and [d["action"] for d in held["drugs"]] == ["hold", "hold"]
    assert all(d["dose_mg"] is None and d["dose_mg_per_m2"] is None for d in held["drugs"])
    assert held["drugs"][1]["rules"][0]["code"] == "start-anc" and held["drugs"][1]["rules"][0]["source"]
    incomplete = assess_json(capsys, "--cycle", "3")
    assert incomplete["decision"] == "incomplete" and incomplete["missing"] == ["anc", "platelets"]
    maintenance = assess_json(capsys, "--cycle", "8")
    assert maintenance["decision"] == "proceed" and [d["drug"] for d in maintenance["drugs"]] == ["anlotinib"]


def test_toxicities_ongoing_and_requires(capsys):
    data = assess_json(capsys, "--cycle", "1", "--anc", "2", "--platelets", "150", "--toxicity", "Hemorrhage:2",
                       "--toxicity", "nausea:3")
    assert data["decision"] == "hold" and data["requires"] == ["lvef"]
    anlotinib, epirubicin = data["drugs"]
    assert anlotinib["action"] == "hold" and anlotinib["rules"][0]["code"] == "anlotinib-bleeding-grade-2"
    assert epirubicin["action"] == "reduce" and epirubicin["dose_mg_per_m2"] == 67.5 and epirubicin["dose_mg"] == 123
    ongoing = assess_json(capsys, "--cycle", "2", "--anc", "2", "--platelets", "150", "--ongoing", "diarrhea:2")
    assert ongoing["decision"] == "hold"
    limit = assess_json(capsys, "--cycle", "2", "--anc", "2", "--platelets", "150", "--prior", "epirubicin:850",
                        "--lvef", "60")
    assert limit["requires"] == ["prescriber-confirmation"]


def test_plan_options_apply(capsys):
    data = assess_json(capsys, "--cycle", "3", "--anc", "2", "--platelets", "150", "--reduce", "epirubicin:2:75",
                       "--nadir-platelets", "49", "--round-to", "5")
    assert data["drugs"][1]["dose_mg_per_m2"] == 56.25 and data["drugs"][1]["dose_mg"] == 100  # 102.375 -> 100


def test_human_report(capsys):
    code, out, _ = run(capsys, *PLAN, "--cycle", "2", "--anc", "2", "--platelets", "150", "--ast", "100",
                       "--uln-ast", "40")
    assert code == 0
    assert "Cycle 2: MODIFY" in out and "50% x 90 mg/m² = 45 mg/m² x 1.82 m² = 81.9 -> 82 mg" in out
    assert "[epirubicin-hepatic-moderate]" in out and "source: Epirubicin label" in out
    _, out, _ = run(capsys, *PLAN, "--cycle", "2")
    assert "INCOMPLETE" in out and "Missing: anc, platelets" in out


@pytest.mark.parametrize(("args", "field"), [
    (["--anc", "-1"], "anc"), (["--platelets", "-5"], "platelets"), (["--platelets", "2001"], "platelets"),
    (["--hb", "10"], "hb"), (["--ast", "50", "--uln-ast", "0"], "uln-ast"), (["--ast", "50"], "uln-ast"),
    (["--alt", "50"], "uln-alt"), (["--lvef", "95"], "lvef"), (["--bilirubin", "2000"], "bilirubin"),
    (["--bilirubin", "2g/L"], "bilirubin"), (["--toxicity", "bleeding:6"], "toxicity"),
    (["--toxicity", "bleeding:5"], "end the treatment"), (["--toxicity", "sneezing:2"], "toxicity"),
    (["--ongoing", "fatigue:0"], "ongoing"), (["--nadir-anc", "-0.1"], "nadir-anc"),
])
def test_bad_input_exits_2_with_one_line_naming_the_field(capsys, args, field):
    code, out, err = run(capsys, *PLAN, "--cycle", "2", *args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and field in err


@pytest.mark.parametrize("cycle", ["13", "0", "two"])
def test_a_cycle_that_does_not_exist(capsys, cycle):
    code, _, err = run(capsys, *PLAN, "--cycle", cycle)
    assert code == 2 and err.startswith("error: ") and "ycle" in err and err.count("\n") == 1


def test_patient_assess_reads_the_record(capsys, tmp_path):
    db = ["--database", str(tmp_path / "ward.sqlite3")]
    code, _, _ = run(capsys, "patient", "add", "--name", "Wang Fang", "--mrn", "12345", "--height", "170",
                     "--weight", "70", "--measured-on", "2026-01-02", "--start", "2026-01-05", *db)
    assert code == 0
    code, out, err = run(capsys, "patient", "assess", "12345", "--cycle", "2", "--anc", "2", "--platelets", "150",
                         "--nadir-anc", "0.2", "--json", *db)
    data = json.loads(out)
    assert code == 0 and data["decision"] == "modify" and data["drugs"][1]["dose_mg_per_m2"] == 67.5
    code, out, _ = run(capsys, "patient", "history", "12345", "--json", *db)
    assert len(json.loads(out)) == 1  # read-only: only the "add" is on the audit trail
    code, _, err = run(capsys, "patient", "assess", "12345", "--cycle", "99", *db)
    assert code == 2 and err.startswith("error: ")


def test_single_drug_regimens_carry_their_own_rules(capsys):
    epirubicin = assess_json(capsys, "--regimen", "epirubicin", "--cycle", "1", "--anc", "1", "--platelets", "150")
    assert epirubicin["decision"] == "hold" and epirubicin["requires"] == ["lvef"]
    anlotinib = assess_json(capsys, "--regimen", "anlotinib", "--cycle", "1", "--toxicity", "bleeding:3")
    assert anlotinib["decision"] == "stop" and anlotinib["missing"] == []
    assert assess_json(capsys, "--regimen", "anlotinib", "--cycle", "1")["decision"] == "proceed"


def _ward(capsys, tmp_path, *extra) -> list[str]:
    db = ["--database", str(tmp_path / "ward.sqlite3")]
    code, _, _ = run(capsys, "patient", "add", "--name", "Wang Fang", "--mrn", "12345", "--height", "170",
                     "--weight", "70", "--measured-on", "2026-01-02", "--start", "2026-01-05", *extra, *db)
    assert code == 0
    return db


def test_patient_assess_accept_applies_the_proposal(capsys, tmp_path):
    db = _ward(capsys, tmp_path)
    code, out, err = run(capsys, "patient", "assess", "12345", "--cycle", "2", "--anc", "2", "--platelets", "150",
                         "--nadir-anc", "0.2", "--accept", "--reason", "nadir reviewed", "--json", *db)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["accepted"] is True and data["decision"] == "modify" and data["version"] == 2
    (mod,) = data["modifications"]
    assert mod["kind"] == "dose_percent" and mod["drug"] == "epirubicin" and mod["percent"] == "75"
    assert mod["of"] == "current" and "[epirubicin-nadir]" in mod["reason"]
    # the stored plan now gives 67.5 mg/m² in cycle 2: the same assessment proposes it unchanged
    code, out, _ = run(capsys, "patient", "assess", "12345", "--cycle", "2", "--anc", "2", "--platelets", "150",
                       "--json", *db)
    assert json.loads(out)["drugs"][1]["dose_mg_per_m2"] == 67.5
    code, out, _ = run(capsys, "patient", "history", "12345", "--json", *db)
    assert [e["action"] for e in json.loads(out)][-2:] == ["modification.add", "assessment.accept"]


def test_patient_assess_accept_a_hold_delays_by_the_given_days(capsys, tmp_path):
    db = _ward(capsys, tmp_path)
    code, out, err = run(capsys, "patient", "assess", "12345", "--cycle", "2", "--anc", "1.2", "--platelets", "150",
                         "--accept", "--reason", "counts low", "--delay-days", "14", *db)
    assert code == 0 and err == ""
    assert "HOLD" in out and "delay cycle 2 by 14 days" in out


@pytest.mark.parametrize(("extra", "field"), [
    (["--anc", "2", "--reason", "ok"], "platelets"),  # incomplete: cannot be accepted
    (["--anc", "2", "--platelets", "150"], "reason"),  # --accept without --reason
    (["--anc", "2", "--platelets", "150", "--reason", "ok", "--delay-days", "0"], "Delay"),
])
def test_patient_assess_accept_refusals_exit_2_and_change_nothing(capsys, tmp_path, extra, field):
    db = _ward(capsys, tmp_path)
    code, out, err = run(capsys, "patient", "assess", "12345", "--cycle", "2", "--accept", *extra, *db)
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1 and field in err
    code, out, _ = run(capsys, "patient", "history", "12345", "--json", *db)
    assert len(json.loads(out)) == 1


def test_patient_assess_accept_needs_the_prescriber_past_900(capsys, tmp_path):
    db = _ward(capsys, tmp_path, "--prior", "epirubicin:850")
    args = ["patient", "assess", "12345", "--cycle", "1", "--anc", "2", "--platelets", "150", "--lvef", "60",
            "--accept", "--reason", "cumulative reviewed", "--json", *db]
    code, _, err = run(capsys, *args)
    assert code == 2 and "prescriber" in err
    code, out, err = run(capsys, *args, "--prescriber", "Dr Li")
    assert code == 0 and json.loads(out)["prescriber"] == "Dr Li"


def test_patient_assess_options_of_accept_need_accept(capsys, tmp_path):
    db = _ward(capsys, tmp_path)
    code, _, err = run(capsys, "patient", "assess", "12345", "--cycle", "2", "--reason", "x", *db)
    assert code == 2 and "--accept" in err
