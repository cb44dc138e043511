"""The plan table (one row a calendar day, `planner.core.table`) as CSV or XLSX through pandas."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.plan import Plan
from planner.core.table import plan_day_columns, plan_day_rows

FORMATS = ("csv", "xlsx")


def plan_frame(plan: Plan) -> pd.DataFrame:
    # object columns keep the core's numbers as they are: 12 stays 12 (not 12.0) and a day without
    # the drug stays empty, instead of pandas turning the column into floats with NaN.
    frame = pd.DataFrame(plan_day_rows(plan), columns=plan_day_columns(plan), dtype=object)
    # Dates as dates, so a spreadsheet sorts and filters them; CSV writes them as ISO 2026-01-05.
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    return frame


def table_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError("out", translate(
            "Export", "Output file: '{name}' should end in .csv or .xlsx.").format(name=Path(path).name))
    return suffix


def plan_table_bytes(plan: Plan, fmt: str) -> bytes:
    frame = plan_frame(plan)
    if fmt == "csv":
        text: str = frame.to_csv(index=False, lineterminator="\n")
        return text.encode("utf-8")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=translate("Export", "Plan")[:31])
        sheet = writer.sheets[translate("Export", "Plan")[:31]]
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column) + 2
            sheet.column_dimensions[column[0].column_letter].width = min(width, 40)
        sheet.freeze_panes = "A2"
    return buffer.getvalue()
