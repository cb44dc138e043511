"""Plans shared by the GUI view tests (the seed regimen, started on a Monday)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.core.modifications import Delay, DoseLevelChange, OmitDays
from planner.core.plan import PatientInputs, Plan, compute_plan
from planner.core.regimen import load_regimen

START = date(2026, 1, 5)
TODAY = date(2026, 1, 20)
REGIMEN = load_regimen("anlotinib-epirubicin")
PATIENT = PatientInputs(START, Decimal(170), Decimal(70))


def make_plan(*mods: object) -> Plan:
    return compute_plan(REGIMEN, PATIENT, modifications=mods)  # type: ignore[arg-type]


@pytest.fixture
def plan() -> Plan:
    return make_plan()


@pytest.fixture
def modified_plan() -> Plan:
    return make_plan(OmitDays("anlotinib", 2, (8, 9, 10)), Delay(3, 7),
                     DoseLevelChange("epirubicin", 3, Decimal(75)))
