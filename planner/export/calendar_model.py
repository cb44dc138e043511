"""What each calendar day tells the patient, as plain values (no reportlab): the PDF calendar and the
.ics export both read it, so the paper and the phone always say the same thing.

Everything comes from the Plan: dates from `plan.days()`, doses from the administrations, held and
stopped days from each cycle's DrugDose, delays from `cycle.delay_days`. Nothing is recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.core import rules
from planner.core.clinic_days import ClinicCalendar
from planner.core.decimal_math import plain
from planner.core.dosing import capsule_combination
from planner.core.i18n import translate
from planner.core.modifications import StopDrug
from planner.core.plan import Cycle, Day, Plan
from planner.core.regimen import DrugSpec

# Entry kinds, each with its own pictogram (a clinic visit without an infusion shares the hospital's).
CAPSULE, HOSPITAL, BLOOD, REST, HELD, NOTE = "capsule", "hospital", "blood", "rest", "held", "note"
VISIT = "visit"


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    text: str
    # The words in a day cell of the printed month, when shorter than `text`: the cell keeps its type at
    # 11 pt or more, and what the short form leaves out (when to take the capsule) is on the cover.
    brief: str = ""

    @property
    def cell_text(self) -> str:
        return self.brief or self.text


@dataclass(frozen=True, slots=True)
class CalendarDay:
    date: date
    cycle: int
    day: int
    entries: tuple[Entry, ...]
    tick: bool  # a capsule day: the patient ticks it off

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}


def is_oral(drug: DrugSpec) -> bool:
    return rules.is_oral(drug.route)


def unit_word(drug: DrugSpec, count: int) -> str:
    form = (drug.form or "").strip().lower()
    if form == "capsule":
        return translate("Export", "capsule") if count == 1 else translate("Export", "capsules")
    if form == "tablet":
        return translate("Export", "tablet") if count == 1 else translate("Export", "tablets")
    return translate("Export", "dose") if count == 1 else translate("Export", "doses")


def oral_dose_text(drug: DrugSpec, dose_mg: Decimal, *, instructions: bool = True) -> str:
    """`Anlotinib 12 mg - 1 capsule before breakfast` (the instruction comes from the regimen file; without
    it for a day cell of the printed month)."""
    combination = capsule_combination(dose_mg, drug.strengths_mg) if drug.strengths_mg else None
    text = translate("Export", "{drug} {dose} mg").format(drug=drug.name, dose=plain(dose_mg))
    if combination is not None:
        how = f"{combination.count} {unit_word(drug, combination.count)}"
        if len(combination.units) > 1:  # e.g. 20 mg as 12 mg + 8 mg: say which capsules
            how += " (" + " + ".join(f"{n} x {plain(size)} mg" for size, n in combination.units) + ")"
        text += " - " + how
    if drug.instructions and instructions:
        text += " " + _per_day(translate("Regimen", drug.instructions))
    return text


def _per_day(instructions: str) -> str:
    """On a page that is one day, "once daily" goes without saying: `before breakfast` is what remains."""
    lowered = _lower_first(instructions)
    for prefix in ("once daily ", "once a day "):
        if lowered.lower().startswith(prefix):
            return lowered[len(prefix):]
    return lowered


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and text[1:2].islower() else text


def infusion_text(drug: DrugSpec) -> str:
    """What a hospital day says: an infusion only for a route that is one (rules.is_infusion), so an SC
    or IM drug never prints as an infusion."""
    name = drug.name.split()[0].lower()
    if rules.is_infusion(drug.route):
        return translate("Export", "Hospital day - {drug} infusion").format(drug=name)
    return translate("Export", "Hospital day - {drug} injection").format(drug=name)


def hospital_brief(drug: DrugSpec) -> str:
    return translate("Export", "Hospital - {drug}").format(drug=drug.name.split()[0].lower())


def visit_text(plan: Plan) -> str:
    """A cycle's day 1 without an infusion (maintenance): the check-up where the next capsules are handed out."""
    if any(is_oral(d) for d in plan.regimen.drugs.values()):
        return translate("Export", "Clinic visit - check-up and your next capsules")
    return translate("Export", "Clinic visit - check-up")


def rest_text(plan: Plan) -> str:
    """What a day without treatment says: the phone's rest-day events use it too."""
    if any(is_oral(d) for d in plan.regimen.drugs.values()):
        return translate("Export", "Rest day - no capsule")
    return translate("Export", "Rest day")


def _cycle_notes(plan: Plan, cycle: Cycle, previous: Cycle | None) -> list[Entry]:
    notes = [Entry(NOTE, translate("Export", "Cycle {n} starts").format(n=cycle.number))]
    if cycle.delay_days:
        notes.append(Entry(NOTE, translate("Export", "Delayed by {days} days").format(days=cycle.delay_days)))
    if previous is not None and previous.phase.id != cycle.phase.id:
        notes.append(Entry(NOTE, translate("Export", "{phase} phase starts").format(phase=cycle.phase.name)))
    for dose in cycle.doses:
        before = previous.dose_for(dose.drug.id) if previous is not None else None
        if before is not None and before.dose_mg != dose.dose_mg and dose.given:
            # Short on purpose: the day's own line already says the new amount in mg.
            notes.append(Entry(NOTE, translate("Export", "New {drug} dose").format(
                drug=dose.drug.name.split()[0].lower())))
    return notes


def calendar_days(plan: Plan, clinic: ClinicCalendar | None = None) -> list[CalendarDay]:
    """Every planned day, in date order, with what the patient does that day (blood tests on the last day
    `clinic` is open before each infusion; the day before when no clinic calendar is given)."""
    cycles = {c.number: c for c in plan.cycles}
    stops: dict[tuple[int, int], list[DrugSpec]] = {}
    for mod in plan.modifications:
        if isinstance(mod, StopDrug):
            stops.setdefault((mod.cycle, mod.day), []).append(plan.regimen.drug(mod.drug))
    rest = rest_text(plan)
    out: list[CalendarDay] = []
    visit = visit_text(plan)
    for day in plan.days(clinic):
        cycle = cycles[day.cycle]
        entries: list[Entry] = []
        if day.day == 1:
            entries.extend(_cycle_notes(plan, cycle, cycles.get(day.cycle - 1)))
            if not day.has_infusion:  # maintenance: no infusion, but the check-up and the next capsules
                entries.append(Entry(VISIT, visit, translate("Export", "Clinic visit")))
        entries.extend(_day_entries(cycle, day))
        for drug in stops.get((day.cycle, day.day), ()):
            entries.append(Entry(HELD, translate("Export", "{drug} stopped - take no more").format(drug=drug.name)))
        if day.blood_test:
            entries.append(Entry(BLOOD, translate("Export", "Blood test")))
        if day.is_rest and not any(e.kind == HELD for e in entries):
            entries.append(Entry(REST, rest))
        tick = any(is_oral(a.drug) for a in day.administrations)
        out.append(CalendarDay(day.date, day.cycle, day.day, tuple(entries), tick))
    return out


def _day_entries(cycle: Cycle, day: Day) -> list[Entry]:
    entries: list[Entry] = []
    for administration in day.administrations:
        if not is_oral(administration.drug):
            entries.append(Entry(HOSPITAL, infusion_text(administration.drug), hospital_brief(administration.drug)))
    for administration in day.administrations:
        if is_oral(administration.drug):
            drug, mg = administration.drug, administration.dose_mg
            entries.append(Entry(CAPSULE, oral_dose_text(drug, mg), oral_dose_text(drug, mg, instructions=False)))
    for dose in cycle.doses:
        if day.day in dose.omitted_days:
            entries.append(Entry(HELD, translate("Export", "No {drug} today - held by your doctor").format(
                drug=dose.drug.name)))
    return entries


def before_start_days(plan: Plan, clinic: ClinicCalendar | None = None) -> list[CalendarDay]:
    """The blood test before cycle 1: it falls before the plan's first day, so `calendar_days` has no day
    for it (the printed calendar shows it on its own date, with the cycle it prepares)."""
    return [CalendarDay(when, 1, (when - plan.start).days + 1,
                        (Entry(BLOOD, translate("Export", "Blood test before cycle 1")),), False)
            for when in sorted(plan.blood_test_dates(clinic)) if when < plan.start]
