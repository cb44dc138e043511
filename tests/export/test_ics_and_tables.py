import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pandas as pd
import pytest
from icalendar import Calendar

from planner.core.errors import InputError
from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug
from planner.core.plan import compute_plan
from planner.core.table import plan_day_columns, plan_day_rows
from planner.export.ics import plan_to_ics
from planner.export.options import Subject
from planner.export.tables import plan_table_bytes, table_format

STAMP = datetime(2026, 1, 2, 8, 0, tzinfo=UTC)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def by_date(evs) -> dict:
    return {ev.decoded("dtstart"): ev for ev in evs}


def kinds_of(ev) -> set[str]:
    return {str(c) for c in ev.get("categories").cats}


def dates_of(evs, category):
    return {ev.decoded("dtstart") for ev in evs if category in kinds_of(ev)}


def summary(ev) -> str:
    return str(ev.get("summary"))


def test_every_plan_date_has_exactly_one_event(plan, subject):
    evs = events(plan_to_ics(plan, subject, stamp=STAMP))
    starts = [ev.decoded("dtstart") for ev in evs]
    assert len(starts) == len(set(starts))
    assert set(starts) == {d.date for d in plan.days()}
    for ev in evs:  # all-day events, one day long
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        assert type(start) is date and (end - start).days == 1


def test_ics_events_match_the_plan(plan, subject):
    evs = events(plan_to_ics(plan, subject, stamp=STAMP))
    days = list(plan.days())
    anlotinib_days = {d.date for d in days if any(a.drug.id == "anlotinib" for a in d.administrations)}
    capsule_events = [ev for ev in evs if "Anlotinib" in summary(ev) and "capsule before breakfast" in summary(ev)]
    assert len(capsule_events) == len(anlotinib_days)
    assert {ev.decoded("dtstart") for ev in capsule_events} == anlotinib_days == dates_of(evs, "capsule")
    hospital = {d.date for d in days if d.has_infusion}
    assert hospital and dates_of(evs, "hospital") == hospital
    assert all("Hospital day - epirubicin infusion" in summary(by_date(evs)[d]) for d in hospital)
    blood = {d.date for d in days if d.blood_test}
    assert blood and {ev.decoded("dtstart") for ev in evs if "Blood test" in summary(ev)} == blood
    held = {plan.cycle(2).date_of(d) for d in (8, 9, 10)}
    assert dates_of(evs, "held") == held
    assert {summary(by_date(evs)[d]) for d in held} == {"No Anlotinib today - held by your doctor"}
    rest = {d.date for d in days if not d.administrations and not d.blood_test} - held
    assert rest and {summary(by_date(evs)[d]) for d in rest} == {"Rest day - no capsule"}
    day1 = by_date(evs)[plan.cycle(4).start]
    assert summary(day1) == "Hospital day - epirubicin infusion; Anlotinib 10 mg - 1 capsule before breakfast"
    assert str(day1.get("description")).startswith("Cycle 4, day 1")
    assert "Delayed by 7 days" in str(by_date(evs)[plan.cycle(3).start].get("description"))


def test_a_stopped_drug_says_so_on_its_day(plan, subject):
    stopped = with_modifications(plan, StopDrug("anlotinib", 6, 5))
    evs = by_date(events(plan_to_ics(stopped, subject, stamp=STAMP)))
    assert summary(evs[stopped.cycle(6).date_of(5)]) == "Anlotinib stopped - take no more"
    assert "Anlotinib" not in summary(evs[stopped.cycle(6).date_of(6)])


def with_modifications(plan, *mods):
    return compute_plan(plan.regimen, plan.inputs, plan.settings, [*plan.modifications, *mods])


@pytest.mark.parametrize("change", [Delay(2, 7), DoseLevelChange("anlotinib", 2, Decimal(10)),
                                    OmitDays("anlotinib", 5, (1, 2, 3))], ids=["delay", "reduce", "omit"])
def test_an_updated_plan_replaces_every_date(plan, subject, change):
    later = datetime(2026, 1, 20, 9, 30, tzinfo=UTC)
    before = by_date(events(plan_to_ics(plan, subject, stamp=STAMP)))
    updated_plan = with_modifications(plan, change)
    after = by_date(events(plan_to_ics(updated_plan, subject, stamp=later)))
    assert set(before) <= set(after)  # nothing gets shorter: every old date is overwritten
    changed = 0
    for day, old in before.items():
        new = after[day]
        assert str(new.get("uid")) == str(old.get("uid"))
        assert int(new.get("sequence")) > int(old.get("sequence"))
        assert new.decoded("dtstamp") > old.decoded("dtstamp")
        changed += summary(new) != summary(old)
    assert changed > 0
    # The new content is the updated plan's: the capsule days are its anlotinib days, nothing left over.
    anlotinib = {d.date for d in updated_plan.days() if any(a.drug.id == "anlotinib" for a in d.administrations)}
    assert {d for d, ev in after.items() if "capsule before breakfast" in summary(ev)} == anlotinib


def test_ics_has_no_identifiers_and_stable_unique_uids(plan, subject):
    data = plan_to_ics(plan, subject, stamp=STAMP)
    text = data.decode()
    assert "Wang" not in text and "王芳" not in text and "MRN-0042" not in text and "0042" not in text
    uids = [str(ev.get("uid")) for ev in events(data)]
    assert len(uids) == len(set(uids))
    assert uids == [str(ev.get("uid")) for ev in events(plan_to_ics(plan, subject))]
    other = Subject("王芳 Wang Fang", "MRN-0043", subject.dob)  # another patient: other ids
    assert not set(uids) & {str(ev.get("uid")) for ev in events(plan_to_ics(plan, other, stamp=STAMP))}
    renamed = Subject("Wang F.", subject.mrn, subject.dob)  # the name never enters the ids
    assert uids == [str(ev.get("uid")) for ev in events(plan_to_ics(plan, renamed, stamp=STAMP))]


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


def test_csv_tells_held_stopped_delay_and_rest_days_with_level_delay_and_reason(plan):
    """The fixture holds anlotinib on cycle 2 days 8-10, delays cycle 3 by 7 days and reduces cycle 4."""
    stopped = compute_plan(plan.regimen, plan.inputs, plan.settings,
                           [*plan.modifications, StopDrug("anlotinib", 5, 5, "grade 3 bleeding")])
    frame = pd.read_csv(io.BytesIO(plan_table_bytes(stopped, "csv")), dtype=str, keep_default_na=False)
    frame["cycle"], frame["day"] = frame["cycle"].astype(int), frame["day"].astype(int)
    for column in ("anlotinib_status", "epirubicin_status", "anlotinib_level", "epirubicin_level", "delay_days",
                   "reason"):
        assert column in frame.columns

    def row(cycle: int, day: int):
        found = frame[(frame["cycle"] == cycle) & (frame["day"] == day)]
        assert len(found) == 1
        return found.iloc[0]

    held = row(2, 8)
    assert held["anlotinib_status"] == "held" and held["reason"] == "blood pressure 165/100"
    assert row(2, 11)["anlotinib_status"] == "given"
    assert row(1, 15)["anlotinib_status"] == "rest" and row(1, 15)["reason"] == ""
    assert row(1, 2)["epirubicin_status"] == "rest"
    # Cycle 2 runs 7 days longer, waiting for the delayed cycle 3.
    assert row(2, 22)["anlotinib_status"] == "delay" and row(2, 22)["delay_days"] == "0"
    assert row(3, 1)["delay_days"] == "7" and row(3, 1)["reason"] == "ANC 1.1 on day 21"
    assert row(3, 1)["epirubicin_level"] == "90" and row(4, 1)["epirubicin_level"] == "75"
    assert row(4, 1)["anlotinib_level"] == "10" and row(4, 1)["reason"] == "febrile neutropenia; grade 2 bleeding"
    assert row(5, 4)["anlotinib_status"] == "given" and row(5, 5)["anlotinib_status"] == "stopped"
    assert row(5, 5)["reason"] == "grade 3 bleeding" and row(6, 1)["anlotinib_status"] == "stopped"
    assert row(5, 5)["anlotinib_level"] == "10" and row(6, 1)["anlotinib_level"] == ""
    assert row(6, 1)["epirubicin_status"] == "given"
