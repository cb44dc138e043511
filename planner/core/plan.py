"""Plan = regimen + patient inputs + modifications -> cycles and days.

The plan computes cycles (dates, weight, BSA, doses, cumulative anthracycline, warnings) eagerly and
the calendar days lazily: a 12-cycle plan has 252 days, and the ward list needs only the cycles of
10,000 patients. Every dose carries its calculation; every warning has a stable code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from planner.core import clinic_days
from planner.core.bsa import BsaResult, calculate_bsa, get_formula
from planner.core.clinic_days import ClinicCalendar
from planner.core.decimal_math import format_m2, plain
from planner.core.dosing import DEFAULT_ROUNDING_STEP, DoseCalculation, calculate_dose, validate_rounding_step
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import Delay, DoseLevelChange, Modification, OmitDays, StopDrug, WeightChange
from planner.core.regimen import DrugSpec, Phase, Regimen
from planner.core.safety import (
    DEFAULT_ANTHRACYCLINE_FACTORS,
    DEFAULT_RECALC_THRESHOLD_PCT,
    AnthracyclineFactor,
    equivalent_mg_per_m2,
    factor_for,
    needs_recalculation,
    weight_change_pct,
)

DEFAULT_OPEN_ENDED_CYCLES = 6
MAX_PLANNED_CYCLES = 100
MAX_DELAY_DAYS = 90


@dataclass(frozen=True)
class PriorExposure:
    """Anthracycline given before this plan, in mg/m² of that drug."""

    drug: str
    mg_per_m2: Decimal


@dataclass(frozen=True)
class PatientInputs:
    start: date
    height_cm: Decimal
    weight_kg: Decimal
    prior: tuple[PriorExposure, ...] = ()


@dataclass(frozen=True)
class PlanSettings:
    """The settings a plan is made with; stored with the plan so it can be recomputed identically."""

    formula: str = "mosteller"
    rounding_step_mg: Decimal = DEFAULT_ROUNDING_STEP
    recalc_threshold_pct: Decimal = DEFAULT_RECALC_THRESHOLD_PCT
    bsa_cap_m2: Decimal | None = None
    open_ended_cycles: int = DEFAULT_OPEN_ENDED_CYCLES
    anthracycline_factors: tuple[AnthracyclineFactor, ...] = DEFAULT_ANTHRACYCLINE_FACTORS


@dataclass(frozen=True, slots=True)
class PlanWarning:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class DrugDose:
    """One drug in one cycle: its dose level, calculation and the cycle days it is given on."""

    drug: DrugSpec
    level: Decimal
    level_index: int
    calculation: DoseCalculation
    days: tuple[int, ...]
    omitted_days: tuple[int, ...] = ()
    stopped_from_day: int | None = None

    @property
    def dose_mg(self) -> Decimal:
        return self.calculation.dose_mg

    @property
    def given(self) -> bool:
        return bool(self.days)


@dataclass(frozen=True, slots=True)
class Cycle:
    number: int
    phase: Phase
    start: date
    length_days: int  # the cycle's own days plus any delay of the next cycle
    weight_kg: Decimal  # latest weight known at this cycle
    dose_weight_kg: Decimal  # the weight the doses were calculated on
    bsa: BsaResult
    doses: tuple[DrugDose, ...]
    cumulative_mg_per_m2: tuple[tuple[str, Decimal], ...] = ()
    cumulative_doxorubicin_eq_mg_per_m2: Decimal | None = None
    warnings: tuple[PlanWarning, ...] = ()
    notes: tuple[str, ...] = ()
    delay_days: int = 0  # how much this cycle's day 1 was delayed

    @property
    def end(self) -> date:
        return self.start + relativedelta(days=self.length_days - 1)

    def dose_for(self, drug_id: str) -> DrugDose | None:
        for dose in self.doses:
            if dose.drug.id == drug_id:
                return dose
        return None

    def cumulative(self, drug_id: str) -> Decimal | None:
        for drug, amount in self.cumulative_mg_per_m2:
            if drug == drug_id:
                return amount
        return None

    def date_of(self, day: int) -> date:
        return date.fromordinal(self.start.toordinal() + day - 1)


@dataclass(frozen=True, slots=True)
class Administration:
    drug: DrugSpec
    dose_mg: Decimal

    @property
    def route(self) -> str:
        return self.drug.route


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    cycle: int
    day: int
    phase: Phase
    administrations: tuple[Administration, ...]
    blood_test: bool = False  # blood count due: the last open clinic day before an infusion

    @property
    def is_rest(self) -> bool:
        return not self.administrations

    @property
    def has_infusion(self) -> bool:
        return any(a.drug.route.upper() == "IV" for a in self.administrations)


@dataclass(frozen=True)
class Plan:
    regimen: Regimen
    inputs: PatientInputs
    settings: PlanSettings
    modifications: tuple[Modification, ...]
    cycles: tuple[Cycle, ...]
    baseline_bsa: BsaResult = field(repr=False, default=None)  # type: ignore[assignment]

    @property
    def start(self) -> date:
        return self.cycles[0].start if self.cycles else self.inputs.start

    @property
    def end(self) -> date:
        return self.cycles[-1].end if self.cycles else self.inputs.start

    def cycle(self, number: int) -> Cycle:
        for cycle in self.cycles:
            if cycle.number == number:
                return cycle
        raise InputError("cycle", translate("Plan", "Cycle: there is no cycle {n} in this plan.").format(n=number))

    def days(self, clinic: ClinicCalendar | None = None) -> Iterator[Day]:
        """Every calendar day of every cycle, rest days and delay days included, in date order. The blood
        count is on the last day `clinic` is open before each infusion (default: the day before)."""
        tests = {d.toordinal() for d in self.blood_test_dates(clinic)}
        for cycle in self.cycles:
            by_day: dict[int, list[Administration]] = {}
            for dose in cycle.doses:
                administration = Administration(dose.drug, dose.dose_mg)
                for d in dose.days:
                    by_day.setdefault(d, []).append(administration)
            first = cycle.start.toordinal()
            for d in range(1, cycle.length_days + 1):
                ordinal = first + d - 1
                yield Day(date.fromordinal(ordinal), cycle.number, d, cycle.phase,
                          tuple(by_day.get(d, ())), ordinal in tests)

    def blood_test_dates(self, clinic: ClinicCalendar | None = None) -> frozenset[date]:
        """The blood counts before the infusions, the one before cycle 1 included (it falls before the plan's
        first day, so no `Day` carries it). The rule is `planner.core.clinic_days`."""
        infusions = (cycle.date_of(d) for cycle in self.cycles for dose in cycle.doses
                     if dose.drug.route.upper() == "IV" for d in dose.days)
        return clinic_days.blood_test_dates(infusions, clinic or clinic_days.ALWAYS_OPEN)

    def day_on(self, when: date) -> Day | None:
        for day in self.days():
            if day.date == when:
                return day
        return None

    @property
    def warnings(self) -> tuple[PlanWarning, ...]:
        return tuple(w for c in self.cycles for w in c.warnings)


# ---------------------------------------------------------------------------- computation


def _cycle_layout(regimen: Regimen, open_ended_cycles: int) -> list[Phase]:
    """The phase of every planned cycle, in order (open-ended phases get `open_ended_cycles`)."""
    layout: list[Phase] = []
    for phase in regimen.phases:
        layout.extend([phase] * (phase.max_cycles if phase.max_cycles is not None else open_ended_cycles))
    return layout


def _check_cycle(number: int, count: int, what: str) -> None:
    if not 1 <= number <= count:
        raise InputError(what, translate(
            "Plan", "{what}: cycle {n} does not exist; this plan has cycles 1 to {count}.").format(
            what=_FIELD_LABELS().get(what, what), n=number, count=count))


def _FIELD_LABELS() -> dict[str, str]:
    return {
        "delay": translate("Plan", "Delay"),
        "reduce": translate("Plan", "Dose level change"),
        "omit": translate("Plan", "Omitted days"),
        "stop": translate("Plan", "Stop"),
        "weight_at": translate("Plan", "New weight"),
    }


def validate_modifications(regimen: Regimen, layout: list[Phase],
                           modifications: Iterable[Modification]) -> None:
    """Reject any modification that names a cycle, drug, day or level the plan does not have."""
    count = len(layout)
    for mod in modifications:
        if isinstance(mod, Delay):
            _check_cycle(mod.cycle, count, "delay")
            if mod.days < 1 or mod.days > MAX_DELAY_DAYS:
                raise InputError("delay", translate(
                    "Plan", "Delay: {days} days is not possible; a delay is 1 to {max} days.").format(
                    days=mod.days, max=MAX_DELAY_DAYS))
        elif isinstance(mod, DoseLevelChange):
            _check_cycle(mod.cycle, count, "reduce")
            drug = regimen.drug(mod.drug)
            if mod.level not in drug.levels:
                raise InputError("level", translate(
                    "Plan", "Dose level: {drug} has the levels {levels} {unit}; {level} is not one of them.").format(
                    drug=drug.name, levels=", ".join(plain(v) for v in drug.levels), unit=drug.unit,
                    level=plain(mod.level)))
        elif isinstance(mod, OmitDays | StopDrug):
            what = "omit" if isinstance(mod, OmitDays) else "stop"
            _check_cycle(mod.cycle, count, what)
            drug = regimen.drug(mod.drug)
            phase = layout[mod.cycle - 1]
            drug_days = next((pd.days for pd in phase.drugs if pd.drug == drug.id), ())
            days = mod.days if isinstance(mod, OmitDays) else (mod.day,)
            if isinstance(mod, OmitDays) and not days:
                raise InputError("omit", translate("Plan", "Omitted days: name at least one day."))
            for day in days:
                if isinstance(mod, StopDrug) and 1 <= day <= phase.cycle_days:
                    continue
                if day not in drug_days:
                    raise InputError(what, translate(
                        "Plan", "{what}: {drug} is not given on day {day} of cycle {cycle}.").format(
                        what=_FIELD_LABELS()[what], drug=drug.name, day=day, cycle=mod.cycle))
        elif isinstance(mod, WeightChange):
            _check_cycle(mod.cycle, count, "weight_at")


def check_level_change(plan: Plan, change: DoseLevelChange) -> None:
    """Refuse a dose level change that would leave the dose as it is at that cycle.

    `-1` means dose level -1 (one level below the starting dose), so giving it twice silently does
    nothing the second time; asking for the level already in force is almost always such a slip.
    Checked when a change is entered, not when a stored plan is recomputed: withdrawing an earlier
    change may legitimately leave a later one equal to the level in force.
    """
    drug = plan.regimen.drug(change.drug)
    cycle = next((c for c in plan.cycles if c.number == change.cycle), None)
    dose = cycle.dose_for(drug.id) if cycle is not None else None
    if dose is not None and dose.level == change.level:
        raise InputError("level", translate(
            "Plan", "Dose level: {drug} is already at {level} {unit} in cycle {cycle}; choose another level "
            "(-1 and -2 count from the starting dose).").format(
            drug=drug.name, level=plain(change.level), unit=drug.unit, cycle=change.cycle))


def compute_plan(regimen: Regimen, inputs: PatientInputs, settings: PlanSettings = PlanSettings(),
                 modifications: Iterable[Modification] = ()) -> Plan:
    """Compute every cycle of the plan. Raises InputError naming the field for any bad input."""
    mods = tuple(modifications)
    get_formula(settings.formula)
    validate_rounding_step(settings.rounding_step_mg)
    if settings.recalc_threshold_pct < 0 or settings.recalc_threshold_pct > 100:
        raise InputError("recalc_threshold", translate(
            "Plan", "Recalculation threshold: enter a percentage from 0 to 100 (0 means always recalculate)."))
    if not 0 <= settings.open_ended_cycles <= MAX_PLANNED_CYCLES:
        raise InputError("maintenance_cycles", translate(
            "Plan", "Maintenance cycles: enter a whole number from 0 to {max}.").format(max=MAX_PLANNED_CYCLES))
    layout = _cycle_layout(regimen, settings.open_ended_cycles)
    if not layout:
        raise InputError("maintenance_cycles", translate(
            "Plan", "Maintenance cycles: this regimen is open-ended; plan at least 1 cycle."))
    validate_modifications(regimen, layout, mods)

    delays: dict[int, int] = {}
    levels_from: dict[int, list[DoseLevelChange]] = {}
    omitted: dict[tuple[int, str], set[int]] = {}
    stops: dict[str, tuple[int, int]] = {}
    weights: dict[int, WeightChange] = {}
    for mod in mods:
        if isinstance(mod, Delay):
            delays[mod.cycle] = delays.get(mod.cycle, 0) + mod.days
        elif isinstance(mod, DoseLevelChange):
            levels_from.setdefault(mod.cycle, []).append(mod)
        elif isinstance(mod, OmitDays):
            omitted.setdefault((mod.cycle, mod.drug), set()).update(mod.days)
        elif isinstance(mod, StopDrug):
            earlier = stops.get(mod.drug)
            if earlier is None or (mod.cycle, mod.day) < earlier:
                stops[mod.drug] = (mod.cycle, mod.day)
        elif isinstance(mod, WeightChange):
            weights[mod.cycle] = mod

    prior_by_drug: dict[str, Decimal] = {}
    for exposure in inputs.prior:
        factor_for(exposure.drug, settings.anthracycline_factors)
        if not exposure.mg_per_m2.is_finite() or exposure.mg_per_m2 < 0:
            raise InputError("prior", translate(
                "Plan", "Prior anthracycline: the amount for {drug} must be 0 or more mg/m².").format(
                drug=exposure.drug))
    anthracyclines = regimen.anthracyclines
    for drug in anthracyclines:
        prior_by_drug[drug.id] = sum(
            (equivalent_mg_per_m2(e.mg_per_m2, e.drug, drug.id, settings.anthracycline_factors)
             for e in inputs.prior), Decimal(0))
    cumulative = dict(prior_by_drug)
    doxorubicin_factor = {d.id: factor_for(d.id, settings.anthracycline_factors).factor for d in anthracyclines}

    formula, cap, step = settings.formula, settings.bsa_cap_m2, settings.rounding_step_mg
    weight = dose_weight = inputs.weight_kg
    bsa = baseline = calculate_bsa(inputs.height_cm, weight, formula, cap)
    levels = {drug_id: drug.starting_level for drug_id, drug in regimen.drugs.items()}
    calc_cache: dict[tuple[str, Decimal, Decimal, Decimal], DoseCalculation] = {}

    # Day 1 of every cycle first: a delay moves its cycle and every later one, and the cycle before
    # it lasts until the delayed day 1 (its extra days are rest days of that cycle).
    starts: list[date] = []
    start = inputs.start
    for index, phase in enumerate(layout):
        start = start + relativedelta(days=delays.get(index + 1, 0))
        starts.append(start)
        start = start + relativedelta(days=phase.cycle_days)

    cycles: list[Cycle] = []
    for index, phase in enumerate(layout):
        number = index + 1
        delay = delays.get(number, 0)
        start = starts[index]
        length = phase.cycle_days + delays.get(number + 1, 0)
        warnings: list[PlanWarning] = []
        notes: list[str] = []
        change = weights.get(number)
        if change is not None:
            weight = change.weight_kg
            pct = plain(weight_change_pct(weight, dose_weight))
            if needs_recalculation(weight, dose_weight, settings.recalc_threshold_pct):
                if weight != dose_weight:
                    notes.append(translate(
                        "Plan", "Weight {new} kg ({pct}% from {old} kg): doses recalculated.").format(
                        new=plain(weight), pct=pct, old=plain(dose_weight)))
                dose_weight = weight
                bsa = calculate_bsa(inputs.height_cm, dose_weight, formula, cap)
            else:
                notes.append(translate(
                    "Plan", "Weight {new} kg ({pct}% from {old} kg): below the {threshold}% threshold, "
                    "doses unchanged.").format(new=plain(weight), pct=pct, old=plain(dose_weight),
                                               threshold=plain(settings.recalc_threshold_pct)))
        for level_change in levels_from.get(number, ()):
            levels[regimen.drug(level_change.drug).id] = level_change.level

        doses: list[DrugDose] = []
        for phase_drug in phase.drugs:
            drug = regimen.drugs[phase_drug.drug]
            stop = stops.get(drug.id)
            if stop is not None and (stop[0], stop[1]) <= (number, 1):
                continue  # stopped before this cycle began
            stopped_from = stop[1] if stop is not None and stop[0] == number else None
            held = omitted.get((number, drug.id), set())
            days = tuple(d for d in phase_drug.days
                         if d not in held and (stopped_from is None or d < stopped_from))
            level = levels[drug.id]
            key = (drug.id, level, bsa.m2, dose_weight)
            calculation = calc_cache.get(key)
            if calculation is None:
                calculation = calc_cache[key] = calculate_dose(drug, level, bsa.m2, dose_weight, step)
            doses.append(DrugDose(drug, level, drug.levels.index(level), calculation, days,
                                  tuple(sorted(held)), stopped_from))
        # The cap matters only where a dose is worked out from the BSA: on anlotinib-only maintenance
        # cycles the same warning on every row would be noise that hides the warnings that matter.
        if bsa.capped and any(d.given and d.drug.basis == "mg_per_m2" for d in doses):
            warnings.append(PlanWarning("bsa-capped", translate(
                "Plan", "BSA capped at {cap} m² (calculated {bsa} m²).").format(
                cap=format_m2(bsa.m2), bsa=format_m2(bsa.rounded_m2))))
        if not doses and cycles:
            # Every drug stopped: nothing left to plan, and the last cycle no longer waits for a next one.
            cycles[-1] = replace(cycles[-1], length_days=cycles[-1].phase.cycle_days)
            break

        cumulative_pairs: list[tuple[str, Decimal]] = []
        doxorubicin_eq: Decimal | None = None
        for drug in anthracyclines:
            dose = next((d for d in doses if d.drug.id == drug.id), None)
            before = cumulative[drug.id]
            if dose is not None and dose.given:
                # Cumulative exposure counts the prescribed mg/m² (level x administrations), the
                # figure the label's 900 mg/m² limit is expressed in.
                cumulative[drug.id] = before + dose.level * len(dose.days)
                limit = drug.cumulative_limit_mg_per_m2
                if limit is not None and cumulative[drug.id] > limit:
                    warnings.append(PlanWarning(f"cumulative-{drug.id}-limit", translate(
                        "Plan", "Cumulative {drug} {total} mg/m² (prior exposure included) is above the "
                        "{limit} mg/m² limit: check LVEF and confirm with the prescriber.").format(
                        drug=drug.id, total=plain(cumulative[drug.id]), limit=plain(limit))))
            cumulative_pairs.append((drug.id, cumulative[drug.id]))
            doxorubicin_eq = (doxorubicin_eq or Decimal(0)) + cumulative[drug.id] * doxorubicin_factor[drug.id]

        cycles.append(Cycle(
            number=number, phase=phase, start=start, length_days=length, weight_kg=weight,
            dose_weight_kg=dose_weight, bsa=bsa, doses=tuple(doses),
            cumulative_mg_per_m2=tuple(cumulative_pairs), cumulative_doxorubicin_eq_mg_per_m2=doxorubicin_eq,
            warnings=tuple(warnings), notes=tuple(notes), delay_days=delay))

    return Plan(regimen=regimen, inputs=inputs, settings=settings, modifications=mods,
                cycles=tuple(cycles), baseline_bsa=baseline)
