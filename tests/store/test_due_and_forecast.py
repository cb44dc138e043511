"""Who is due on a day and the ward forecast, answered from the summary tables: a database with known
due days, every number compared."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from planner.core.clinic_events import ClinicEventKind, plan_events
from planner.export.forecast import daily_forecast, forecast_bytes, forecast_range, weekly_totals
from planner.store import PatientIdentity, PatientStore


def _add(store: PatientStore, name: str, mrn: str, regimen: str, start: date) -> None:
    store.add_patient(PatientIdentity(name=name, mrn=mrn, dob=date(1970, 1, 1)), height_cm=Decimal(170),
                      weight_kg=Decimal(70), measured_on=start, regimen_id=regimen, start=start)


@pytest.fixture
def unit(store: PatientStore) -> PatientStore:
    _add(store, "Li Na", "A1", "anlotinib-epirubicin", date(2027, 1, 4))  # infusion Mondays, every 21 days
    _add(store, "Wang Fang", "A2", "anlotinib", date(2027, 1, 6))  # capsules only
    _add(store, "Zhao Lei", "A3", "epirubicin", date(2027, 1, 11))
    store.withdraw_patient("A3", "moved to another hospital", expected_version=1)  # never on a list
    return store


def test_events_come_from_the_plan(unit: PatientStore) -> None:
    record = unit.get_patient("A1")
    rows = unit.due_between(date(2027, 1, 1), date(2027, 12, 31))
    mine = [(r.on, r.kind, r.cycle, r.chair_minutes) for r in rows if r.mrn == "A1"]
    assert mine == [(e.on, e.kind, e.cycle, e.chair_minutes) for e in plan_events(record.compute_plan())]


def test_due_between_counts_every_kind(unit: PatientStore) -> None:
    rows = unit.due_between(date(2027, 1, 3), date(2027, 1, 30))
    got = [(r.on, r.kind, r.mrn, r.chair_minutes) for r in rows]
    assert got == [
        (date(2027, 1, 4), ClinicEventKind.INFUSION, "A1", 60),
        (date(2027, 1, 6), ClinicEventKind.ORAL_START, "A2", 0),
        (date(2027, 1, 24), ClinicEventKind.BLOOD_TEST, "A1", 0),
        (date(2027, 1, 25), ClinicEventKind.INFUSION, "A1", 60),
        (date(2027, 1, 27), ClinicEventKind.ORAL_START, "A2", 0),
    ]


def test_due_on_computes_plans_only_for_the_patients_due(unit: PatientStore) -> None:
    assert [record.identity.mrn for record, _ in unit.due_on(date(2027, 1, 4))] == ["A1"]
    assert [record.identity.mrn for record, _ in unit.due_on(date(2027, 1, 6))] == ["A2"]
    assert unit.due_on(date(2027, 1, 5)) == []
    assert unit.due_on(date(2027, 1, 11)) == []  # A3 is withdrawn


def test_forecast_every_number(unit: PatientStore) -> None:
    first, last = forecast_range(date(2027, 1, 3), 4)
    assert last == date(2027, 1, 30)
    daily = daily_forecast(unit.due_between(first, last), first, last)
    assert len(daily) == 28
    by_day = {row.date: row for row in daily.itertuples()}
    assert (by_day[date(2027, 1, 4)].infusions, by_day[date(2027, 1, 4)].chair_hours) == (1, Decimal("1.0"))
    assert by_day[date(2027, 1, 4)].infusions_patients == "Li Na (A1)"
    assert by_day[date(2027, 1, 6)].oral_starts == 1
    assert by_day[date(2027, 1, 24)].blood_tests == 1
    assert by_day[date(2027, 1, 24)].blood_tests_patients == "Li Na (A1)"
    assert sum(daily["infusions"]) == 2 and sum(daily["oral_starts"]) == 2 and sum(daily["blood_tests"]) == 1
    assert by_day[date(2027, 1, 11)].infusions == 0  # the withdrawn patient's day 1
    weekly = weekly_totals(daily)
    assert list(weekly["infusions"]) == [1, 0, 0, 1]
    assert list(weekly["oral_starts"]) == [1, 0, 0, 1]
    assert list(weekly["blood_tests"]) == [0, 0, 0, 1]
    assert list(weekly["chair_hours"]) == [Decimal("1.0"), 0, 0, Decimal("1.0")]
    assert weekly["week_from"].iloc[1] == date(2027, 1, 10)


def test_forecast_files(unit: PatientStore) -> None:
    first, last = forecast_range(date(2027, 1, 3), 2)
    daily = daily_forecast(unit.due_between(first, last), first, last)
    csv = forecast_bytes(daily, "csv").decode()
    assert csv.splitlines()[0].startswith("date,weekday,infusions,oral_starts,blood_tests,chair_hours")
    assert "2027-01-04,Mon,1,0,0,1,Li Na (A1)" in csv
    assert forecast_bytes(daily, "xlsx")[:2] == b"PK"
    pdf = forecast_bytes(daily, "pdf")
    assert pdf.startswith(b"%PDF")


def test_empty_forecast_is_all_zeros(store: PatientStore) -> None:
    first = date(2027, 3, 1)
    daily = daily_forecast(store.due_between(first, first + timedelta(days=6)), first, first + timedelta(days=6))
    assert list(daily["infusions"]) == [0] * 7 and list(daily["chair_hours"]) == [Decimal(0)] * 7


@pytest.mark.parametrize("weeks", [0, 53, -1])
def test_forecast_weeks_are_bounded(weeks: int) -> None:
    from planner.core.errors import InputError

    with pytest.raises(InputError) as raised:
        forecast_range(date(2027, 1, 1), weeks)
    assert raised.value.field == "weeks"


def test_rdi_export_from_the_store(unit: PatientStore, tmp_path) -> None:
    from planner.cli import main

    out = tmp_path / "rdi.csv"
    db = unit.url.removeprefix("sqlite:///")
    assert main(["rdi", "--as-of", "2027-03-01", "--database", db, "--out", str(out)]) == 0
    lines = out.read_text().splitlines()
    assert lines[0] == ("mrn,name,drug,unit,completed_cycles,planned_total,planned_weeks,given_total,"
                        "actual_weeks,rdi_pct")
    # Nothing recorded as given: both drugs of Li Na's two completed cycles at 0 %.
    assert "A1,Li Na,anlotinib,mg/week,2,336,6,0,6,0" in lines
    assert main(["rdi", "--database", db, "--out", str(tmp_path / "rdi.txt")]) == 2
