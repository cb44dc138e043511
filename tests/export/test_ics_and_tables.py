import io
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from icalendar import Calendar

from planner.core.errors import InputError
from planner.core.table import plan_day_columns, plan_day_rows
from planner.export.ics import plan_to_ics
from planner.export.tables import plan_table_bytes, table_format

STAMP = datetime(2026, 1, 2, 8, 0, tzinfo=UTC)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def dates_of(evs, category):
    out = set()
    for ev in evs:
        if category in [str(c) for c in ev.get("categories").cats]:
            out.add(ev.decoded("dtstart"))
    return out


def test_ics_events_match_the_plan(plan, subject):
    evs = events(plan_to_ics(plan, subject, stamp=STAMP))
    days = list(plan.days())
    assert dates_of(evs, "capsule") == {d.date for d in days if any(a.drug.route == "oral" for a in d.administrations)}
    assert dates_of(evs, "hospital") == {d.date for d in days if d.has_infusion}
    assert dates_of(evs, "blood") == {d.date for d in days if d.blood_test}
    held = {plan.cycle(2).date_of(d) for d in (8, 9, 10)}
    assert dates_of(evs, "held") == held
    for ev in evs:  # all-day events, one day long
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        assert type(start) is date and (end - start).days == 1
    reduced = [ev for ev in evs if ev.decoded("dtstart") == plan.cycle(4).start
               and "capsule" in [str(c) for c in ev.get("categories").cats]]
    assert str(reduced[0].get("summary")) == "Anlotinib 10 mg - 1 capsule before breakfast"


def test_ics_has_no_identifiers_and_stable_unique_uids(plan, subject):
    data = plan_to_ics(plan, subject, stamp=STAMP)
    text = data.decode()
    assert "Wang" not in text and "王芳" not in text and "MRN-0042" not in text
    uids = [str(ev.get("uid")) for ev in events(data)]
    assert len(uids) == len(set(uids))
    assert uids == [str(ev.get("uid")) for ev in events(plan_to_ics(plan, subject))]


def test_csv_reads_back_as_the_plan_table(plan):
    frame = pd.read_csv(io.BytesIO(plan_table_bytes(plan, "csv")), dtype={"date": str})
    rows = plan_day_rows(plan)
    assert list(frame.columns) == plan_day_columns(plan)
    assert len(frame) == len(rows)
    assert list(frame["date"]) == [r["date"] for r in rows]
    for column in ("anlotinib_mg", "epirubicin_mg"):
        expected = [r[column] for r in rows]
        got = [None if pd.isna(v) else v for v in frame[column]]
        assert got == expected
    assert list(frame["blood_test"]) == [r["blood_test"] for r in rows]
    assert b"12.0" not in plan_table_bytes(plan, "csv")  # whole mg stay whole


def test_xlsx_reads_back_as_the_plan_table(plan):
    frame = pd.read_excel(io.BytesIO(plan_table_bytes(plan, "xlsx")))
    rows = plan_day_rows(plan)
    assert len(frame) == len(rows)
    assert [d.date().isoformat() for d in frame["date"]] == [r["date"] for r in rows]
    assert [None if pd.isna(v) else v for v in frame["epirubicin_mg"]] == [r["epirubicin_mg"] for r in rows]
    assert list(frame["cycle"]) == [r["cycle"] for r in rows]


def test_table_format_from_suffix():
    assert table_format("plan.CSV") == "csv" and table_format("x/plan.xlsx") == "xlsx"
    with pytest.raises(InputError, match=r"should end in \.csv or \.xlsx"):
        table_format("plan.pdf")
