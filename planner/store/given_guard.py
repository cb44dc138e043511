"""Guards of the plan's history: what is recorded as given, and a withdrawn patient, are not rewritten.

A modification changes the plan from its cycle onward (a delay moves the cycle and every later one, a dose
level or weight change recalculates the doses). Applied to a cycle whose doses are already recorded as given,
it would rewrite what the dose sheet, the calendar and the cumulative total say about a dose that was given,
while the administration record still says something else. So such a change is refused: it belongs to the
next cycle, or the given record is withdrawn first (when it was recorded in error).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from planner.core.administration_rules import check_can_mark_given
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import (
    Delay,
    DoseLevelChange,
    DosePercentChange,
    EndTreatment,
    Modification,
    OmitDays,
    StopDrug,
    WeightChange,
)
from planner.store.records import AdministrationRecord, PatientRecord


def require_active_patient(row: Any) -> None:
    """InputError when the patient (a `patients` row or a PatientRecord) is withdrawn: history is closed."""
    if row.withdrawn:
        raise InputError("withdrawn", translate(
            "Store", "Patient {mrn} is withdrawn ({reason}); nothing was saved.").format(
            mrn=_mrn(row), reason=row.withdrawn_reason or translate("Store", "no reason recorded")))


def require_can_mark_given(record: PatientRecord, *, cycle: int, day: int, drug: str, given_on: date, note: str,
                           today: date) -> None:
    """InputError unless the core's Mark given rule allows this administration (the note is its reason
    when the dose was given on another day than planned)."""
    check_can_mark_given(record.compute_plan(), cycle, drug, day, given_on, record.dose_checks, today, note)


def _mrn(row: Any) -> str:
    return row.identity.mrn if isinstance(row, PatientRecord) else row.mrn


def given_records(record: PatientRecord) -> tuple[AdministrationRecord, ...]:
    """The administrations that count as given (a withdrawn one was undone or recorded in error)."""
    return tuple(a for a in record.administrations if not a.withdrawn)


def rewritten_by(modification: Modification, given: Iterable[AdministrationRecord]) -> list[AdministrationRecord]:
    """The given administrations whose cycle (date or dose) `modification` would change."""
    mod = modification
    if isinstance(mod, (Delay, WeightChange)):  # moves or recalculates this cycle and every later one
        return [a for a in given if a.cycle >= mod.cycle]
    if isinstance(mod, EndTreatment):  # the cycles after the one in progress are dropped
        return [a for a in given if a.cycle > mod.cycle]
    if isinstance(mod, DoseLevelChange | DosePercentChange):  # this drug, from this cycle on
        return [a for a in given if a.drug == mod.drug and a.cycle >= mod.cycle]
    if isinstance(mod, OmitDays):  # only these days of this cycle
        return [a for a in given if a.drug == mod.drug and a.cycle == mod.cycle and a.day in mod.days]
    if isinstance(mod, StopDrug):  # for good, from this day on
        return [a for a in given if a.drug == mod.drug
                and (a.cycle > mod.cycle or (a.cycle == mod.cycle and a.day >= mod.day))]
    raise TypeError(f"unknown modification {type(mod).__name__}")


def require_not_given(record: PatientRecord, modification: Modification) -> None:
    """InputError (field "cycle") when `modification` would rewrite a cycle recorded as given."""
    clashes = rewritten_by(modification, given_records(record))
    if not clashes:
        return
    first = min(clashes, key=lambda a: (a.cycle, a.day, a.drug))
    given = translate("Store", "{drug} on day {day} of cycle {cycle}, {given_on}").format(
        drug=first.drug, day=first.day, cycle=first.cycle, given_on=first.given_on.isoformat())
    if isinstance(modification, (OmitDays, StopDrug)):
        advice = translate("Store", "Hold or stop only days not recorded as given")
    else:
        advice = translate("Store", "Make the change from cycle {next} on").format(
            next=max(a.cycle for a in clashes) + 1)
    raise InputError("cycle", translate(
        "Store", "Cycle {cycle}: this change would rewrite a dose already recorded as given ({given}). {advice}, "
        "or withdraw the given record first if it was recorded in error; nothing was saved.").format(
        cycle=modification.cycle, given=given, advice=advice))
