"""The ward forecast: for each day of the coming weeks, how many infusions, oral-only cycle starts and blood
tests the unit has, the chair-hours the infusions take, and the patients behind each number.

Built with pandas from the store's clinic events (`PatientStore.due_between`), which come from the summary
tables: no plan is computed, so eight weeks of a 10,000-patient unit take a fraction of a second.
Written as CSV, XLSX (a day sheet and a week sheet) or PDF (a bar chart and the day table).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from planner.core.clinic_events import ClinicEventKind
from planner.core.decimal_math import plain
from planner.core.errors import InputError
from planner.core.i18n import translate

MAX_WEEKS = 52
FORMATS = ("csv", "xlsx", "pdf")


@dataclass(frozen=True)
class ForecastEvent:
    """What the forecast needs of one clinic event (the store's ClinicEventRow has these fields)."""

    on: date
    kind: ClinicEventKind
    chair_minutes: int
    mrn: str
    name: str


def forecast_range(first: date, weeks: int) -> tuple[date, date]:
    """First and last day of a forecast of `weeks` weeks from `first`."""
    if isinstance(weeks, bool) or not 1 <= weeks <= MAX_WEEKS:
        raise InputError("weeks", translate("Forecast", "Weeks: enter a whole number from 1 to {max}.").format(
            max=MAX_WEEKS))
    return first, first + timedelta(days=7 * weeks - 1)


def forecast_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError("out", translate(
            "Forecast", "Output file: '{name}' should end in .csv, .xlsx or .pdf.").format(name=Path(path).name))
    return suffix


def _who(group: pd.DataFrame) -> str:
    return "; ".join(f"{name} ({mrn})" for name, mrn in zip(group["name"], group["mrn"], strict=True))


def daily_forecast(events: Iterable[Any], first: date, last: date) -> pd.DataFrame:
    """One row per calendar day from `first` to `last` (days with nothing planned included, as zeros):
    date, weekday, infusions, oral_starts, blood_tests, chair_hours and the patients behind each count."""
    frame = pd.DataFrame(
        [(e.on, ClinicEventKind(e.kind).value, int(e.chair_minutes), e.mrn, e.name) for e in events
         if first <= e.on <= last],
        columns=["date", "kind", "chair_minutes", "mrn", "name"])
    days = pd.DataFrame({"date": [first + timedelta(days=i) for i in range((last - first).days + 1)]})
    columns = {ClinicEventKind.INFUSION: "infusions", ClinicEventKind.ORAL_START: "oral_starts",
               ClinicEventKind.BLOOD_TEST: "blood_tests"}
    if frame.empty:
        counts = pd.DataFrame(0, index=days["date"], columns=list(columns.values()))
        minutes = pd.Series(0, index=days["date"])
        who = pd.DataFrame("", index=days["date"], columns=[f"{c}_patients" for c in columns.values()])
    else:
        counts = (frame.pivot_table(index="date", columns="kind", values="mrn", aggfunc="count", fill_value=0)
                  .rename(columns={k.value: v for k, v in columns.items()})
                  .reindex(index=days["date"], columns=list(columns.values()), fill_value=0))
        minutes = (frame[frame["kind"] == ClinicEventKind.INFUSION.value].groupby("date")["chair_minutes"].sum()
                   .reindex(days["date"], fill_value=0))
        who = pd.DataFrame(index=days["date"])
        for kind, column in columns.items():
            names = frame[frame["kind"] == kind.value].groupby("date")[["name", "mrn"]].apply(_who)
            who[f"{column}_patients"] = names.reindex(days["date"], fill_value="") if not names.empty else ""
    out = days.copy()
    out["weekday"] = [d.strftime("%a") for d in out["date"]]
    for column in columns.values():
        out[column] = counts[column].to_numpy(dtype=int)
    out["chair_hours"] = [_hours(m) for m in minutes.to_numpy(dtype=int)]
    for column in columns.values():
        out[f"{column}_patients"] = who[f"{column}_patients"].to_numpy()
    return out


def _hours(minutes: int) -> Decimal:
    """Chair time in hours, to a tenth (Decimal, so 90 minutes is exactly 1.5)."""
    return (Decimal(int(minutes)) / 60).quantize(Decimal("0.1"))


def weekly_totals(daily: pd.DataFrame) -> pd.DataFrame:
    """Totals per week (weeks start on the forecast's first day)."""
    if daily.empty:
        return pd.DataFrame(columns=["week_from", "week_to", "infusions", "oral_starts", "blood_tests",
                                     "chair_hours"])
    first = daily["date"].iloc[0]
    week = [(d - first).days // 7 for d in daily["date"]]
    grouped = daily.assign(week=week).groupby("week")
    totals = pd.DataFrame({
        "week_from": grouped["date"].min(),
        "week_to": grouped["date"].max(),
        "infusions": grouped["infusions"].sum().astype(int),
        "oral_starts": grouped["oral_starts"].sum().astype(int),
        "blood_tests": grouped["blood_tests"].sum().astype(int),
        "chair_hours": grouped["chair_hours"].apply(lambda hours: sum(hours, Decimal(0))),
    })
    return totals.reset_index(drop=True)


def forecast_bytes(daily: pd.DataFrame, fmt: str, *, title: str = "", paper: str = "a4") -> bytes:
    weekly = weekly_totals(daily)
    if fmt == "csv":
        text: str = daily.assign(chair_hours=daily["chair_hours"].map(plain)).to_csv(
            index=False, lineterminator="\n")
        return text.encode("utf-8")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            for sheet_name, frame in ((translate("Forecast", "Days"), daily), (translate("Forecast", "Weeks"), weekly)):
                frame.assign(chair_hours=frame["chair_hours"].map(float)).to_excel(
                    writer, index=False, sheet_name=sheet_name[:31])
                sheet = writer.sheets[sheet_name[:31]]
                for column in sheet.columns:
                    width = max(len(str(cell.value or "")) for cell in column) + 2
                    sheet.column_dimensions[column[0].column_letter].width = min(width, 50)
                sheet.freeze_panes = "A2"
        return buffer.getvalue()
    from planner.export.forecast_pdf import forecast_pdf

    return forecast_pdf(daily, weekly, title=title, paper=paper)
