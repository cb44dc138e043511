"""Relative dose intensity for the unit, with pandas: one row per patient and drug (the core's figures,
traceable to planned and given totals), and a summary per drug (patients counted, median RDI, how many
fell below 85 %, the threshold below which outcomes suffer in the RDI literature)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from planner.core.decimal_math import plain
from planner.core.dose_intensity import GivenDose, dose_intensities
from planner.core.errors import InputError
from planner.core.i18n import translate

LOW_RDI_PCT = Decimal(85)
FORMATS = ("csv", "xlsx")


def given_doses(record: Any) -> list[GivenDose]:
    """The administrations of a store record that count (withdrawn ones do not)."""
    return [GivenDose(a.drug, a.cycle, a.dose_mg) for a in record.administrations if not a.withdrawn]


def patient_rows(records: Iterable[Any], as_of: date) -> pd.DataFrame:
    rows = []
    for record in records:
        plan = record.compute_plan()
        for rdi in dose_intensities(plan, given_doses(record), as_of):
            rows.append({"mrn": record.identity.mrn, "name": record.identity.name, "drug": rdi.drug,
                         "unit": rdi.unit, "completed_cycles": rdi.cycles,
                         "planned_total": plain(rdi.planned_total), "planned_weeks": plain(rdi.planned_weeks),
                         "given_total": plain(rdi.given_total.quantize(Decimal("0.01"))),
                         "actual_weeks": plain(rdi.actual_weeks.quantize(Decimal("0.01"))),
                         "rdi_pct": rdi.relative_pct})
    return pd.DataFrame(rows, columns=["mrn", "name", "drug", "unit", "completed_cycles", "planned_total",
                                       "planned_weeks", "given_total", "actual_weeks", "rdi_pct"])


def unit_summary(per_patient: pd.DataFrame) -> pd.DataFrame:
    if per_patient.empty:
        return pd.DataFrame(columns=["drug", "patients", "median_rdi_pct", "below_85_pct"])
    frame = per_patient.dropna(subset=["rdi_pct"]).assign(rdi=lambda f: f["rdi_pct"].map(float))
    grouped = frame.groupby("drug")
    return pd.DataFrame({
        "patients": grouped["mrn"].nunique(),
        "median_rdi_pct": grouped["rdi"].median().round(1),
        "below_85_pct": grouped["rdi"].apply(lambda s: int((s < float(LOW_RDI_PCT)).sum())),
    }).reset_index()


def intensity_bytes(per_patient: pd.DataFrame, path: str | Path) -> bytes:
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError("out", translate(
            "Export", "Output file: '{name}' should end in .csv or .xlsx.").format(name=Path(path).name))
    out = per_patient.assign(rdi_pct=per_patient["rdi_pct"].map(lambda v: "" if v is None else plain(v)))
    if fmt == "csv":
        return bytes(out.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name=translate("Export", "Patients")[:31])
        unit_summary(per_patient).to_excel(writer, index=False, sheet_name=translate("Export", "Unit")[:31])
    return buffer.getvalue()
