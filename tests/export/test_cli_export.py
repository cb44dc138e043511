import io
import stat
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from icalendar import Calendar

from planner.cli import main
from planner.core.modifications import Delay
from planner.store import PatientIdentity, PatientStore

from .conftest import pdf_pages, pdf_sizes, squash

PLAN = ["--start", "2026-01-05", "--height", "170", "--weight", "70"]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_patient_calendar_pdf(capsys, tmp_path):
    out = tmp_path / "calendar.pdf"
    code, stdout, err = run(capsys, "pdf", "--kind", "patient", *PLAN, "--reduce", "anlotinib:3:10",
                            "--name", "王芳", "--mrn", "12345", "--dob", "1955-03-02", "--paper", "letter",
                            "--institution", "SYSUCC", "--phone", "Day unit: 010-1234 5678", "--out", out)
    assert code == 0 and err == "" and stdout.strip() == str(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = squash(" ".join(pdf_pages(out.read_bytes())))
    assert "王芳" in text and "MRN 12345" in text and "Born 2 Mar 1955" in text
    assert "Anlotinib 10 mg - 1 capsule" in text and "Once daily before breakfast" in text
    assert "Day unit: 010-1234 5678" in text
    assert set(pdf_sizes(out.read_bytes())) == {(792, 612)}


def test_dose_sheet_pdf(capsys, tmp_path):
    out = tmp_path / "sheet.pdf"
    code, _, _ = run(capsys, "pdf", "--kind", "clinician", *PLAN, "--name", "Wang Fang", "--mrn", "12345",
                     "--measured-on", "2026-01-02", "--out", out)
    text = squash(" ".join(pdf_pages(out.read_bytes())))
    assert code == 0 and "90 mg/m² x 1.82 m² = 163.8 -> 164 mg" in text and "Measured on 2 Jan 2026" in text


def test_missing_identity_or_plan_is_named(capsys, tmp_path):
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "pdf", "--kind", "patient", *PLAN, "--name", "Wang", "--out", out)
    assert code == 2 and err == "error: --mrn: required; the patient's name and MRN print on every page.\n"
    code, _, err = run(capsys, "pdf", "--kind", "patient", "--name", "Wang", "--mrn", "1", "--out", out)
    assert code == 2 and err.startswith("error: --start, --height, --weight: required")
    code, _, err = run(capsys, "pdf", "--kind", "patient", *PLAN, "--name", "W", "--mrn", "1", "--dob", "02/03/1955",
                       "--out", out)
    assert code == 2 and "--dob" in err
    assert not out.exists()


def test_unwritable_destination_message(capsys, tmp_path):
    code, _, err = run(capsys, "table", *PLAN, "--out", tmp_path / "missing" / "plan.csv")
    assert code == 2 and "does not exist" in err


def test_ics_and_tables(capsys, tmp_path):
    assert run(capsys, "ics", *PLAN, "--mrn", "12345", "--out", tmp_path / "plan.ics")[0] == 0
    cal = Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) > 0
    assert run(capsys, "table", *PLAN, "--out", tmp_path / "plan.csv")[0] == 0
    assert run(capsys, "table", *PLAN, "--out", tmp_path / "plan.xlsx")[0] == 0
    csv = pd.read_csv(tmp_path / "plan.csv")
    xlsx = pd.read_excel(io.BytesIO((tmp_path / "plan.xlsx").read_bytes()))
    assert len(csv) == len(xlsx) == 12 * 21 and csv["epirubicin_mg"].iloc[0] == 164
    code, _, err = run(capsys, "table", *PLAN, "--out", tmp_path / "plan.txt")
    assert code == 2 and "should end in .csv or .xlsx" in err


@pytest.fixture
def filled_database(database):
    """Three patients, on SQLite and on PostgreSQL (the `database` fixture of tests/conftest.py)."""
    with PatientStore.open(database, actor="nurse.a") as store:
        record = store.add_patient(PatientIdentity(name="李娜 Li Na", mrn="A1", dob=date(1956, 4, 4)),
                                   height_cm=Decimal(160), weight_kg=Decimal(55), measured_on=date(2026, 1, 2),
                                   regimen_id="anlotinib-epirubicin", start=date(2026, 1, 5))
        store.add_modification("A1", Delay(2, 3), "ANC 1.2 on day 21", expected_version=record.version)
        store.add_patient(PatientIdentity(name="Zhou Wei", mrn="B2"), height_cm=Decimal(175),
                          weight_kg=Decimal(80), measured_on=date(2026, 1, 2), regimen_id="epirubicin",
                          start=date(2026, 1, 29))
        store.add_patient(PatientIdentity(name="Chen Jie", mrn="C3"), height_cm=Decimal(175),
                          weight_kg=Decimal(80), measured_on=date(2026, 1, 2), regimen_id="epirubicin",
                          start=date(2026, 1, 30))
    return database


def test_daylist_from_the_database(capsys, tmp_path, filled_database):
    out = tmp_path / "daylist.pdf"
    code, _, err = run(capsys, "daylist", "2026-01-29", "--database", filled_database, "--out", out)
    assert code == 0, err
    text = squash(" ".join(pdf_pages(out.read_bytes())))
    assert "Day list for 29 Jan 2026" in text
    assert "李娜 Li Na" in text and "(delayed 3 days)" in text and "reason: ANC 1.2 on day 21" in text
    assert "Zhou Wei" in text and "Cycle 1 starts" in text
    assert "Chen Jie" not in text


def test_pdf_for_a_patient_from_the_database(capsys, tmp_path, filled_database):
    out = tmp_path / "sheet.pdf"
    code, _, err = run(capsys, "pdf", "--kind", "clinician", "--patient", "A1", "--database", filled_database,
                       "--out", out)
    assert code == 0, err
    text = squash(" ".join(pdf_pages(out.read_bytes())))
    assert "李娜 Li Na" in text and "MRN A1" in text and "Measured on 2 Jan 2026" in text
    assert "Cycle 2 (Combination) - day 1: 29 Jan 2026 - delayed 3 days" in text
    code, _, err = run(capsys, "pdf", "--kind", "patient", "--patient", "ZZ", "--database", filled_database,
                       "--out", tmp_path / "none.pdf")
    assert code == 2 and "ZZ" in err and not (tmp_path / "none.pdf").exists()


@pytest.mark.parametrize("command", [["pdf", "--kind", "patient"], ["pdf", "--kind", "clinician"], ["ics"], ["table"]])
@pytest.mark.parametrize(("options", "named"), [
    (["--delay", "1:14"], "--delay"),
    (["--start", "2027-01-01", "--weight", "100"], "--start, --weight"),
    (["--reduce", "epirubicin:1:60", "--omit", "anlotinib:1:3", "--stop", "anlotinib:2", "--weight-at", "2:60",
      "--prior", "doxorubicin:100"], "--reduce, --omit, --stop, --weight-at, --prior"),
    (["--height", "180", "--regimen", "epirubicin", "--formula", "dubois", "--maintenance-cycles", "2",
      "--recalc-threshold", "5", "--round-to", "5", "--bsa-cap", "1.5"],
     "--height, --regimen, --formula, --maintenance-cycles, --recalc-threshold, --round-to, --bsa-cap"),
])
def test_patient_with_plan_options_is_refused(capsys, tmp_path, filled_database, command, options, named):
    out = tmp_path / ("out.csv" if command == ["table"] else "out.ics" if command == ["ics"] else "out.pdf")
    code, stdout, err = run(capsys, *command, "--patient", "A1", "--database", filled_database, *options, "--out", out)
    assert code == 2 and stdout == ""
    assert err == (f"error: {named}: not used with --patient: the plan comes from the patient's record; change it "
                   "there (planner patient ... or the app) and export again.\n")
    assert not out.exists()


def test_patient_exports_still_take_their_own_options(capsys, tmp_path, filled_database):
    code, _, err = run(capsys, "ics", "--patient", "A1", "--database", filled_database, "--out", tmp_path / "a.ics")
    assert code == 0, err
    code, _, err = run(capsys, "table", "--patient", "A1", "--database", filled_database, "--out", tmp_path / "a.csv")
    assert code == 0, err
    table = pd.read_csv(tmp_path / "a.csv")
    day1 = table[(table["cycle"] == 2) & (table["day"] == 1)]
    assert list(day1["date"]) == ["2026-01-29"]  # the record's delay of cycle 2 by 3 days
    code, _, err = run(capsys, "pdf", "--kind", "patient", "--patient", "A1", "--database", filled_database,
                       "--name", "Li Na", "--dob", "1956-04-04", "--paper", "letter", "--phone", "Ward 1",
                       "--out", tmp_path / "a.pdf")
    assert code == 0, err
    assert "Li Na" in squash(" ".join(pdf_pages((tmp_path / "a.pdf").read_bytes())))


@pytest.mark.slow
def test_command_module_keeps_heavy_libraries_out_of_start_up():
    code = ("import argparse, sys; from planner.commands import export; "
            "export.register(argparse.ArgumentParser().add_subparsers()); "
            "print(sorted(m for m in ('reportlab', 'pandas', 'icalendar', 'sqlalchemy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_patient_calendar_without_a_phone_is_refused_and_the_24_hour_line_is_marked(capsys, tmp_path):
    out = tmp_path / "calendar.pdf"
    code, _, err = run(capsys, "pdf", "--kind", "patient", *PLAN, "--name", "Wang", "--mrn", "1", "--out", out)
    assert code == 2 and err.startswith("error: Phone: ") and "--phone" in err and err.count("\n") == 1
    assert not out.exists()
    code, _, err = run(capsys, "pdf", "--kind", "patient", *PLAN, "--name", "Wang", "--mrn", "1",
                       "--phone-24h", "Emergency: 120", "--out", out)
    assert code == 0, err
    assert "Emergency: 120 (24 hours, every day)" in squash(" ".join(pdf_pages(out.read_bytes())))
    # The dose sheet is for the staff: no phone needed.
    code, _, err = run(capsys, "pdf", "--kind", "clinician", *PLAN, "--name", "Wang", "--mrn", "1",
                       "--out", tmp_path / "sheet.pdf")
    assert code == 0, err


def test_dose_sheet_from_the_database_prints_the_order_elements(capsys, tmp_path, database):
    code, _, err = run(capsys, "patient", "add", "--database", database, "--name", "Wang Fang", "--mrn", "P9",
                       "--diagnosis", "Leiomyosarcoma", "--allergies", "Penicillin (rash)", "--prescriber",
                       "Dr Li Wei", "--height", "170", "--weight", "70", "--measured-on", "2026-01-02",
                       "--start", "2026-01-05", "--prior", "doxorubicin:300")
    assert code == 0, err
    with PatientStore.open(database) as store:
        record = store.get_patient("P9")
    assert record.plan.prescriber == "Dr Li Wei" and record.plan.created_at is not None
    out = tmp_path / "sheet.pdf"
    code, _, err = run(capsys, "pdf", "--kind", "clinician", "--patient", "P9", "--database", database, "--out", out)
    assert code == 0, err
    text = squash(" ".join(pdf_pages(out.read_bytes())))
    ordered = record.plan.created_at.astimezone().date() if record.plan.created_at.tzinfo else \
        record.plan.created_at.date()
    assert "Prescriber Dr Li Wei" in text and "Diagnosis Leiomyosarcoma" in text
    assert "Allergies Penicillin (rash)" in text and f"Order date {ordered.day} {ordered:%b %Y}" in text
    assert "Current weight 70 kg, measured 2 Jan 2026" in text
    assert "doxorubicin 300 mg/m² x 1 / 0.8 = 375 mg/m² epirubicin-equivalent" in text
    assert "Double check: none recorded yet." in text
