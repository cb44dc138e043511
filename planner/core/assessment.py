"""What a nurse measures before a cycle: the assessment record, its units, ranges and parsers.

Every field has a unit and a plausible range; a value outside it is refused with an InputError that
names the field the way the command line does (`anc`, `uln-ast`, `toxicity`), so a typing slip (150
for 1.5) never reaches a rule. Bilirubin keeps the unit it was entered in; the rules compare it in
mg/dL (µmol/L / 17.1, exact). AST and ALT only mean something against the lab's upper limit of normal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from planner.core.errors import InputError
from planner.core.i18n import translate

UMOL_PER_MG_DL = Decimal("17.1")  # bilirubin: 1 mg/dL = 17.1 µmol/L

# (low, high, unit) of every numeric field, both ends accepted.
RANGES: dict[str, tuple[Decimal, Decimal, str]] = {
    "anc": (Decimal(0), Decimal(100), "x 10^9/L"),
    "platelets": (Decimal(0), Decimal(2000), "x 10^9/L"),
    "hb": (Decimal(20), Decimal(250), "g/L"),
    "bilirubin": (Decimal(0), Decimal(1000), "µmol/L"),
    "ast": (Decimal(0), Decimal(10000), "U/L"),
    "alt": (Decimal(0), Decimal(10000), "U/L"),
    "uln-ast": (Decimal(5), Decimal(500), "U/L"),
    "uln-alt": (Decimal(5), Decimal(500), "U/L"),
    "creatinine": (Decimal(0), Decimal(3000), "µmol/L"),
    "lvef": (Decimal(5), Decimal(90), "%"),
    "nadir-anc": (Decimal(0), Decimal(100), "x 10^9/L"),
    "nadir-platelets": (Decimal(0), Decimal(2000), "x 10^9/L"),
    "systolic-bp": (Decimal(50), Decimal(300), "mmHg"),
    "diastolic-bp": (Decimal(20), Decimal(200), "mmHg"),
    "urine-protein": (Decimal(0), Decimal(50), "g/24 h"),
}
GRADES = (1, 2, 3, 4)


def _labels() -> dict[str, str]:
    return {
        "anc": translate("Assessment", "ANC"),
        "platelets": translate("Assessment", "Platelets"),
        "hb": translate("Assessment", "Haemoglobin"),
        "bilirubin": translate("Assessment", "Bilirubin"),
        "ast": translate("Assessment", "AST"),
        "alt": translate("Assessment", "ALT"),
        "uln-ast": translate("Assessment", "AST upper limit of normal"),
        "uln-alt": translate("Assessment", "ALT upper limit of normal"),
        "creatinine": translate("Assessment", "Creatinine"),
        "lvef": translate("Assessment", "LVEF"),
        "nadir-anc": translate("Assessment", "Nadir ANC"),
        "nadir-platelets": translate("Assessment", "Nadir platelets"),
        "systolic-bp": translate("Assessment", "Systolic blood pressure"),
        "diastolic-bp": translate("Assessment", "Diastolic blood pressure"),
        "urine-protein": translate("Assessment", "Urine protein"),
        "toxicity": translate("Assessment", "Toxicity"),
        "ongoing": translate("Assessment", "Ongoing toxicity"),
    }


def field_label(name: str) -> str:
    return _labels().get(name, name)


def _out_of_range(name: str, value: object) -> InputError:
    low, high, unit = RANGES[name]
    return InputError(name, translate(
        "Assessment", "{label} ({name}): {value} is outside the plausible range {low}-{high} {unit}.").format(
        label=field_label(name), name=name, value=value, low=low, high=high, unit=unit))


def check_range(name: str, value: Decimal | None) -> None:
    if value is None:
        return
    low, high, _ = RANGES[name]
    if not value.is_finite() or not low <= value <= high:
        raise _out_of_range(name, value)


def parse_number(text: str, name: str) -> Decimal:
    """A number for field `name` (`1.5`, `1,5`), range-checked."""
    raw = str(text).strip().replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        low, high, unit = RANGES[name]
        raise InputError(name, translate(
            "Assessment", "{label} ({name}): '{text}' is not a number; enter {low}-{high} {unit}.").format(
            label=field_label(name), name=name, text=text, low=low, high=high, unit=unit)) from None
    check_range(name, value)
    return value


@dataclass(frozen=True)
class Bilirubin:
    """Total bilirubin as entered: `value` in `unit` ("umol/L" or "mg/dL")."""

    value: Decimal
    unit: str = "umol/L"

    @property
    def mg_dl(self) -> Fraction:
        """Exact mg/dL (µmol/L / 17.1 as a fraction, so 51.3 µmol/L is exactly 3 and 51.31 is above)."""
        if self.unit == "mg/dL":
            return Fraction(self.value)
        return Fraction(self.value) / Fraction(UMOL_PER_MG_DL)

    @property
    def umol_l(self) -> Decimal:
        return self.value * UMOL_PER_MG_DL if self.unit == "mg/dL" else self.value

    def display(self) -> str:
        from planner.core.decimal_math import plain

        return f"{plain(self.value)} {'mg/dL' if self.unit == 'mg/dL' else 'µmol/L'}"


_BILIRUBIN = re.compile(r"^\s*([0-9]*[.,]?[0-9]+)\s*([a-zA-Zµμ/]*)\s*$")
_UMOL_UNITS = {"", "umol/l", "µmol/l", "μmol/l", "umol", "µmol", "μmol"}
_MG_UNITS = {"mg/dl", "mg/100ml"}


def parse_bilirubin(text: str) -> Bilirubin:
    """`20`, `20umol/L`, `20µmol/L` (µmol/L: a bare number is µmol/L) or `1.2mg/dL`."""
    match = _BILIRUBIN.match(str(text))
    unit = match.group(2).lower() if match else None
    if match is None or (unit not in _UMOL_UNITS and unit not in _MG_UNITS):
        raise InputError("bilirubin", translate(
            "Assessment", "Bilirubin (bilirubin): '{text}' is not a value; enter µmol/L (20, 20umol/L) or mg/dL "
            "(1.2mg/dL), 0-1000 µmol/L.").format(text=text))
    value = Decimal(match.group(1).replace(",", "."))
    result = Bilirubin(value, "mg/dL" if unit in _MG_UNITS else "umol/L")
    check_bilirubin(result)
    return result


def check_bilirubin(bilirubin: Bilirubin) -> None:
    if not bilirubin.value.is_finite() or bilirubin.value < 0 or bilirubin.umol_l > RANGES["bilirubin"][1]:
        raise _out_of_range("bilirubin", bilirubin.display())


# ------------------------------------------------------------------------------------------- toxicities


@dataclass(frozen=True)
class ToxicityTerm:
    """A CTCAE term the regimen lists, with the spellings nurses use for it."""

    id: str
    name: str
    haematological: bool = False
    aliases: tuple[str, ...] = ()


def normalise_term(text: str) -> str:
    """Case, spaces, hyphens and underscores do not matter: `Hand foot_skin-Reaction` = `hand-foot-skin-reaction`."""
    return "-".join(part for part in re.split(r"[\s_\-]+", text.strip().lower()) if part)


def resolve_term(text: str, terms: tuple[ToxicityTerm, ...], name: str = "toxicity") -> ToxicityTerm:
    key = normalise_term(text)
    for term in terms:
        if key == term.id or key in term.aliases:
            return term
    raise InputError(name, translate(
        "Assessment",
        "{label} (--{name}): '{text}' is not a toxicity term of this regimen; use one of {terms}.").format(
        label=field_label(name), name=name, text=text, terms=", ".join(t.id for t in terms)))


@dataclass(frozen=True)
class ToxicityGrade:
    term: str  # ToxicityTerm.id
    grade: int
    haematological: bool = False


def check_grade(grade: int, term: str, name: str) -> None:
    if grade == 5:
        raise InputError(name, translate(
            "Assessment", "{label} (--{name}): grade 5 {term} is death; end the treatment with its reason "
            "instead of assessing a next cycle.").format(label=field_label(name), name=name, term=term))
    if grade not in GRADES:
        raise InputError(name, translate(
            "Assessment", "{label} (--{name}): grade {grade} does not exist; CTCAE grades are 1 to 4 "
            "(5 is death).").format(label=field_label(name), name=name, grade=grade))


def parse_toxicity(text: str, terms: tuple[ToxicityTerm, ...], name: str = "toxicity") -> ToxicityGrade:
    """`TERM:GRADE`, e.g. `bleeding:2`, `hand-foot skin reaction:3`, `diarrhea:3`."""
    term_text, sep, grade_text = str(text).rpartition(":")
    if not sep or not term_text.strip() or not grade_text.strip():
        raise InputError(name, translate(
            "Assessment", "{label} (--{name}): '{text}' should look like TERM:GRADE, e.g. bleeding:2.").format(
            label=field_label(name), name=name, text=text))
    term = resolve_term(term_text, terms, name)
    try:
        grade = int(grade_text.strip())
    except ValueError:
        raise InputError(name, translate(
            "Assessment", "{label} (--{name}): the grade must be a whole number 1-4, not '{grade}'.").format(
            label=field_label(name), name=name, grade=grade_text.strip())) from None
    check_grade(grade, term.id, name)
    return ToxicityGrade(term.id, grade, term.haematological)


# ------------------------------------------------------------------------------------------- the record


@dataclass(frozen=True)
class Assessment:
    """Measurements before cycle `cycle` (None = not measured). Validated on creation.

    Units: counts x 10^9/L, haemoglobin g/L, bilirubin as entered, AST/ALT and their ULN U/L, creatinine
    µmol/L, LVEF %, blood pressure mmHg, urine protein g/24 h. `toxicities` are the worst grades since the
    previous cycle began; `ongoing` the grades on the assessment day.
    """

    cycle: int
    on: date | None = None
    anc: Decimal | None = None
    platelets: Decimal | None = None
    hb: Decimal | None = None
    bilirubin: Bilirubin | None = None
    ast: Decimal | None = None
    alt: Decimal | None = None
    uln_ast: Decimal | None = None
    uln_alt: Decimal | None = None
    creatinine: Decimal | None = None
    lvef: Decimal | None = None
    lvef_on: date | None = None
    systolic_bp: Decimal | None = None
    diastolic_bp: Decimal | None = None
    urine_protein: Decimal | None = None
    nadir_anc: Decimal | None = None
    nadir_platelets: Decimal | None = None
    febrile_neutropenia: bool = False
    toxicities: tuple[ToxicityGrade, ...] = field(default=())
    ongoing: tuple[ToxicityGrade, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.cycle < 1:
            raise InputError("cycle", translate("Assessment", "Cycle (--cycle): cycles are numbered from 1."))
        for name, value in self.numbers().items():
            check_range(name, value)
        if self.bilirubin is not None:
            check_bilirubin(self.bilirubin)
        for enzyme in ("ast", "alt"):
            if getattr(self, enzyme) is not None and getattr(self, f"uln_{enzyme}") is None:
                raise InputError(f"uln-{enzyme}", translate(
                    "Assessment", "{enzyme} needs the lab's upper limit of normal: give --uln-{name} "
                    "(5-500 U/L) with --{name}.").format(enzyme=enzyme.upper(), name=enzyme))
        for name, grades in (("toxicity", self.toxicities), ("ongoing", self.ongoing)):
            for item in grades:
                check_grade(item.grade, item.term, name)

    def numbers(self) -> dict[str, Decimal | None]:
        """The numeric fields by their field names (`anc`, `uln-ast`, ...)."""
        return {
            "anc": self.anc, "platelets": self.platelets, "hb": self.hb, "ast": self.ast, "alt": self.alt,
            "uln-ast": self.uln_ast, "uln-alt": self.uln_alt, "creatinine": self.creatinine, "lvef": self.lvef,
            "nadir-anc": self.nadir_anc, "nadir-platelets": self.nadir_platelets,
            "systolic-bp": self.systolic_bp, "diastolic-bp": self.diastolic_bp, "urine-protein": self.urine_protein,
        }

    def present(self, name: str) -> bool:
        """Whether the field named `name` (as in a rule's `reads`) was measured."""
        if name == "bilirubin":
            return self.bilirubin is not None
        if name == "febrile-neutropenia":
            return True  # a flag: absent means "no"
        if name in ("toxicity", "ongoing"):
            return True
        return self.numbers().get(name) is not None

    def worst(self, which: str) -> dict[str, ToxicityGrade]:
        """Worst grade per term of `toxicities` ("toxicity") or `ongoing` ("ongoing")."""
        out: dict[str, ToxicityGrade] = {}
        for item in self.toxicities if which == "toxicity" else self.ongoing:
            if item.term not in out or item.grade > out[item.term].grade:
                out[item.term] = item
        return out

    def value(self, name: str) -> Fraction | None:
        """A value the rules compare, exactly: the fields plus derived `bilirubin-mg-dl`, `ast-x-uln`, `alt-x-uln`."""
        if name == "bilirubin-mg-dl":
            return None if self.bilirubin is None else self.bilirubin.mg_dl
        if name in ("ast-x-uln", "alt-x-uln"):
            enzyme = name[:3]
            measured, uln = getattr(self, enzyme), getattr(self, f"uln_{enzyme}")
            return None if measured is None or uln is None else Fraction(measured) / Fraction(uln)
        raw = self.numbers().get(name)
        return None if raw is None else Fraction(raw)


# Inputs a rule may compare (`input = ...`) and the fields each derives from (for `missing`).
COMPARABLE_INPUTS: dict[str, tuple[str, ...]] = {
    "anc": ("anc",), "platelets": ("platelets",), "hb": ("hb",), "creatinine": ("creatinine",),
    "lvef": ("lvef",), "nadir-anc": ("nadir-anc",), "nadir-platelets": ("nadir-platelets",),
    "systolic-bp": ("systolic-bp",), "diastolic-bp": ("diastolic-bp",), "urine-protein": ("urine-protein",),
    "bilirubin-mg-dl": ("bilirubin",), "ast-x-uln": ("ast", "uln-ast"), "alt-x-uln": ("alt", "uln-alt"),
}
FIELDS = (*RANGES, "febrile-neutropenia", "toxicity", "ongoing")
