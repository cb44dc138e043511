"""Plan = regimen + patient inputs + modifications -> cycles and days.

The plan computes cycles (dates, weight, BSA, doses, cumulative anthracycline, warnings) eagerly and
the calendar days lazily: a 12-cycle plan has 252 days, and the ward list needs only the cycles of
10,000 patients. Every dose carries its calculation; every warning has a stable code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from planner.core import clinic_days, rules
from planner.core.bsa import BsaResult, calculate_bsa, get_formula
from planner.core.clinic_days import ClinicCalendar
from planner.core.decimal_math import format_m2, plain
from planner.core.dosing import (
    DEFAULT_ROUNDING_STEP,
    DoseCalculation,
    calculate_dose,
    percent_level,
)
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import (
    PERCENT_BASES,
    Delay,
    DoseLevelChange,
    DosePercentChange,
    EndTreatment,
    Modification,
    OmitDays,
    StopDrug,
    WeightChange,
)
from planner.core.regimen import DrugSpec, Phase, Regimen
from planner.core.rules import DosingBasis, WarningCode
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
# An open-ended phase rolls forward while the patient is on treatment: the plan always reaches this many of its
# cycles past `today` (the planning window the ward and the printouts look at).
ROLLING_CYCLES_AHEAD = 3
# Twenty years of 21-day cycles: beyond it a start date is a typo, not a patient still on maintenance.
MAX_ROLLING_CYCLES = 400
MAX_PLANNED_CYCLES = rules.MAX_PLANNED_CYCLES
MAX_DELAY_DAYS = rules.DELAY_DAYS_RANGE[1]


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


@dataclass(frozen=True, slots=True, init=False)
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

    # Written out instead of generated: every plan builds a Cycle per cycle (120,000 for a 10,000-patient
    # list), and the generated frozen __init__ looks `object.__setattr__` up again for each of 13 fields.
    def __init__(self, number: int, phase: Phase, start: date, length_days: int, weight_kg: Decimal,
                 dose_weight_kg: Decimal, bsa: BsaResult, doses: tuple[DrugDose, ...],
                 cumulative_mg_per_m2: tuple[tuple[str, Decimal], ...] = (),
                 cumulative_doxorubicin_eq_mg_per_m2: Decimal | None = None,
                 warnings: tuple[PlanWarning, ...] = (), notes: tuple[str, ...] = (), delay_days: int = 0,
                 _set: Callable[[object, str, object], None] = object.__setattr__) -> None:
        _set(self, "number", number)
        _set(self, "phase", phase)
        _set(self, "start", start)
        _set(self, "length_days", length_days)
        _set(self, "weight_kg", weight_kg)
        _set(self, "dose_weight_kg", dose_weight_kg)
        _set(self, "bsa", bsa)
        _set(self, "doses", doses)
        _set(self, "cumulative_mg_per_m2", cumulative_mg_per_m2)
        _set(self, "cumulative_doxorubicin_eq_mg_per_m2", cumulative_doxorubicin_eq_mg_per_m2)
        _set(self, "warnings", warnings)
        _set(self, "notes", notes)
        _set(self, "delay_days", delay_days)

    @property
    def end(self) -> date:
        return date.fromordinal(self.start.toordinal() + self.length_days - 1)

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
        return any(rules.is_infusion(a.drug.route) for a in self.administrations)


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
                     if rules.is_infusion(dose.drug.route) for d in dose.days)
        return clinic_days.blood_test_dates(infusions, clinic or clinic_days.ALWAYS_OPEN)

    def day_on(self, when: date) -> Day | None:
        for day in self.days():
            if day.date == when:
                return day
        return None

    @property
    def warnings(self) -> tuple[PlanWarning, ...]:
        return tuple(w for c in self.cycles for w in c.warnings)

    @property
    def ended(self) -> EndTreatment | None:
        """The entry that ended the treatment (the earliest, should there be two), or None while it goes on."""
        return ending_of(self.modifications)

    def cycle_on(self, when: date) -> Cycle | None:
        """The cycle in progress on `when` (its delay days included), or None outside the plan."""
        for cycle in self.cycles:
            if cycle.start <= when <= cycle.end:
                return cycle
        return None


# ---------------------------------------------------------------------------- computation


def ending_of(modifications: Iterable[Modification]) -> EndTreatment | None:
    ends = [m for m in modifications if isinstance(m, EndTreatment)]
    return min(ends, key=lambda e: (e.cycle, e.effective_on)) if ends else None


def _cycle_layout(regimen: Regimen, open_ended_cycles: int) -> list[Phase]:
    """The phase of every planned cycle, in order (open-ended phases get `open_ended_cycles`)."""
    layout: list[Phase] = []
    for phase in regimen.phases:
        layout.extend([phase] * (phase.max_cycles if phase.max_cycles is not None else open_ended_cycles))
    return layout


def _ended_layout(regimen: Regimen, layout: list[Phase], end: EndTreatment) -> list[Phase]:
    """The cycles up to and including the one in progress when the treatment ended."""
    last = regimen.phases[-1]
    if not isinstance(end.cycle, int) or not 1 <= end.cycle <= MAX_ROLLING_CYCLES or (
            end.cycle > len(layout) and not last.open_ended):
        raise InputError("end", translate(
            "Plan", "End of treatment: cycle {n} does not exist in this plan.").format(n=end.cycle))
    return layout[:end.cycle] + [last] * (end.cycle - len(layout))


def _rolled_layout(layout: list[Phase], start: date, mods: tuple[Modification, ...], today: date) -> list[Phase]:
    """An open-ended last phase rolls forward: enough of its cycles for the plan to reach ROLLING_CYCLES_AHEAD
    cycles past `today`, delays included (a patient on maintenance for years still has the next cycles)."""
    last = layout[-1]
    delays: dict[int, int] = {}
    for mod in mods:
        if isinstance(mod, Delay) and 0 < mod.days <= MAX_DELAY_DAYS:
            delays[mod.cycle] = delays.get(mod.cycle, 0) + mod.days
    end = start.toordinal() - 1 + sum(p.cycle_days + delays.get(i + 1, 0) for i, p in enumerate(layout))
    target = today.toordinal() + ROLLING_CYCLES_AHEAD * last.cycle_days
    rolled = list(layout)
    while end < target and len(rolled) < MAX_ROLLING_CYCLES:
        rolled.append(last)
        end += last.cycle_days + delays.get(len(rolled), 0)
    return rolled


def _check_cycle(number: int, count: int, what: str) -> None:
    if not 1 <= number <= count:
        raise InputError(what, translate(
            "Plan", "{what}: cycle {n} does not exist; this plan has cycles 1 to {count}.").format(
            what=_FIELD_LABELS().get(what, what), n=number, count=count))


def _FIELD_LABELS() -> dict[str, str]:
    return {
        "delay": translate("Plan", "Delay"),
        "reduce": translate("Plan", "Dose level change"),
        "percent": translate("Plan", "Percentage dose change"),
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
                    drug=drug.label, levels=", ".join(plain(v) for v in drug.levels), unit=drug.unit,
                    level=plain(mod.level)))
        elif isinstance(mod, DosePercentChange):
            _check_cycle(mod.cycle, count, "percent")
            drug = regimen.drug(mod.drug)
            if drug.basis == "flat":
                raise InputError("percent", translate(
                    "Plan", "Percentage dose change: {drug} is a flat dose in fixed strengths; change its dose "
                    "level instead.").format(drug=drug.name))
            if not mod.percent.is_finite() or not 0 < mod.percent <= 100:
                raise InputError("percent", translate(
                    "Plan", "Percentage dose change: enter a percentage above 0 and at most 100, not {pct}.").format(
                    pct=mod.percent))
            if mod.of not in PERCENT_BASES:
                raise InputError("percent", translate(
                    "Plan", "Percentage dose change: the base is 'starting' or 'current', not '{of}'.").format(
                    of=mod.of))
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
                        what=_FIELD_LABELS()[what], drug=drug.label, day=day, cycle=mod.cycle))
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
            drug=drug.label, level=plain(change.level), unit=drug.unit, cycle=change.cycle))


def level_index_of(drug: DrugSpec, level: Decimal) -> int:
    """The regimen level's index, or for a percentage level (45 mg/m²) how many regimen levels lie above it
    (at least 1), so every screen that flags "reduced" by `level_index > 0` flags it too."""
    if level in drug.levels:
        return drug.levels.index(level)
    return max(1, sum(1 for candidate in drug.levels if candidate > level))


def compute_plan(regimen: Regimen, inputs: PatientInputs, settings: PlanSettings = PlanSettings(),
                 modifications: Iterable[Modification] = (), *, today: date | None = None) -> Plan:
    """Compute every cycle of the plan. Raises InputError naming the field for any bad input.

    With `today`, an open-ended last phase (maintenance) rolls forward to cover today and the next
    ROLLING_CYCLES_AHEAD cycles, until an `EndTreatment` ends the plan after the cycle it names."""
    # Every value is range-checked first; the guard is the last line, so an overflow that slipped
    # through is still a message about the plan, never a traceback.
    with rules.guarded("plan", translate("Plan", "Plan")):
        return _compute_plan(regimen, inputs, settings, tuple(modifications), today)


# What a dose calculation depends on: drug, level, BSA (mg/m²), weight (mg/kg) and the percentage behind
# a level (50% of 90); the rounding step is the frame's.
_CalculationKey = tuple[str, Decimal, Decimal | None, Decimal | None, tuple[Decimal, Decimal] | None]


@dataclass(frozen=True)
class _Frame:
    """What a plan takes from its regimen and settings alone, checked and worked out once for all the
    patients planned with them: the cycle layout, the anthracyclines and their factors, and the doses
    already calculated (a dose depends on the drug, level, BSA, weight and rounding step, never on who
    the patient is: 90 mg/m² x 1.82 m² is 164 mg for everyone)."""

    layout: tuple[Phase, ...]
    anthracyclines: tuple[DrugSpec, ...]
    doxorubicin_factor: dict[str, Decimal]
    starting_levels: dict[str, Decimal]
    calculations: dict[_CalculationKey, DoseCalculation]
    drug_doses: dict[tuple[object, ...], DrugDose]


# (id(regimen), settings, str(rounding step)) -> (regimen, frame). The regimen is kept with its frame so
# its id cannot be reused while the entry lives; str(step) because 1 and 1.0 are equal Decimals that
# round doses to 164 and 164.0. Small and cleared when full: a unit uses a handful of regimens.
_FRAMES: dict[tuple[int, PlanSettings, str], tuple[Regimen, _Frame]] = {}
_MAX_FRAMES = 64
# A frame's dose tables stop growing here (then start again): a unit's BSAs take a few hundred values.
_MAX_CACHED_DOSES = 20_000


# The frame of the last plan: a unit's plans come one after another with the same regimen and settings
# objects, and comparing identities is cheaper than hashing the settings.
_last_frame: tuple[Regimen, PlanSettings, _Frame] | None = None


def _frame(regimen: Regimen, settings: PlanSettings) -> _Frame:
    global _last_frame
    last = _last_frame
    if last is not None and last[0] is regimen and last[1] is settings:
        return _checked_size(last[2])
    frame = _lookup_frame(regimen, settings)
    _last_frame = (regimen, settings, frame)
    return frame


def _checked_size(frame: _Frame) -> _Frame:
    if len(frame.drug_doses) > _MAX_CACHED_DOSES or len(frame.calculations) > _MAX_CACHED_DOSES:
        frame.drug_doses.clear()
        frame.calculations.clear()
    return frame


def _lookup_frame(regimen: Regimen, settings: PlanSettings) -> _Frame:
    try:
        key = (id(regimen), settings, str(settings.rounding_step_mg))
        cached = _FRAMES.get(key)
    except TypeError:  # settings holding something unhashable: check and work out afresh, uncached
        return _new_frame(regimen, settings)
    if cached is not None and cached[0] is regimen:
        return _checked_size(cached[1])
    frame = _new_frame(regimen, settings)
    if len(_FRAMES) >= _MAX_FRAMES:
        _FRAMES.clear()
    _FRAMES[key] = (regimen, frame)
    return frame


def _new_frame(regimen: Regimen, settings: PlanSettings) -> _Frame:
    """Every setting checked (an InputError naming the field is raised, and nothing is cached)."""
    get_formula(settings.formula)
    rules.check_rounding_step(settings.rounding_step_mg)
    rules.check_recalc_threshold(settings.recalc_threshold_pct)
    rules.check_maintenance_cycles(settings.open_ended_cycles)
    rules.check_bsa_cap(settings.bsa_cap_m2)
    layout = _cycle_layout(regimen, settings.open_ended_cycles)
    if not layout:
        raise InputError("maintenance_cycles", translate(
            "Plan", "Maintenance cycles: this regimen is open-ended; plan at least 1 cycle."))
    anthracyclines = regimen.anthracyclines
    return _Frame(
        layout=tuple(layout), anthracyclines=anthracyclines,
        doxorubicin_factor={d.id: factor_for(d.id, settings.anthracycline_factors).factor for d in anthracyclines},
        starting_levels={drug_id: drug.starting_level for drug_id, drug in regimen.drugs.items()},
        calculations={}, drug_doses={})


def _compute_plan(regimen: Regimen, inputs: PatientInputs, settings: PlanSettings,
                  all_mods: tuple[Modification, ...], today: date | None = None) -> Plan:
    frame = _frame(regimen, settings)
    rules.check_plan_start(inputs.start)
    layout = list(frame.layout)
    end = ending_of(all_mods) if all_mods else None
    mods = all_mods
    if end is not None:
        layout = _ended_layout(regimen, layout, end)
        # Changes entered for cycles after the end no longer apply (they stay on record in `modifications`).
        mods = tuple(m for m in all_mods if not isinstance(m, EndTreatment) and m.cycle <= end.cycle)
    elif today is not None and layout[-1].open_ended:
        layout = _rolled_layout(layout, inputs.start, mods, today)
    if mods:
        validate_modifications(regimen, layout, mods)

    delays: dict[int, int] = {}
    levels_from: dict[int, list[DoseLevelChange | DosePercentChange]] = {}
    omitted: dict[tuple[int, str], set[int]] = {}
    stops: dict[str, tuple[int, int]] = {}
    weights: dict[int, WeightChange] = {}
    for mod in mods:
        if isinstance(mod, Delay):
            delays[mod.cycle] = delays.get(mod.cycle, 0) + mod.days
        elif isinstance(mod, DoseLevelChange | DosePercentChange):
            levels_from.setdefault(mod.cycle, []).append(mod)
        elif isinstance(mod, OmitDays):
            omitted.setdefault((mod.cycle, mod.drug), set()).update(mod.days)
        elif isinstance(mod, StopDrug):
            earlier = stops.get(mod.drug)
            if earlier is None or (mod.cycle, mod.day) < earlier:
                stops[mod.drug] = (mod.cycle, mod.day)
        elif isinstance(mod, WeightChange):
            weights[mod.cycle] = mod

    anthracyclines = frame.anthracyclines
    cumulative: dict[str, Decimal] = {}
    if inputs.prior:
        for exposure in inputs.prior:
            factor_for(exposure.drug, settings.anthracycline_factors)
            rules.check_prior_amount(exposure.mg_per_m2, exposure.drug)
        for drug in anthracyclines:
            cumulative[drug.id] = sum(
                (equivalent_mg_per_m2(e.mg_per_m2, e.drug, drug.id, settings.anthracycline_factors)
                 for e in inputs.prior), Decimal(0))
    else:
        for drug in anthracyclines:
            cumulative[drug.id] = Decimal(0)
    doxorubicin_factor = frame.doxorubicin_factor

    formula, cap, step = settings.formula, settings.bsa_cap_m2, settings.rounding_step_mg
    weight = dose_weight = inputs.weight_kg
    bsa = baseline = calculate_bsa(inputs.height_cm, weight, formula, cap)
    bsa_m2, capped = bsa.m2, bsa.capped
    levels = dict(frame.starting_levels)
    # The percentage behind a level that is not one of the regimen's (50% of 90 = 45), for the shown sum.
    percents: dict[str, tuple[Decimal, Decimal] | None] = dict.fromkeys(levels)

    # Day 1 of every cycle first: a delay moves its cycle and every later one, and the cycle before
    # it lasts until the delayed day 1 (its extra days are rest days of that cycle).
    # Ordinal arithmetic: dateutil's relativedelta cost half of a plan's time for plain day offsets.
    first = inputs.start.toordinal()
    start_ordinals: list[int] = []
    ordinal = first
    if delays:
        for index, phase in enumerate(layout):
            ordinal += delays.get(index + 1, 0)
            start_ordinals.append(ordinal)
            ordinal += phase.cycle_days
    else:
        for phase in layout:
            start_ordinals.append(ordinal)
            ordinal += phase.cycle_days
    # The day before the next cycle would start is the last possible day of the plan: checked before any
    # cycle is built, so a start in 2099 (or 9999) is an error on the start, not a crash in date arithmetic.
    rules.check_plan_end(rules.add_days(inputs.start, ordinal - 1 - first))
    fromordinal = date.fromordinal

    # Cycles whose doses can differ from the cycle before: any change made in them.
    touched = ({*weights, *levels_from, *(c for c, _ in omitted), *(c for c, _ in stops.values())}
               if mods else set())
    previous_doses: tuple[DrugDose, ...] | None = None
    previous_phase: Phase | None = None
    # What the cycle's doses add to each anthracycline's cumulative mg/m², worked out once per doses tuple.
    increments: tuple[tuple[DrugSpec, Decimal | None], ...] = ()
    cycles: list[Cycle] = []
    no_notes: tuple[str, ...] = ()
    for index, phase in enumerate(layout):
        number = index + 1
        if delays:
            delay = delays.get(number, 0)
            length = phase.cycle_days + delays.get(number + 1, 0)
        else:
            delay, length = 0, phase.cycle_days
        warnings: list[PlanWarning] = []
        notes: list[str] = []
        change = weights.get(number) if weights else None
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
                bsa_m2, capped = bsa.m2, bsa.capped
            else:
                notes.append(translate(
                    "Plan", "Weight {new} kg ({pct}% from {old} kg): below the {threshold}% threshold, "
                    "doses unchanged.").format(new=plain(weight), pct=pct, old=plain(dose_weight),
                                               threshold=plain(settings.recalc_threshold_pct)))
        if levels_from:
            for level_change in levels_from.get(number, ()):
                drug_id = regimen.drug(level_change.drug).id
                if isinstance(level_change, DosePercentChange):
                    of = regimen.drugs[drug_id].starting_level if level_change.of == "starting" else levels[drug_id]
                    levels[drug_id] = percent_level(level_change.percent, of)
                    percents[drug_id] = (level_change.percent, of)
                else:
                    levels[drug_id] = level_change.level
                    percents[drug_id] = None

        # A cycle that nothing touches (no weight, level, held-day or stop change in it or in the cycle
        # before) in the same phase as the cycle before gives its drugs exactly as that cycle did: reuse its
        # doses instead of working them out again (most cycles of most plans).
        doses: tuple[DrugDose, ...]
        if (previous_doses is not None and phase is previous_phase and number not in touched
                and number - 1 not in touched):
            doses = previous_doses
        else:
            doses = tuple(_cycle_doses(regimen, phase, number, stops, omitted, levels, percents, bsa_m2,
                                       dose_weight, step, frame.calculations, frame.drug_doses))
            if doses is not previous_doses:
                increments = _anthracycline_increments(anthracyclines, doses)
        previous_doses, previous_phase = doses, phase
        # The cap matters only where a dose is worked out from the BSA: on anlotinib-only maintenance
        # cycles the same warning on every row would be noise that hides the warnings that matter.
        if capped and any(d.given and d.drug.basis is DosingBasis.MG_PER_M2 for d in doses):
            warnings.append(PlanWarning(WarningCode.BSA_CAPPED, translate(
                "Plan", "BSA capped at {cap} m² (calculated {bsa} m²).").format(
                cap=format_m2(bsa.m2), bsa=format_m2(bsa.rounded_m2))))
        if not doses and cycles:
            # Every drug stopped: nothing left to plan, and the last cycle no longer waits for a next one.
            cycles[-1] = replace(cycles[-1], length_days=cycles[-1].phase.cycle_days)
            break

        cumulative_pairs: list[tuple[str, Decimal]] = []
        doxorubicin_eq: Decimal | None = None
        for drug, increment in increments:
            if increment is not None:
                # Cumulative exposure counts the prescribed mg/m² (level x administrations), the
                # figure the label's 900 mg/m² limit is expressed in.
                total = cumulative[drug.id] = cumulative[drug.id] + increment
                limit = drug.cumulative_limit_mg_per_m2
                if limit is not None and total > limit:
                    warnings.append(PlanWarning(WarningCode.CUMULATIVE_LIMIT.for_drug(drug.id), translate(
                        "Plan", "Cumulative {drug} {total} mg/m² (prior exposure included) is above the "
                        "{limit} mg/m² limit: check LVEF and confirm with the prescriber.").format(
                        drug=drug.id, total=plain(total), limit=plain(limit))))
            else:
                total = cumulative[drug.id]
            cumulative_pairs.append((drug.id, total))
            weighted = total * doxorubicin_factor[drug.id]
            doxorubicin_eq = weighted if doxorubicin_eq is None else doxorubicin_eq + weighted

        cycles.append(Cycle(
            number, phase, fromordinal(start_ordinals[index]), length, weight, dose_weight, bsa, doses,
            tuple(cumulative_pairs), doxorubicin_eq, tuple(warnings) if warnings else (),
            tuple(notes) if notes else no_notes, delay))

    return Plan(regimen=regimen, inputs=inputs, settings=settings, modifications=all_mods,
                cycles=tuple(cycles), baseline_bsa=baseline)


def _anthracycline_increments(anthracyclines: tuple[DrugSpec, ...], doses: tuple[DrugDose, ...]
                              ) -> tuple[tuple[DrugSpec, Decimal | None], ...]:
    """Per anthracycline of the regimen, the mg/m² these doses add (level x administrations), or None when
    the drug is not given in them."""
    out: list[tuple[DrugSpec, Decimal | None]] = []
    for drug in anthracyclines:
        increment: Decimal | None = None
        for dose in doses:
            if dose.drug is drug:
                if dose.days:
                    increment = dose.level * len(dose.days)
                break
        out.append((drug, increment))
    return tuple(out)


def _cycle_doses(regimen: Regimen, phase: Phase, number: int, stops: dict[str, tuple[int, int]],
                 omitted: dict[tuple[int, str], set[int]], levels: dict[str, Decimal],
                 percents: dict[str, tuple[Decimal, Decimal] | None], bsa_m2: Decimal, dose_weight: Decimal,
                 step: Decimal, calc_cache: dict[_CalculationKey, DoseCalculation],
                 dose_cache: dict[tuple[object, ...], DrugDose]) -> list[DrugDose]:
    """The doses of cycle `number`: each drug of its phase at the level in force, held days and stops applied."""
    doses: list[DrugDose] = []
    for phase_drug in phase.drugs:
        drug = regimen.drugs[phase_drug.drug]
        stop = stops.get(drug.id)
        if stop is not None and (stop[0], stop[1]) <= (number, 1):
            continue  # stopped before this cycle began
        stopped_from = stop[1] if stop is not None and stop[0] == number else None
        held = omitted.get((number, drug.id))
        held_days: tuple[int, ...]
        if held is None and stopped_from is None:
            days, held_days = phase_drug.days, ()
        else:
            held = held or set()
            days = tuple(d for d in phase_drug.days
                         if d not in held and (stopped_from is None or d < stopped_from))
            held_days = tuple(sorted(held))
        level, percent = levels[drug.id], percents[drug.id]
        # The key holds only what this drug's dose depends on, so the table serves every patient with the
        # same BSA (mg/m²), the same weight (mg/kg) or anyone at all (a flat dose).
        basis = drug.basis
        key = (drug.id, level, bsa_m2 if basis is DosingBasis.MG_PER_M2 else None,
               dose_weight if basis is DosingBasis.MG_PER_KG else None, percent)
        calculation = calc_cache.get(key)
        if calculation is None:
            calculation = calc_cache[key] = calculate_dose(
                drug, level, bsa_m2, dose_weight, step, percent=percent[0] if percent else None,
                percent_of=percent[1] if percent else None)
        # Most cycles of a plan give the same drug the same way: one frozen DrugDose serves them all
        # (a DrugDose holds no date), which saves most of a plan's object construction.
        dose_key = (key, days, held_days, stopped_from)
        drug_dose = dose_cache.get(dose_key)
        if drug_dose is None:
            drug_dose = dose_cache[dose_key] = DrugDose(
                drug, level, level_index_of(drug, level), calculation, days, held_days, stopped_from)
        doses.append(drug_dose)
    return doses
