"""Export tests: plans built by the core, a patient with a Chinese name, PDF text through pypdf."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from planner.core.modifications import Delay, DoseLevelChange, OmitDays, WeightChange
from planner.core.plan import PatientInputs, PlanSettings, PriorExposure, compute_plan
from planner.core.regimen import load_regimen
from planner.export.options import Institution, PrintOptions, Subject

PRINTED = date(2026, 1, 2)


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def plan():
    """12 cycles with a delay, a reduction of each drug, held capsule days, a weight change and prior
    doxorubicin: every kind of change the documents must show on its date."""
    return compute_plan(
        load_regimen("anlotinib-epirubicin"),
        PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70), (PriorExposure("doxorubicin", Decimal(300)),)),
        PlanSettings(open_ended_cycles=6),
        [Delay(3, 7, "ANC 1.1 on day 21"), DoseLevelChange("epirubicin", 4, Decimal(75), "febrile neutropenia"),
         DoseLevelChange("anlotinib", 4, Decimal(10), "grade 2 bleeding"),
         OmitDays("anlotinib", 2, (8, 9, 10), "blood pressure 165/100"),
         WeightChange(5, Decimal(60), date(2026, 3, 30), "weighed before cycle 5")],
    )


@pytest.fixture
def subject():
    return Subject("王芳 Wang Fang", "MRN-0042", date(1955, 3, 2))


@pytest.fixture
def institution():
    return Institution("Sun Yat-sen Cancer Center", ("Day unit: 010-1234 5678", "Out of hours: 010-8765 4321"))


@pytest.fixture
def options():
    return PrintOptions("a4", PRINTED)


def pdf_pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def pdf_sizes(data: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(data))
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


def squash(text: str) -> str:
    """Text without line breaks and doubled spaces: wrapped cell text compares as one line."""
    return " ".join(text.split())
