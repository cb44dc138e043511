import json
import subprocess
import sys

import pytest

from planner.cli import main

BASE = ["plan", "--start", "2026-01-05", "--height", "170", "--weight", "70"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_bsa_json_contract(capsys):
    code, out, _ = run(capsys, "bsa", "--height", "170", "--weight", "70", "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"formula", "height_cm", "weight_kg", "bsa_m2", "bsa_m2_exact"}
    assert data["formula"] == "mosteller" and data["bsa_m2"] == 1.82
    assert abs(data["bsa_m2_exact"] - 1.8181) < 0.0001 and data["height_cm"] == 170


def test_bsa_units_and_formula(capsys):
    _, out, _ = run(capsys, "bsa", "--height", "67in", "--weight", "154lb", "--formula", "dubois", "--json")
    data = json.loads(out)
    assert data["formula"] == "dubois" and data["height_cm"] == 170.18
    assert data["weight_kg"] == 69.85  # 154 lb = 69.85322498 kg, kept to 0.01 kg


def test_bsa_readable(capsys):
    _, out, _ = run(capsys, "bsa", "--height", "170", "--weight", "70")
    assert "1.82 m²" in out and "Mosteller" in out


def test_plan_json_contract(capsys):
    code, out, _ = run(capsys, *BASE, "--json")
    data = json.loads(out)
    assert code == 0 and data["regimen"] == "anlotinib-epirubicin"
    assert len(data["cycles"]) == 12 and len(data["days"]) == 252
    c1 = data["cycles"][0]
    assert {"cycle", "phase", "start", "end", "weight_kg", "bsa_m2", "doses", "cumulative", "warnings"} <= set(c1)
    assert (c1["cycle"], c1["phase"], c1["start"], c1["end"]) == (1, "combination", "2026-01-05", "2026-01-25")
    epi = next(d for d in c1["doses"] if d["drug"] == "epirubicin")
    assert epi["dose_mg"] == 164 and epi["route"] == "IV" and epi["dose_mg_per_m2"] == 90
    anl = next(d for d in c1["doses"] if d["drug"] == "anlotinib")
    assert anl["dose_mg"] == 12 and anl["route"] == "oral" and "dose_mg_per_m2" not in anl
    assert c1["cumulative"]["epirubicin_mg_per_m2"] == 90 and c1["warnings"] == []
    day = data["days"][0]
    assert {"date", "cycle", "day", "phase", "administrations"} <= set(day)
    assert {"drug": "epirubicin", "dose_mg": 164, "route": "IV"} in day["administrations"]
    assert data["days"][14]["administrations"] == []  # day 15: rest day
    assert isinstance(c1["bsa_m2"], float) and isinstance(epi["dose_mg"], int)


def test_plan_modifications_and_settings(capsys):
    code, out, _ = run(capsys, *BASE, "--json", "--delay", "3:7", "--reduce", "anlotinib:5:10",
                       "--weight-at", "4:62kg", "--prior", "doxorubicin:400", "--round-to", "5",
                       "--maintenance-cycles", "2", "--formula", "dubois", "--recalc-threshold", "0")
    data = json.loads(out)
    assert code == 0 and len(data["cycles"]) == 8
    assert data["cycles"][2]["start"] == "2026-02-23"
    assert next(d for d in data["cycles"][4]["doses"] if d["drug"] == "anlotinib")["dose_mg"] == 10
    assert data["cycles"][3]["weight_kg"] == 62
    assert all(next(d for d in c["doses"] if d["drug"] == "epirubicin")["dose_mg"] % 5 == 0
               for c in data["cycles"][:6])
    assert data["cycles"][4]["warnings"][0]["code"] == "cumulative-epirubicin-limit"


def test_plan_csv_and_table(capsys):
    _, out, _ = run(capsys, *BASE, "--csv")
    lines = out.splitlines()
    assert lines[0] == ("date,cycle,day,phase,anlotinib_mg,epirubicin_mg,blood_test,anlotinib_status,"
                        "epirubicin_status,anlotinib_level,epirubicin_level,delay_days,reason")
    assert lines[1] == "2026-01-05,1,1,combination,12,164,False,given,given,12,90,0," and len(lines) == 253
    _, out, _ = run(capsys, *BASE)
    assert "90 mg/m² x 1.82 m² = 163.8 -> 164 mg" in out and "2026-01-05" in out


def test_round_to_five_example(capsys):
    _, out, _ = run(capsys, "plan", "--start", "2026-01-05", "--height", "171.1", "--weight", "72",
                    "--regimen", "epirubicin", "--json", "--round-to", "5")
    data = json.loads(out)
    assert data["cycles"][0]["bsa_m2"] == 1.85
    assert data["cycles"][0]["doses"][0]["dose_mg"] == 165  # 166.5 -> 165 at a 5 mg step


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--formula", "fujimoto"], "BSA formula"),
        (["--start", "2026-02-30"], "--start"),
        (["--start", "05/01/2026"], "--start"),
        (["--reduce", "anlotinib:3:9"], "Dose level"),
        (["--reduce", "cisplatin:3:9"], "Drug"),
        (["--delay", "13:7"], "Delay"),
        (["--delay", "3:-7"], "Delay"),
        (["--delay", "3"], "--delay"),
        (["--delay", "three:7"], "--delay"),
        (["--weight-at", "3:0"], "Weight"),
        (["--prior", "aspirin:300"], "Prior anthracycline"),
        (["--prior", "doxorubicin:-1"], "Prior anthracycline"),
        (["--round-to", "0"], "Rounding step"),
        (["--round-to", "abc"], "--round-to"),
        (["--recalc-threshold", "-5"], "Recalculation threshold"),
        (["--maintenance-cycles", "x"], "--maintenance-cycles"),
        (["--regimen", "folfox"], "Regimen"),
        (["--height", "abc"], "Height"),
        (["--weight", "0"], "Weight"),
        (["--omit", "anlotinib:3:15"], "Omitted days"),
        (["--reduce", "epirubicin:2:-1", "--reduce", "epirubicin:4:-1"], "already at 75 mg/m² in cycle 4"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, extra, words):
    argv = list(BASE)
    for i in range(0, len(extra), 2):  # an option given again replaces the base value
        if extra[i] in ("--start", "--height", "--weight"):
            argv[argv.index(extra[i]) + 1:argv.index(extra[i]) + 2] = extra[i + 1:i + 2]
        else:
            argv.extend(extra[i:i + 2])
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1 and words in err
    assert out == ""


@pytest.mark.parametrize("argv", [["plan", "--start", "2026-01-05"], [*BASE, "--json", "--csv"], ["bsa"], ["dance"]])
def test_argparse_errors_are_one_line_too(argv):
    proc = subprocess.run([sys.executable, "-m", "planner", *argv], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_python_m_planner_matches_and_bsa_stays_light():
    code = ("import sys, runpy; sys.argv=['planner','bsa','--height','170','--weight','70','--json'];"
            "\ntry:\n runpy.run_module('planner', run_name='__main__')\nexcept SystemExit: pass\n"
            "heavy=[m for m in ('PySide6','pandas','reportlab','sqlalchemy','dateutil') if m in sys.modules];"
            "print('HEAVY', heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert '"bsa_m2": 1.82' in proc.stdout
    assert "HEAVY []" in proc.stdout
