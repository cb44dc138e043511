"""The rules checked before each cycle, as data: parsed from the regimen file's `[[rules]]`.

A rule has a code, the drug it acts on (it applies only on cycles that give that drug; `*` = every
cycle), the inputs it reads, a condition, an action and its source (label section, guideline). The
condition is structured data, never code: comparisons of one input against thresholds, toxicity
grades, flags, absent inputs, the cycle number and cumulative-dose tiers, combined with `any` / `all`.
A malformed rule is a RegimenError naming the file, the key and the reason, when the regimen loads.

    [[rules]]
    code = "epirubicin-hepatic-moderate"
    drug = "epirubicin"
    reads = ["bilirubin", "ast", "uln-ast"]
    when = { any = [{ input = "bilirubin-mg-dl", from = 1.2, to = 3.0 }, { input = "ast-x-uln", from = 2, to = 4 }] }
    action = "reduce-percent"
    percent = 50
    of = "starting"
    source = "Epirubicin label (Ellence), 2.3"
    message = "Bilirubin {bilirubin-mg-dl} mg/dL or AST {ast-x-uln} x ULN: 50% of the starting dose."
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from planner.core.assessment import COMPARABLE_INPUTS, FIELDS, Assessment, ToxicityTerm, normalise_term
from planner.core.errors import RegimenError

ACTIONS = (
    "hold-cycle",  # delay the whole cycle: every drug of it is held (start criteria)
    "hold",  # hold this drug this cycle
    "hold-then-reduce-level",  # hold this drug; it resumes one dose level lower (stop if there is none)
    "reduce-level",  # one dose level lower from this cycle (stop if there is none)
    "reduce-percent",  # `percent` % of the starting or current dose (lowest candidate wins)
    "stop",  # stop this drug for good
    "keep",  # recorded, dose unchanged (e.g. grade 1 bleeding)
    "require",  # something needed before the dose: `requires` ("lvef", "prescriber-confirmation")
)
DRUG_ACTIONS_NEEDING_LEVELS = ("hold-then-reduce-level", "reduce-level")
BOUNDS = ("below", "at_most", "above", "at_least", "from", "to")


@dataclass(frozen=True)
class RuleContext:
    """What a condition looks at: the assessment, the cycle and (for the tiers) cumulative dose."""

    assessment: Assessment
    cycle: int
    cumulative_before: Decimal | None = None
    cumulative_after: Decimal | None = None


@dataclass(frozen=True)
class Compare:
    """`input` against thresholds; every bound given must hold; an input not measured never matches."""

    input: str
    below: Fraction | None = None
    at_most: Fraction | None = None
    above: Fraction | None = None
    at_least: Fraction | None = None

    def holds(self, ctx: RuleContext) -> bool:
        value = ctx.assessment.value(self.input)
        if value is None:
            return False
        return ((self.below is None or value < self.below) and (self.at_most is None or value <= self.at_most)
                and (self.above is None or value > self.above) and (self.at_least is None or value >= self.at_least))


@dataclass(frozen=True)
class Flag:
    name: str  # "febrile-neutropenia"

    def holds(self, ctx: RuleContext) -> bool:
        return bool(ctx.assessment.febrile_neutropenia) if self.name == "febrile-neutropenia" else False


@dataclass(frozen=True)
class Toxic:
    """A toxicity (`which` = "toxicity": worst since the last cycle; "ongoing": today) at one of `grades`.

    `terms` names the terms; empty with `group` = "non-haematological" / "haematological" / "any" matches
    every term of that group except `excluded`.
    """

    which: str
    grades: tuple[int, ...]
    terms: tuple[str, ...] = ()
    group: str = ""
    excluded: tuple[str, ...] = ()

    def holds(self, ctx: RuleContext) -> bool:
        for item in ctx.assessment.worst(self.which).values():
            if item.grade not in self.grades:
                continue
            if self.terms:
                if item.term in self.terms:
                    return True
                continue
            if item.term in self.excluded:
                continue
            if self.group == "any" or (self.group == "haematological") == item.haematological:
                return True
        return False


@dataclass(frozen=True)
class Absent:
    field: str

    def holds(self, ctx: RuleContext) -> bool:
        return not ctx.assessment.present(self.field)


@dataclass(frozen=True)
class CycleIs:
    numbers: tuple[int, ...]

    def holds(self, ctx: RuleContext) -> bool:
        return ctx.cycle in self.numbers


@dataclass(frozen=True)
class CumulativeCrosses:
    """This cycle's dose takes the cumulative mg/m² (prior exposure included) from <= t to > t."""

    thresholds: tuple[Decimal, ...]

    def holds(self, ctx: RuleContext) -> bool:
        before, after = ctx.cumulative_before, ctx.cumulative_after
        if before is None or after is None:
            return False
        return any(before <= t < after for t in self.thresholds)


@dataclass(frozen=True)
class CumulativeAbove:
    threshold: Decimal

    def holds(self, ctx: RuleContext) -> bool:
        return ctx.cumulative_after is not None and ctx.cumulative_after > self.threshold


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Condition, ...]

    def holds(self, ctx: RuleContext) -> bool:
        return any(c.holds(ctx) for c in self.conditions)


@dataclass(frozen=True)
class AllOf:
    conditions: tuple[Condition, ...]

    def holds(self, ctx: RuleContext) -> bool:
        return all(c.holds(ctx) for c in self.conditions)


Condition = Compare | Flag | Toxic | Absent | CycleIs | CumulativeCrosses | CumulativeAbove | AnyOf | AllOf


@dataclass(frozen=True)
class Rule:
    code: str
    drug: str  # the drug acted on; "*" = the whole cycle
    reads: tuple[str, ...]
    required: bool  # inputs of `reads` not measured are reported as missing
    when: Condition
    action: str
    source: str
    message: str
    percent: Decimal | None = None
    of: str | None = None
    requires: str | None = None

    @property
    def uses_cumulative(self) -> bool:
        return _uses_cumulative(self.when)


def condition_fields(condition: Condition) -> set[str]:
    """The assessment fields a condition looks at (`reads` must list them all)."""
    if isinstance(condition, Compare):
        return set(COMPARABLE_INPUTS[condition.input])
    if isinstance(condition, Flag):
        return {condition.name}
    if isinstance(condition, Toxic):
        return {condition.which}
    if isinstance(condition, Absent):
        return {condition.field}
    if isinstance(condition, AnyOf | AllOf):
        return set().union(*(condition_fields(c) for c in condition.conditions))
    return set()


def _uses_cumulative(condition: Condition) -> bool:
    if isinstance(condition, CumulativeCrosses | CumulativeAbove):
        return True
    if isinstance(condition, AnyOf | AllOf):
        return any(_uses_cumulative(c) for c in condition.conditions)
    return False


PLACEHOLDERS = (*COMPARABLE_INPUTS, *FIELDS, "cumulative", "next-level", "unit")


# ------------------------------------------------------------------------------------------------ parsing


class _RuleReader:
    def __init__(self, source: str, key: str) -> None:
        self.source, self.key = source, key

    def fail(self, name: str, reason: str) -> RegimenError:
        return RegimenError(self.source, f"{self.key}.{name}" if name else self.key, reason)

    def number(self, value: object, name: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(name, f"must be a number, not {value!r}")
        number = Decimal(str(value))
        if not number.is_finite():
            raise self.fail(name, f"must be a finite number, not {value!r}")
        return number

    def text(self, table: dict[str, Any], name: str) -> str:
        value = table.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, f"must be a non-empty text, not {value!r}")
        return value.strip()

    def texts(self, value: object, name: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(name, f"must be a text or a list of texts, not {value!r}")
        return tuple(v.strip() for v in value)

    def grades(self, value: object, name: str) -> tuple[int, ...]:
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list) or not value or not all(
                isinstance(g, int) and not isinstance(g, bool) and 1 <= g <= 4 for g in value):
            raise self.fail(name, f"must be a list of CTCAE grades 1-4, not {value!r}")
        return tuple(sorted(set(value)))

    def condition(self, table: object, name: str, terms: dict[str, ToxicityTerm]) -> Condition:
        if not isinstance(table, dict) or not table:
            raise self.fail(name, "must be a table such as { input = \"anc\", below = 1.5 }")
        kinds = [k for k in ("input", "flag", "toxicity", "ongoing", "absent", "cycle", "cumulative_crosses",
                             "cumulative_above", "any", "all") if k in table]
        if len(kinds) != 1:
            raise self.fail(name, "must have exactly one of input, flag, toxicity, ongoing, absent, cycle, "
                                  f"cumulative_crosses, cumulative_above, any, all (found {kinds or 'none'})")
        kind = kinds[0]
        allowed = {"input": {"input", *BOUNDS}, "toxicity": {"toxicity", "grades", "except"},
                   "ongoing": {"ongoing", "grades", "except"}}.get(kind, {kind})
        extra = sorted(set(table) - allowed)
        if extra:
            raise self.fail(f"{name}.{extra[0]}", f"is not a key of a '{kind}' condition")
        value = table[kind]
        if kind in ("any", "all"):
            if not isinstance(value, list) or not value:
                raise self.fail(f"{name}.{kind}", "must be a non-empty list of conditions")
            parts = tuple(self.condition(item, f"{name}.{kind}[{i}]", terms) for i, item in enumerate(value))
            return AnyOf(parts) if kind == "any" else AllOf(parts)
        if kind == "input":
            if value not in COMPARABLE_INPUTS:
                choices = ", ".join(COMPARABLE_INPUTS)
                raise self.fail(f"{name}.input", f"{value!r} is not an input; use one of {choices}")
            bounds = {b: Fraction(self.number(table[b], f"{name}.{b}")) for b in BOUNDS if b in table}
            if not bounds:
                raise self.fail(name, "needs a bound: below, at_most, above, at_least or from/to")
            if ("from" in bounds) != ("to" in bounds):
                raise self.fail(name, "from and to go together (both ends included)")
            at_least = bounds.get("from", bounds.get("at_least"))
            at_most = bounds.get("to", bounds.get("at_most"))
            return Compare(value, below=bounds.get("below"), at_most=at_most, above=bounds.get("above"),
                           at_least=at_least)
        if kind == "flag":
            if value != "febrile-neutropenia":
                raise self.fail(f"{name}.flag", f"{value!r} is not a flag; the flag is febrile-neutropenia")
            return Flag(value)
        if kind in ("toxicity", "ongoing"):
            grades = self.grades(table.get("grades"), f"{name}.grades")
            names = self.texts(value, f"{name}.{kind}")
            excluded = self.texts(table.get("except", []), f"{name}.except") if "except" in table else ()
            for term in (*names, *excluded):
                if term not in ("non-haematological", "haematological", "any") and normalise_term(term) not in terms:
                    raise self.fail(f"{name}.{kind}", f"{term!r} is not a term under [toxicities]")
            groups = [n for n in names if n in ("non-haematological", "haematological", "any")]
            if groups and len(names) > 1:
                raise self.fail(f"{name}.{kind}", "a group (non-haematological, haematological, any) stands alone")
            if groups:
                return Toxic(kind, grades, group=groups[0], excluded=tuple(normalise_term(t) for t in excluded))
            return Toxic(kind, grades, terms=tuple(normalise_term(t) for t in names))
        if kind == "absent":
            if value not in FIELDS:
                raise self.fail(f"{name}.absent", f"{value!r} is not an assessment field")
            return Absent(value)
        if kind == "cycle":
            numbers = value if isinstance(value, list) else [value]
            if not numbers or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers):
                raise self.fail(f"{name}.cycle", f"must be a cycle number or a list of them, not {value!r}")
            return CycleIs(tuple(numbers))
        if kind == "cumulative_crosses":
            items = value if isinstance(value, list) else [value]
            thresholds = tuple(self.number(v, f"{name}.cumulative_crosses") for v in items)
            if not thresholds:
                raise self.fail(f"{name}.cumulative_crosses", "must list at least one threshold in mg/m²")
            return CumulativeCrosses(thresholds)
        return CumulativeAbove(self.number(value, f"{name}.cumulative_above"))


def parse_toxicity_terms(source: str, data: object) -> tuple[ToxicityTerm, ...]:
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise RegimenError(source, "toxicities", "must be a table of terms, e.g. bleeding = { name = \"Bleeding\" }")
    terms: list[ToxicityTerm] = []
    seen: dict[str, str] = {}
    for term_id, table in data.items():
        r = _RuleReader(source, f"toxicities.{term_id}")
        if normalise_term(term_id) != term_id:
            raise r.fail("", f"the term id must be lower case with hyphens: {normalise_term(term_id)!r}")
        if not isinstance(table, dict):
            raise r.fail("", "must be a table { name = ..., aliases = [...], haematological = false }")
        haematological = table.get("haematological", False)
        if not isinstance(haematological, bool):
            raise r.fail("haematological", f"must be true or false, not {haematological!r}")
        aliases = tuple(normalise_term(a) for a in r.texts(table.get("aliases", []), "aliases")) \
            if table.get("aliases") else ()
        for spelling in (term_id, *aliases):
            if spelling in seen:
                raise r.fail("aliases", f"{spelling!r} already names the term {seen[spelling]!r}")
            seen[spelling] = term_id
        terms.append(ToxicityTerm(term_id, r.text(table, "name"), haematological, aliases))
    return tuple(terms)


def parse_rules(source: str, data: object, drugs: dict[str, Any],
                terms: tuple[ToxicityTerm, ...]) -> tuple[Rule, ...]:
    """Validate the regimen's `[[rules]]` (drugs: the regimen's DrugSpecs by id)."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise RegimenError(source, "rules", "must be an array of tables ([[rules]])")
    by_id = {t.id: t for t in terms}
    rules: list[Rule] = []
    codes: set[str] = set()
    for index, table in enumerate(data):
        r = _RuleReader(source, f"rules[{index}]")
        if not isinstance(table, dict):
            raise r.fail("", "must be a table")
        known = {"code", "drug", "reads", "required", "when", "action", "percent", "of", "requires", "source",
                 "message"}
        extra = sorted(set(table) - known)
        if extra:
            raise r.fail(extra[0], f"is not a rule key; rules have {', '.join(sorted(known))}")
        code = r.text(table, "code")
        if code in codes:
            raise r.fail("code", f"{code!r} appears twice")
        codes.add(code)
        drug = r.text(table, "drug")
        if drug != "*" and drug not in drugs:
            raise r.fail("drug", f"{drug!r} is not defined under [drugs] (or '*' for the whole cycle)")
        reads = r.texts(table.get("reads", []), "reads") if "reads" in table else ()
        for name in reads:
            if name not in FIELDS:
                raise r.fail("reads", f"{name!r} is not an assessment field; use {', '.join(FIELDS)}")
        required = table.get("required", False)
        if not isinstance(required, bool):
            raise r.fail("required", f"must be true or false, not {required!r}")
        if "when" not in table:
            raise r.fail("when", "missing: the condition of the rule")
        when = r.condition(table["when"], "when", by_id)
        action = r.text(table, "action")
        if action not in ACTIONS:
            raise r.fail("action", f"{action!r} is not an action; use one of {', '.join(ACTIONS)}")
        if action != "hold-cycle" and action != "require" and drug == "*":
            raise r.fail("drug", f"the action {action!r} acts on one drug; name it")
        percent = of = requires = None
        if action == "reduce-percent":
            percent = r.number(table.get("percent"), "percent")
            if not 0 < percent < 100:
                raise r.fail("percent", f"must be above 0 and below 100, not {table.get('percent')!r}")
            of = table.get("of")
            if of not in ("starting", "current"):
                raise r.fail("of", f"must be 'starting' or 'current', not {of!r}")
            if drugs[drug].basis == "flat":
                raise r.fail("action", f"{drug} is a flat dose; use reduce-level")
        elif "percent" in table or "of" in table:
            raise r.fail("percent", "percent and of belong to the action reduce-percent")
        if action == "require":
            requires = r.text(table, "requires")
        elif "requires" in table:
            raise r.fail("requires", "requires belongs to the action require")
        unread = sorted(condition_fields(when) - set(reads))
        if unread:
            raise r.fail("reads", f"the condition reads {', '.join(unread)}; list them in reads")
        rule = Rule(code=code, drug=drug, reads=reads, required=required, when=when, action=action,
                    source=r.text(table, "source"), message=r.text(table, "message"), percent=percent, of=of,
                    requires=requires)
        if rule.uses_cumulative and (action != "require" or drug == "*" or not drugs[drug].anthracycline):
            raise r.fail("when", "cumulative conditions belong to a 'require' rule of an anthracycline")
        try:
            placeholders = [item[1] for item in string.Formatter().parse(rule.message)]
        except ValueError as exc:
            raise r.fail("message", f"has unbalanced braces ({exc})") from None
        for placeholder in placeholders:
            if placeholder is not None and placeholder not in PLACEHOLDERS:
                raise r.fail("message", f"{{{placeholder}}} is not a value a message can show; use "
                                        f"{', '.join(PLACEHOLDERS)}")
        rules.append(rule)
    return tuple(rules)
