"""What can change in a plan after it is made: each a frozen value with the reason it was made.

The store keeps these (with who and when); the plan is always recomputed from the regimen, the
patient inputs and this list, never stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True)
class Delay:
    """Cycle `cycle` starts `days` days later; every later cycle moves with it."""

    cycle: int
    days: int
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class DoseLevelChange:
    """`drug` is given at dose level `level` (mg, mg/m² or mg/kg) from cycle `cycle` onward."""

    drug: str
    cycle: int
    level: Decimal
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class DosePercentChange:
    """`drug` is given at `percent` % of its starting or its current dose level from cycle `cycle` onward.

    The labels express some reductions as a share of a dose (epirubicin hepatic: 50% of the starting
    dose; after a bad nadir: 75% of the current one), which lands between the regimen's levels
    (45 or 67.5 mg/m²); `of` is "starting" (the regimen's first level) or "current" (the level in
    force at that cycle, after earlier changes).
    """

    drug: str
    cycle: int
    percent: Decimal
    of: str = "current"
    reason: str = field(default="", compare=False)


PERCENT_BASES = ("starting", "current")


@dataclass(frozen=True)
class OmitDays:
    """`drug` is held on these cycle days of cycle `cycle` (e.g. anlotinib days 8-14 of cycle 3)."""

    drug: str
    cycle: int
    days: tuple[int, ...]
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class StopDrug:
    """`drug` is stopped for good from day `day` of cycle `cycle`."""

    drug: str
    cycle: int
    day: int = 1
    reason: str = field(default="", compare=False)


@dataclass(frozen=True)
class WeightChange:
    """A new weight measured before cycle `cycle`; doses follow the recalculation rule."""

    cycle: int
    weight_kg: Decimal
    measured_on: date | None = None
    reason: str = field(default="", compare=False)


class EndReason(StrEnum):
    """Why a treatment was ended (the stable codes of the CLI, the database and plan files)."""

    PROGRESSION = "progression"
    TOXICITY = "toxicity"
    PATIENT_CHOICE = "patient-choice"
    DEATH = "death"
    OTHER = "other"


def end_reason_label(reason: EndReason) -> str:
    """The reason in the current language ("patient's choice")."""
    from planner.core.i18n import translate

    return {
        EndReason.PROGRESSION: translate("Treatment", "progression"),
        EndReason.TOXICITY: translate("Treatment", "toxicity"),
        EndReason.PATIENT_CHOICE: translate("Treatment", "patient's choice"),
        EndReason.DEATH: translate("Treatment", "death"),
        EndReason.OTHER: translate("Treatment", "other"),
    }[reason]


@dataclass(frozen=True)
class EndTreatment:
    """The treatment is ended on `effective_on`: the plan stops after cycle `cycle`, the cycle in progress then.

    An open-ended maintenance phase otherwise rolls forward for as long as the patient is on treatment;
    only this entry (undone by withdrawing it) ends it. `cycle` is worked out by the operation from the
    plan on that day, so the stored entry says exactly which cycles remain.
    """

    cycle: int
    effective_on: date
    reason_code: EndReason
    note: str = ""
    reason: str = field(default="", compare=False)


Modification = Delay | DoseLevelChange | DosePercentChange | OmitDays | StopDrug | WeightChange | EndTreatment
