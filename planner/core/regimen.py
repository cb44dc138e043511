"""Regimens are data: TOML files loaded and validated into frozen dataclasses.

A malformed file is rejected with the file, the key and the reason, so whoever edits a regimen
file sees exactly what to fix. The shipped regimens live in `resources/regimens/` (installed as
`planner.resources`), found through importlib.resources so an installed wheel finds them too.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from planner.core.assessment import ToxicityTerm
from planner.core.cycle_rules import Rule, parse_rules, parse_toxicity_terms
from planner.core.errors import InputError, RegimenError
from planner.core.i18n import translate
from planner.core.monitoring import MonitoringItem, parse_monitoring
from planner.core.rules import DosingBasis, Route, parse_whole, text_problem
from planner.core.shipped import shipped_file

BASES = tuple(DosingBasis)
BASIS_UNITS = {DosingBasis.FLAT: "mg", DosingBasis.MG_PER_M2: "mg/m²", DosingBasis.MG_PER_KG: "mg/kg"}
DEFAULT_REGIMEN = "anlotinib-epirubicin"
# Cycle lengths and counts in a regimen file: a year-long cycle is already absurd; the bound keeps a
# typo (210000) from becoming a plan of 210000 calendar days.
MAX_REGIMEN_NUMBER = 366


def regimen_text(text: str) -> str:
    """A text from a regimen file (drug name, route, instructions, phase name...) in the current language.

    Translated where it is shown, not when the file is loaded: the loaded values stay as written (the route
    decides IV or oral, `load_regimen` is cached), and a language switch needs no reload. The texts reach
    the .ts through tools/extract_regimen_strings.py (context "Regimen").
    """
    return translate("Regimen", text) if text else text


@dataclass(frozen=True)
class DrugSpec:
    """A drug as a regimen gives it: route, dosing basis and its dose levels (starting dose first)."""

    id: str
    name: str
    route: Route
    basis: DosingBasis
    levels: tuple[Decimal, ...]
    form: str = ""
    strengths_mg: tuple[Decimal, ...] = ()
    concentration_mg_per_ml: Decimal | None = None
    vials_mg: tuple[Decimal, ...] = ()
    instructions: str = ""
    missed_dose: str = ""
    vomiting: str = ""  # what to do after vomiting a dose (patient calendar)
    # How an infusion is given (the dose sheet's order details); empty / None when the file does not say.
    diluent: str = ""
    infusion_volume_ml: Decimal | None = None
    infusion_duration: str = ""
    vesicant: bool = False
    extravasation: str = ""  # what to do on extravasation of a vesicant
    anthracycline: bool = False
    cumulative_limit_mg_per_m2: Decimal | None = None
    infusion_minutes: int = 0  # time in the chair for one infusion (ward forecast chair-hours)

    @property
    def label(self) -> str:
        """The drug's name in the current language (安罗替尼, 盐酸表柔比星)."""
        return regimen_text(self.name)

    @property
    def short_label(self) -> str:
        """The name's first word in the current language ("Epirubicin", 表柔比星) for sentences and columns."""
        return regimen_text(self.name.split()[0]) if self.name.split() else self.name

    @property
    def route_label(self) -> str:
        return regimen_text(self.route)

    @property
    def instructions_label(self) -> str:
        return regimen_text(self.instructions)

    @property
    def missed_dose_label(self) -> str:
        return regimen_text(self.missed_dose)

    @property
    def unit(self) -> str:
        """The unit of a dose level: mg, mg/m² or mg/kg."""
        return BASIS_UNITS[self.basis]

    @property
    def starting_level(self) -> Decimal:
        return self.levels[0]

    def level_index(self, amount: Decimal) -> int:
        return self.levels.index(amount)

    def resolve_level(self, text: str) -> Decimal:
        """A dose level from what a person typed: an amount (`10`, `75`) or a step (`-1`, `-2`)."""
        raw = text.strip()
        levels = ", ".join(format(level, "f") for level in self.levels)
        problem = translate(
            "Regimen", "Dose level: {drug} has the levels {levels} {unit} (or -1, -2 for one or two "
            "levels down); '{text}' is not one of them.").format(
            drug=self.label, levels=levels, unit=self.unit, text=raw)
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise InputError("level", problem) from None
        if not number.is_finite():
            raise InputError("level", problem)
        if number <= 0 and number == number.to_integral_value() and -number < len(self.levels):
            return self.levels[int(-number)]
        for level in self.levels:
            if level == number:
                return level
        raise InputError("level", problem)


@dataclass(frozen=True)
class PhaseDrug:
    drug: str
    days: tuple[int, ...]


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    cycle_days: int
    max_cycles: int | None
    drugs: tuple[PhaseDrug, ...]

    @property
    def label(self) -> str:
        """The phase's name in the current language (联合治疗, 维持治疗)."""
        return regimen_text(self.name)

    @property
    def open_ended(self) -> bool:
        return self.max_cycles is None


@dataclass(frozen=True)
class Regimen:
    id: str
    name: str
    indication: str
    source: str
    drugs: dict[str, DrugSpec]
    phases: tuple[Phase, ...]
    # What the assessment before each cycle checks (planner.core.cycle_rules); empty = no rules.
    toxicities: tuple[ToxicityTerm, ...] = ()
    rules: tuple[Rule, ...] = ()
    # The tests due before cycles (planner.core.monitoring); empty = no schedule.
    monitoring: tuple[MonitoringItem, ...] = ()

    def __hash__(self) -> int:  # dict field: hash by identity of the file's id
        return hash(self.id)

    @property
    def label(self) -> str:
        return regimen_text(self.name)

    @property
    def indication_label(self) -> str:
        return regimen_text(self.indication)

    def drug(self, drug_id: str) -> DrugSpec:
        try:
            return self.drugs[drug_id.strip().lower()]
        except KeyError:
            raise InputError("drug", translate(
                "Regimen", "Drug: '{drug}' is not part of the regimen {regimen}; it has {drugs}.").format(
                drug=drug_id, regimen=self.label, drugs=", ".join(self.drugs))) from None

    @property
    def anthracyclines(self) -> tuple[DrugSpec, ...]:
        return tuple(d for d in self.drugs.values() if d.anthracycline)


# ---------------------------------------------------------------- loading and validation


class _Reader:
    """Reads one table of a regimen file, raising RegimenError with the dotted key on any problem."""

    def __init__(self, source: str, table: dict[str, Any], path: str) -> None:
        self.source, self.table, self.path = source, table, path

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def fail(self, name: str, reason: str) -> RegimenError:
        return RegimenError(self.source, self.key(name), reason)

    def text(self, name: str, required: bool = True, default: str = "") -> str:
        value = self.table.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing (a text is required)")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(name, f"must be a non-empty text, not {value!r}")
        problem = text_problem(value.strip())
        if problem is not None:  # it is printed on every calendar and dose sheet
            raise self.fail(name, f"contains {problem}")
        return value.strip()

    def number(self, name: str, required: bool = True, positive: bool = True) -> Decimal | None:
        value = self.table.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing (a number is required)")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(name, f"must be a number, not {value!r}")
        number = Decimal(str(value))
        if not number.is_finite() or (positive and number <= 0) or abs(number.adjusted()) > 9:
            raise self.fail(name, f"must be a number above 0, not {value!r}")
        return number

    def integer(self, name: str, required: bool = True) -> int | None:
        value = self.table.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing (a whole number is required)")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_REGIMEN_NUMBER:
            raise self.fail(name, f"must be a whole number above 0 and at most {MAX_REGIMEN_NUMBER}, not {value!r}")
        return value

    def numbers(self, name: str, required: bool = True) -> tuple[Decimal, ...]:
        value = self.table.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing (a list of numbers is required)")
            return ()
        if not isinstance(value, list) or not value:
            raise self.fail(name, f"must be a non-empty list of numbers, not {value!r}")
        out = []
        for i, item in enumerate(value):
            if (isinstance(item, bool) or not isinstance(item, int | float) or not 0 < item < 10**9
                    or item != item):
                raise self.fail(f"{name}[{i}]", f"must be a number above 0, not {item!r}")
            out.append(Decimal(str(item)))
        return tuple(out)


def parse_days(text: str, cycle_days: int) -> tuple[int, ...]:
    """`"1-14"`, `"1"`, `"1,8,15"`, `"1-3, 8"` -> sorted unique cycle days; ValueError if malformed."""
    days: set[int] = set()
    for part in str(text).split(","):
        part = part.strip()
        if not part:
            raise ValueError("empty day in the list")
        if "-" in part:
            first_text, _, last_text = part.partition("-")
            first, last = _day_number(first_text), _day_number(last_text)
            if first > last:
                raise ValueError(f"range {part} runs backwards")
            if first < 1 or last > cycle_days:  # before expanding: 1-999999999 must not fill memory
                raise ValueError(f"day {first if first < 1 else last} is outside the {cycle_days}-day cycle")
            days.update(range(first, last + 1))
        else:
            days.add(_day_number(part))
    bad = [d for d in days if not 1 <= d <= cycle_days]
    if bad:
        raise ValueError(f"day {min(bad)} is outside the {cycle_days}-day cycle")
    return tuple(sorted(days))


def _day_number(text: str) -> int:
    """A day of a cycle: a whole number, said so in words (not Python's `invalid literal for int()`)."""
    try:
        return parse_whole(text, "days", "day")
    except InputError:
        raise ValueError(f"'{text.strip()}' is not a number") from None


def _load_drug(source: str, drug_id: str, table: object) -> DrugSpec:
    if not isinstance(table, dict):
        raise RegimenError(source, f"drugs.{drug_id}", "must be a table")
    r = _Reader(source, table, f"drugs.{drug_id}")
    basis_text = r.text("basis")
    if basis_text not in {b.value for b in DosingBasis}:
        raise r.fail("basis", f"must be one of {', '.join(BASES)}, not {basis_text!r}")
    basis = DosingBasis(basis_text)
    try:
        route = Route.parse(r.text("route"))
    except ValueError as exc:
        raise r.fail("route", str(exc)) from None
    levels = r.numbers("levels")
    if list(levels) != sorted(levels, reverse=True) or len(set(levels)) != len(levels):
        raise r.fail("levels", "must start with the full dose and go strictly down, e.g. [90, 75, 60]")
    anthracycline = table.get("anthracycline", False)
    if not isinstance(anthracycline, bool):
        raise r.fail("anthracycline", f"must be true or false, not {anthracycline!r}")
    vesicant = table.get("vesicant", False)
    if not isinstance(vesicant, bool):
        raise r.fail("vesicant", f"must be true or false, not {vesicant!r}")
    return DrugSpec(
        id=drug_id, name=r.text("name"), route=route, basis=basis, levels=levels,
        form=r.text("form", required=False), strengths_mg=r.numbers("strengths_mg", required=False),
        concentration_mg_per_ml=r.number("concentration_mg_per_ml", required=False),
        vials_mg=r.numbers("vials_mg", required=False),
        instructions=r.text("instructions", required=False),
        missed_dose=r.text("missed_dose", required=False),
        vomiting=r.text("vomiting", required=False),
        diluent=r.text("diluent", required=False),
        infusion_volume_ml=r.number("infusion_volume_ml", required=False),
        infusion_duration=r.text("infusion_duration", required=False),
        vesicant=vesicant,
        extravasation=r.text("extravasation", required=False),
        anthracycline=anthracycline,
        cumulative_limit_mg_per_m2=r.number("cumulative_limit_mg_per_m2", required=False),
        infusion_minutes=r.integer("infusion_minutes", required=False) or 0,
    )


def _load_phase(source: str, index: int, table: object, drugs: dict[str, DrugSpec],
                seen: set[str]) -> Phase:
    if not isinstance(table, dict):
        raise RegimenError(source, f"phases[{index}]", "must be a table")
    r = _Reader(source, table, f"phases[{index}]")
    phase_id = r.text("id")
    if phase_id in seen:
        raise r.fail("id", f"phase {phase_id!r} appears twice")
    cycle_days = r.integer("cycle_days")
    assert cycle_days is not None
    max_cycles = r.integer("max_cycles", required=False)
    entries = table.get("drugs")
    if not isinstance(entries, list) or not entries:
        raise r.fail("drugs", "must be a non-empty list of { drug = ..., days = ... }")
    phase_drugs = []
    for j, entry in enumerate(entries):
        key = f"drugs[{j}]"
        if not isinstance(entry, dict):
            raise r.fail(key, "must be a table { drug = ..., days = ... }")
        drug_id = entry.get("drug")
        if drug_id not in drugs:
            raise r.fail(f"{key}.drug", f"{drug_id!r} is not defined under [drugs]")
        try:
            days = parse_days(str(entry.get("days", "")), cycle_days)
        except ValueError as exc:
            raise r.fail(f"{key}.days", f"{entry.get('days')!r}: {exc}") from None
        phase_drugs.append(PhaseDrug(drug=drug_id, days=days))
    return Phase(id=phase_id, name=r.text("name"), cycle_days=cycle_days, max_cycles=max_cycles,
                 drugs=tuple(phase_drugs))


def parse_regimen(data: dict[str, Any], source: str) -> Regimen:
    """Validate a parsed TOML document into a Regimen; RegimenError names the first problem."""
    r = _Reader(source, data, "")
    drug_tables = data.get("drugs")
    if not isinstance(drug_tables, dict) or not drug_tables:
        raise RegimenError(source, "drugs", "missing: define at least one [drugs.NAME] table")
    drugs = {drug_id: _load_drug(source, drug_id, table) for drug_id, table in drug_tables.items()}
    phase_tables = data.get("phases")
    if not isinstance(phase_tables, list) or not phase_tables:
        raise RegimenError(source, "phases", "missing: define at least one [[phases]] table")
    seen: set[str] = set()
    phases = []
    for i, table in enumerate(phase_tables):
        phase = _load_phase(source, i, table, drugs, seen)
        seen.add(phase.id)
        phases.append(phase)
    for phase in phases[:-1]:
        if phase.open_ended:
            raise RegimenError(source, f"phases[{phases.index(phase)}].max_cycles",
                               "only the last phase may be open-ended; give this one max_cycles")
    used = {pd.drug for phase in phases for pd in phase.drugs}
    unused = sorted(set(drugs) - used)
    if unused:
        raise RegimenError(source, f"drugs.{unused[0]}", "is defined but given in no phase")
    toxicities = parse_toxicity_terms(source, data.get("toxicities"))
    rules = parse_rules(source, data.get("rules"), drugs, toxicities)
    monitoring = parse_monitoring(source, data.get("monitoring"), drugs)
    return Regimen(id=r.text("id"), name=r.text("name"), indication=r.text("indication", required=False),
                   source=r.text("source", required=False), drugs=drugs, phases=tuple(phases),
                   toxicities=toxicities, rules=rules, monitoring=monitoring)


def load_regimen_file(path: Path | str) -> Regimen:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegimenError(str(path), "", f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise RegimenError(str(path), "", "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise RegimenError(str(path), "", f"is not valid TOML ({exc})") from None
    regimen = parse_regimen(data, str(path))
    if regimen.id != path.stem:
        raise RegimenError(str(path), "id", f"{regimen.id!r} must match the file name {path.stem!r}")
    return regimen


def _shipped_regimen_files() -> dict[str, Path]:
    return {entry.stem: entry for entry in shipped_file("regimens").iterdir() if entry.name.endswith(".toml")}


def available_regimens() -> list[str]:
    """Ids of the shipped regimens, sorted."""
    return sorted(_shipped_regimen_files())


@cache
def load_regimen(regimen_id: str = DEFAULT_REGIMEN) -> Regimen:
    """A shipped regimen by id; InputError (field `regimen`) when there is no such regimen."""
    files = _shipped_regimen_files()
    entry = files.get(regimen_id)
    if entry is None:
        raise InputError("regimen", translate(
            "Regimen", "Regimen: '{id}' is not known; choose one of {choices}.").format(
            id=regimen_id, choices=", ".join(sorted(files))))
    return load_regimen_file(entry)
