"""Every limit and domain rule of the planner, written once.

The GUI dialogs, the CLI, the store's checks and the plan-file and regimen readers all call these
functions, so a limit cannot differ between layers (it did: a date of birth 120 years back in the
dialog and 1900 in the store; prior anthracycline 2,000 in the dialog and unbounded on the CLI).
Each check raises InputError(field, message) where the message names the field in words; the
constants are public so the database schema and the README use the very same numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import (
    ROUND_HALF_UP,
    Clamped,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
    getcontext,
    setcontext,
)
from enum import StrEnum
from typing import Literal

from planner.core.errors import InputError
from planner.core.i18n import translate

# ------------------------------------------------------------------------------------------ numbers

# Arithmetic that cannot end in a traceback: overflow, division by zero and invalid operations trap
# (raise), and `guarded` turns whatever is raised into an InputError on the field being computed.
# SAFE_CONTEXT (28 digits as in decimal_math.CONTEXT, exponents far beyond anything clinical but
# bounded) is for the range checks here.
SAFE_CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999,
                       traps=[InvalidOperation, DivisionByZero, Overflow])
_IGNORED = (Inexact, Rounded, Clamped, Subnormal, Underflow)
# A text longer than this is never a number a person typed; refusing it early keeps Decimal() cheap.
MAX_NUMBER_TEXT = 40


class guarded:
    """Run decimal (and date) arithmetic for `field`; overflow or an invalid operation -> InputError.

    A class rather than a @contextmanager generator: every BSA and every plan runs inside one, and the
    generator machinery cost more than the Mosteller sum it guards."""

    __slots__ = ("_saved", "field", "label")

    def __init__(self, field: str, label: str) -> None:
        self.field = field
        self.label = label

    def __enter__(self) -> None:
        # The caller's precision and rounding stay as they were (results must not change); only the
        # traps are made certain, so nothing can silently become NaN or Infinity.
        context = getcontext()
        self._saved = context
        local = context.copy()
        local.traps[InvalidOperation] = local.traps[DivisionByZero] = local.traps[Overflow] = True
        setcontext(local)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: object) -> Literal[False]:
        setcontext(self._saved)
        if exc is None or isinstance(exc, InputError):
            return False
        if isinstance(exc, DecimalException | ArithmeticError | OverflowError | ValueError):
            if isinstance(exc, _IGNORED):  # pragma: no cover - these never trap in SAFE_CONTEXT
                return False
            raise InputError(self.field, translate("Rules", "{label}: the value is out of range.").format(
                label=self.label)) from None
        return False


def parse_number(text: object, field: str, label: str) -> Decimal:
    """A finite Decimal from what was typed (`1,5` is 1.5), or InputError naming the field."""
    if isinstance(text, bool):
        raise InputError(field, translate("Rules", "{label}: '{text}' is not a number.").format(
            label=label, text=text))
    if isinstance(text, Decimal | int):
        value = Decimal(text)
    else:
        raw = str(text if text is not None else "").strip().replace(",", ".")
        if not raw:
            raise InputError(field, translate("Rules", "{label} is missing; enter a number.").format(label=label))
        if len(raw) > MAX_NUMBER_TEXT or not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,9})?", raw):
            raise InputError(field, translate("Rules", "{label}: '{text}' is not a number.").format(
                label=label, text=clip(raw)))
        value = Decimal(raw)
    if not value.is_finite() or abs(value.adjusted()) > 30:
        raise InputError(field, translate("Rules", "{label}: '{text}' is not a plausible number.").format(
            label=label, text=clip(str(text))))
    return value


def parse_whole(text: object, field: str, label: str) -> int:
    """A whole number from what was typed; `abc`, `1.5` and `1e9` are refused with the field named."""
    if isinstance(text, bool):
        raise InputError(field, translate("Rules", "{label}: '{text}' is not a whole number.").format(
            label=label, text=text))
    if isinstance(text, int):
        return text
    raw = str(text if text is not None else "").strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", raw):
        raise InputError(field, translate("Rules", "{label}: '{text}' is not a whole number.").format(
            label=label, text=clip(raw)))
    return int(raw)


def _in_range(value: Decimal, low: Decimal, high: Decimal, field: str, message: str) -> Decimal:
    if not value.is_finite() or not low <= value <= high:
        raise InputError(field, message)
    return value


# ------------------------------------------------------------------------------------------ body size

# Plausible adult ranges. They catch typing slips (17 for 170, 700 for 70) and wrong units (a height in
# metres typed without "m"); a real patient outside them is out of this tool's scope.
HEIGHT_RANGE_CM = (Decimal(50), Decimal(250))
WEIGHT_RANGE_KG = (Decimal(20), Decimal(300))

# A cap below 1.0 m² would give a fraction of the dose to an average adult (0.3 m² gave 27 mg of
# epirubicin); above 3.0 m² it caps nobody. The cap used is the 2-dp value that is shown.
BSA_CAP_RANGE_M2 = (Decimal("1.00"), Decimal("3.00"))


def check_bsa_cap(cap: Decimal | None, field: str = "bsa_cap") -> Decimal | None:
    """The cap as it is shown and used (2 dp, half-up), or InputError when outside 1.0-3.0 m²."""
    if cap is None:
        return None
    low, high = BSA_CAP_RANGE_M2
    message = translate("Rules", "BSA cap: enter {low} to {high} m² (for example 2.0).").format(low=low, high=high)
    # Far outside the range is refused before rounding: quantizing 1e27 to 2 dp needs more digits than
    # SAFE_CONTEXT has, and that InvalidOperation named no field.
    if not isinstance(cap, Decimal) or not cap.is_finite() or not low - 1 <= cap <= high + 1:
        raise InputError(field, message)
    shown = cap.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=SAFE_CONTEXT)
    return _in_range(shown, low, high, field, message)


# ------------------------------------------------------------------------------------------ dosing

# Steps a pharmacy or pump actually uses; anything from 0.1 to 50 mg in 0.1 mg steps is accepted, the
# list is what the GUI offers.
ROUNDING_STEPS_MG = tuple(Decimal(s) for s in ("0.1", "0.5", "1", "2", "2.5", "5", "10", "25", "50"))
ROUNDING_STEP_RANGE_MG = (Decimal("0.1"), Decimal(50))


def check_rounding_step(step: Decimal, field: str = "round_to") -> Decimal:
    low, high = ROUNDING_STEP_RANGE_MG
    message = translate("Rules", "Rounding step: enter {low} to {high} mg in steps of 0.1 mg (for example 1 or 5)."
                        ).format(low=low, high=high)
    if not isinstance(step, Decimal) or not step.is_finite() or abs(step.adjusted()) > 30:
        raise InputError(field, message)
    _in_range(step, low, high, field, message)
    if step != step.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP, context=SAFE_CONTEXT):
        raise InputError(field, message)
    return step


# Prior anthracycline, in mg/m² of the drug given. 1500 mg/m² is above the lifetime limit of every
# anthracycline the planner converts (epirubicin's label limit 900-1000 mg/m², doxorubicin 450-550,
# daunorubicin ~550-800, idarubicin and mitoxantrone ~150): a true history never exceeds it, while a
# typing slip (30000 for 300) or an absurd value (1e999999999) is refused instead of silently
# pushing every cycle over the cumulative limit.
PRIOR_EXPOSURE_MAX_MG_PER_M2 = Decimal(1500)


def check_prior_amount(amount: Decimal, drug: str, field: str = "prior") -> Decimal:
    message = translate("Rules", "Prior anthracycline: the amount for {drug} must be 0 to {max} mg/m².").format(
        drug=clip(drug), max=PRIOR_EXPOSURE_MAX_MG_PER_M2)
    if not isinstance(amount, Decimal) or not amount.is_finite() or abs(amount.adjusted()) > 30:
        raise InputError(field, message)
    return _in_range(amount, Decimal(0), PRIOR_EXPOSURE_MAX_MG_PER_M2, field, message)


RECALC_THRESHOLD_RANGE_PCT = (Decimal(0), Decimal(100))


def check_recalc_threshold(pct: Decimal, field: str = "recalc_threshold") -> Decimal:
    low, high = RECALC_THRESHOLD_RANGE_PCT
    message = translate("Rules", "Recalculation threshold: enter a percentage from {low} to {high} "
                                 "(0 means always recalculate).").format(low=low, high=high)
    if not isinstance(pct, Decimal) or not pct.is_finite() or abs(pct.adjusted()) > 30:
        raise InputError(field, message)
    return _in_range(pct, low, high, field, message)


MAX_PLANNED_CYCLES = 100
MAINTENANCE_CYCLES_RANGE = (0, MAX_PLANNED_CYCLES)


def check_maintenance_cycles(count: int, field: str = "maintenance_cycles") -> int:
    low, high = MAINTENANCE_CYCLES_RANGE
    if isinstance(count, bool) or not isinstance(count, int) or not low <= count <= high:
        raise InputError(field, translate("Rules", "Maintenance cycles: enter a whole number from {low} to {high}."
                                          ).format(low=low, high=high))
    return count


DELAY_DAYS_RANGE = (1, 90)


def check_delay_days(days: int, field: str = "delay") -> int:
    low, high = DELAY_DAYS_RANGE
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= high:
        raise InputError(field, translate("Rules", "Delay: enter {low} to {high} days, not {days}.").format(
            low=low, high=high, days=clip(str(days))))
    return days


# ------------------------------------------------------------------------------------------ dates

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
# Every plan must end before 2100: its last day is at most this.
LATEST_PLAN_END = date(2099, 12, 31)


def check_date(value: date, field: str, label: str) -> date:
    """Any date the planner records (measured on, given on, checked on): 1900-01-01 to 2100-12-31."""
    if not isinstance(value, date) or not EARLIEST_DATE <= value <= LATEST_DATE:
        raise InputError(field, translate("Rules", "{label}: {date} is not possible; it must be between {first} "
                                                   "and {last}.").format(
            label=label, date=value, first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat()))
    return value


def check_birth_date(dob: date | None, today: date | None = None, field: str = "dob") -> date | None:
    """A date of birth: from 1900-01-01 to today (never in the future)."""
    if dob is None:
        return None
    today = today or date.today()
    if not isinstance(dob, date) or not EARLIEST_DATE <= dob <= today:
        raise InputError(field, translate(
            "Rules", "Date of birth: {dob} is not possible; it must be between {first} and today.").format(
            dob=dob, first=EARLIEST_DATE.isoformat()))
    return dob


def check_not_before_birth(value: date, dob: date | None, field: str, label: str) -> date:
    """A dated event of a patient (measurement, start, given on) within the calendar and not before birth."""
    check_date(value, field, label)
    if dob is not None and value < dob:
        raise InputError(field, translate("Rules", "{label}: {date} is before the date of birth ({dob}).").format(
            label=label, date=value.isoformat(), dob=dob.isoformat()))
    return value


def check_plan_start(start: date, field: str = "start") -> date:
    """A plan's cycle 1 day 1 within the calendar's dates (check_plan_end checks where the plan ends)."""
    if not isinstance(start, date) or not EARLIEST_DATE <= start <= LATEST_DATE:
        raise InputError(field, translate("Rules", "Start: the plan must start between {first} and {last}.").format(
            first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat()))
    return start


def check_plan_end(end: date, field: str = "start") -> date:
    """Every plan must end before 2100; a start whose plan runs past it is an error on the start."""
    if end > LATEST_PLAN_END:
        raise InputError(field, translate(
            "Rules", "Start: this plan would end on {end}; every plan must end by {last}. Choose an earlier start."
        ).format(end=end.isoformat(), last=LATEST_PLAN_END.isoformat()))
    return end


def add_days(start: date, days: int, field: str = "start") -> date:
    """`start + days` that reports a date beyond year 9999 as a field error, never OverflowError."""
    try:
        return start + timedelta(days=days)
    except OverflowError:
        raise InputError(field, translate(
            "Rules", "Start: the plan would run past the end of the calendar; every plan must end by {last}."
        ).format(last=LATEST_PLAN_END.isoformat())) from None


# ------------------------------------------------------------------------------------------ text

# Column lengths: the schema uses these for String(n) so SQLite and PostgreSQL bound a value the same,
# and every writer checks them before the database does.
MAX_NAME = 200
MAX_MRN = 64
MAX_TEXT = 10_000  # diagnosis, allergies, notes, reasons
MAX_USER = 256  # who did something (an account name or a checker's name; a 150-character one must write)
MAX_INITIALS = 5
MAX_DRUG_ID = 50
MAX_REGIMEN_ID = 100
MAX_FORMULA = 40
MAX_INSTITUTION = 200

_ALLOWED_CATEGORIES = ("L", "M", "N", "P", "S")  # letters, marks, digits, punctuation, symbols


def text_problem(text: str) -> str | None:
    """None when every character is ordinary; else a short description of the first one that is not.

    Refused: control characters (NUL, escape codes, newlines, tabs), format characters (bidi overrides,
    zero-width spaces and joiners), private-use, surrogates, unassigned code points and any separator
    except the plain space.
    """
    for ch in text:
        if ch == " ":
            continue
        category = unicodedata.category(ch)
        if category[0] in _ALLOWED_CATEGORIES and category != "Co":
            continue
        if ch in "\r\n\u2028\u2029":
            return translate("Rules", "a line break")
        if category == "Cf":
            return translate("Rules", "an invisible formatting character (U+{code:04X})").format(code=ord(ch))
        if category == "Cc":
            return translate("Rules", "a control character (U+{code:04X})").format(code=ord(ch))
        return translate("Rules", "an unusual character (U+{code:04X})").format(code=ord(ch))
    return None


def clean_text(value: str | None, field: str, label: str, max_len: int, *, required: bool = False) -> str:
    """The text with surrounding spaces removed; InputError naming the field for forbidden characters,
    a missing required value or more than `max_len` characters."""
    text = unicodedata.normalize("NFC", value or "").strip(" ")
    if required and not text:
        raise InputError(field, translate("Rules", "{label}: required; enter it.").format(label=label))
    if len(text) > max_len:
        raise InputError(field, translate("Rules", "{label}: at most {n} characters.").format(label=label, n=max_len))
    problem = text_problem(text)
    if problem is not None:
        raise InputError(field, translate("Rules", "{label}: contains {problem}; use letters, digits, spaces and "
                                                   "ordinary punctuation.").format(label=label, problem=problem))
    return text


def clip(text: str, limit: int = 40) -> str:
    """A value quoted in a message, shortened and with invisible characters shown as escapes, so a message
    can never carry an escape code or a line break to the terminal."""
    shown = "".join(ch if text_problem(ch) is None else f"\\u{ord(ch):04x}" for ch in text[:limit])
    return shown + ("..." if len(text) > limit else "")


# Letters, digits and a few separators; no spaces (barcode scanners and other systems match on it).
_MRN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def clean_mrn(value: str | None, field: str = "mrn") -> str:
    text = (value or "").strip()
    if not text:
        raise InputError(field, translate("Rules", "MRN: enter the medical record number."))
    if len(text) > MAX_MRN or not _MRN.fullmatch(text):
        raise InputError(field, translate(
            "Rules", "MRN: up to {n} letters A-Z and digits, optionally with - _ . / (no spaces).").format(n=MAX_MRN))
    return text


def clean_name(value: str | None, field: str = "name") -> str:
    if not (value or "").strip():
        raise InputError(field, translate("Rules", "Name: enter the patient's name."))
    return clean_text(value, field, translate("Rules", "Name"), MAX_NAME, required=True)


def clean_person(value: str | None, field: str, label: str) -> str:
    """Who did something: required, ordinary characters, at most MAX_USER."""
    return clean_text(value, field, label, MAX_USER, required=True)


# ------------------------------------------------------------------------------------------ two checkers

_INITIALS_SEPARATORS = re.compile(r"[\s.]")


def normal_initials(text: str) -> str:
    """`a.b.` and `AB` are the same person: letters only, case-folded."""
    return _INITIALS_SEPARATORS.sub("", unicodedata.normalize("NFC", text or "")).casefold()


def initials_valid(text: str) -> bool:
    cleaned = normal_initials(text)
    return 1 <= len(cleaned) <= MAX_INITIALS and all(ch.isalpha() for ch in cleaned)


def same_person(first: str, second: str) -> bool:
    """The two-checker rule's comparison: cleaned and case-folded (`a.b.` is `AB`)."""
    return normal_initials(first) == normal_initials(second)


def check_two_checkers(first: str, second: str, first_label: str | None = None,
                       second_label: str | None = None) -> tuple[str, str]:
    """Both checkers named with ordinary characters, and two different people."""
    a = clean_person(first, "first_checker", first_label or translate("Rules", "First checker"))
    b = clean_person(second, "second_checker", second_label or translate("Rules", "Second checker"))
    if same_person(a, b):
        raise InputError("second_checker", translate(
            "Rules", "Second checker: a double check needs two different people."))
    return a, b


# ------------------------------------------------------------------------------------------ domain strings


class Route(StrEnum):
    """How a drug is given. The values are what regimen files write."""

    ORAL = "oral"
    IV = "IV"
    IA = "IA"
    SC = "SC"
    IM = "IM"
    IT = "IT"

    @classmethod
    def parse(cls, text: str) -> Route:
        key = (text or "").strip()
        aliases = {"po": cls.ORAL, "by mouth": cls.ORAL}
        for member in cls:
            if member.value.casefold() == key.casefold():
                return member
        if key.casefold() in aliases:
            return aliases[key.casefold()]
        raise ValueError(f"must be one of {', '.join(m.value for m in cls)}, not {text!r}")


# Parenteral infusions: a bag or a pump on the day unit, so a blood count is due the day before and the
# calendar shows a bag. SC and IM are injections (syringe icon), oral drugs are taken at home.
INFUSION_ROUTES = frozenset({Route.IV, Route.IA})


def is_infusion(route: str) -> bool:
    try:
        return Route.parse(route) in INFUSION_ROUTES
    except ValueError:
        return False


def is_oral(route: str) -> bool:
    try:
        return Route.parse(route) is Route.ORAL
    except ValueError:
        return False


class DosingBasis(StrEnum):
    FLAT = "flat"
    MG_PER_M2 = "mg_per_m2"
    MG_PER_KG = "mg_per_kg"


class PlanStatus(StrEnum):
    """Where a patient's plan stands (the patient list shows and filters on it)."""

    PLANNED = "planned"
    ON_TREATMENT = "on treatment"
    COMPLETED = "completed"
    ENDED = "ended"  # ended explicitly (progression, toxicity, patient's choice, death, other)
    WITHDRAWN = "withdrawn"


def treatment_status(today: date, *, withdrawn: bool, starts_on: date | None, ends_on: date | None,
                     ended_on: date | None, open_ended: bool) -> tuple[PlanStatus, bool, bool]:
    """(status, whether a current cycle shows, whether a next dose shows) on `today`: the one rule the patient
    list (from the summary tables) and the window's one-row update (from a saved record) both apply."""
    if withdrawn:
        return PlanStatus.WITHDRAWN, False, False
    if ended_on is not None and today >= ended_on:
        past = ends_on is not None and today > ends_on
        return PlanStatus.ENDED, not past, not past
    if starts_on is not None and today < starts_on:
        return PlanStatus.PLANNED, False, True
    if ends_on is not None and today > ends_on and (ended_on is not None or not open_ended):
        return PlanStatus.COMPLETED, False, False
    # Maintenance is open-ended: on treatment until ended, even past the stored summary's horizon.
    return PlanStatus.ON_TREATMENT, True, True


class WarningCode(StrEnum):
    """Stable codes of plan warnings (the GUI and exports key on them)."""

    BSA_CAPPED = "bsa-capped"
    CUMULATIVE_LIMIT = "cumulative-limit"

    def for_drug(self, drug_id: str) -> str:
        """The code as a plan carries it: `cumulative-epirubicin-limit` names the drug."""
        if self is WarningCode.CUMULATIVE_LIMIT:
            return f"cumulative-{drug_id}-limit"
        return self.value

    @staticmethod
    def cumulative_drug(code: str) -> str | None:
        """The drug of a `cumulative-<drug>-limit` code, None for any other code."""
        if code.startswith("cumulative-") and code.endswith("-limit"):
            return code[len("cumulative-"):-len("-limit")] or None
        return None


# ------------------------------------------------------------------------------------------ the list


@dataclass(frozen=True)
class Limit:
    """One documented limit: what it applies to and its range in words (README table)."""

    what: str
    range: str


def documented_limits() -> tuple[Limit, ...]:
    """Every range and limit, in the order the README lists them (a test keeps the README equal)."""
    def span(pair: tuple[object, object], unit: str = "") -> str:
        return f"{pair[0]}-{pair[1]}{(' ' + unit) if unit else ''}"

    return (
        Limit("Height", span(HEIGHT_RANGE_CM, "cm")),
        Limit("Weight", span(WEIGHT_RANGE_KG, "kg")),
        Limit("BSA cap", span(BSA_CAP_RANGE_M2, "m² (the 2-decimal value shown is the one used)")),
        Limit("Rounding step", span(ROUNDING_STEP_RANGE_MG, "mg, in 0.1 mg steps")),
        Limit("Prior anthracycline", f"0-{PRIOR_EXPOSURE_MAX_MG_PER_M2} mg/m² of that drug"),
        Limit("Recalculation threshold", span(RECALC_THRESHOLD_RANGE_PCT, "%")),
        Limit("Maintenance cycles", span(MAINTENANCE_CYCLES_RANGE)),
        Limit("Delay", span(DELAY_DAYS_RANGE, "days")),
        Limit("Dates", f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}, never before the date of birth"),
        Limit("Date of birth", f"{EARLIEST_DATE.isoformat()} to today"),
        Limit("Plan end", f"by {LATEST_PLAN_END.isoformat()} (a later end is an error on the start date)"),
        Limit("Name", f"1-{MAX_NAME} characters"),
        Limit("MRN", f"1-{MAX_MRN} characters: letters A-Z, digits and - _ . /"),
        Limit("Diagnosis, allergies, notes, reasons", f"at most {MAX_TEXT} characters"),
        Limit("Person (entered by, checkers)", f"1-{MAX_USER} characters"),
        Limit("Checker initials", f"1-{MAX_INITIALS} letters; the two checkers must differ"),
    )
