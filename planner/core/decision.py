"""The proposal before a cycle: proceed / modify / hold / stop / incomplete, per drug, with the rules that fired.

Nothing here changes a plan: the proposal is what the nurse reviews. The decision is the first that
applies of incomplete (a required input is missing), stop (a drug stops for good), hold (a drug of the
cycle is held), modify (a dose changes), proceed. Per drug, stop beats hold beats reduce; among dose
reductions the lowest dose wins, and every fired rule is listed whether or not it set the dose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from planner.core.assessment import COMPARABLE_INPUTS, Assessment
from planner.core.cycle_rules import Rule, RuleContext
from planner.core.decimal_math import CONTEXT, format_m2, plain, round_2dp, to_json_number
from planner.core.dosing import DoseCalculation, calculate_dose, percent_level
from planner.core.i18n import translate
from planner.core.plan import Cycle, DrugDose, Plan
from planner.core.regimen import DrugSpec

DECISIONS = ("incomplete", "stop", "hold", "modify", "proceed")
DRUG_ACTIONS = ("give", "reduce", "hold", "stop")


@dataclass(frozen=True)
class FiredRule:
    code: str
    source: str
    message: str
    action: str  # the rule's action (hold-cycle, reduce-percent, ...)


@dataclass(frozen=True)
class DrugProposal:
    """One drug of the cycle: what to do, the proposed level and dose (None when held or stopped)."""

    drug: DrugSpec
    action: str  # give | reduce | hold | stop
    planned_level: Decimal
    level: Decimal | None
    calculation: DoseCalculation | None
    rules: tuple[FiredRule, ...]
    # How the reduced level was reached, for the modification an accepted proposal makes:
    # ("percent", 50, "starting") or ("level", 10, None); None when the dose is unchanged.
    change: tuple[str, Decimal, str | None] | None = None
    resume_level: Decimal | None = None  # a held drug resumes at this level (grade 2 bleeding)

    @property
    def dose_mg(self) -> Decimal | None:
        return None if self.calculation is None else self.calculation.dose_mg

    @property
    def dose_mg_per_m2(self) -> Decimal | None:
        if self.calculation is None or self.drug.basis != "mg_per_m2":
            return None
        return self.level


@dataclass(frozen=True)
class Proposal:
    cycle: int
    decision: str
    drugs: tuple[DrugProposal, ...]
    missing: tuple[str, ...]
    requires: tuple[str, ...]
    bsa_m2: Decimal
    cumulative_after: tuple[tuple[str, Decimal], ...] = ()

    def drug(self, drug_id: str) -> DrugProposal | None:
        return next((d for d in self.drugs if d.drug.id == drug_id), None)


@dataclass
class _DrugState:
    dose: DrugDose
    rules: list[FiredRule]
    hold: bool = False
    stop: bool = False
    resume_level: Decimal | None = None
    # candidate levels: (level, kind, amount, of, percent_of_value)
    candidates: list[tuple[Decimal, str, Decimal, str | None, Decimal | None]] | None = None


def _decimal(value: Fraction) -> Decimal:
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


def _values(assessment: Assessment) -> dict[str, str]:
    values = {name: "n/a" for name in (*COMPARABLE_INPUTS, "bilirubin", "febrile-neutropenia", "toxicity", "ongoing",
                                     "cumulative", "next-level", "unit", "uln-ast", "uln-alt", "ast", "alt")}
    for name, raw in assessment.numbers().items():
        if raw is not None:
            values[name] = plain(raw)
    for name in ("bilirubin-mg-dl", "ast-x-uln", "alt-x-uln"):
        exact = assessment.value(name)
        if exact is not None:
            values[name] = plain(round_2dp(_decimal(exact)))
    if assessment.bilirubin is not None:
        values["bilirubin"] = assessment.bilirubin.display()
    return values


def _lower_level(drug: DrugSpec, level: Decimal) -> Decimal | None:
    """The next regimen level below `level` (a percentage level counts from where it lies), or None."""
    return next((candidate for candidate in drug.levels if candidate < level), None)


def _message(rule: Rule, values: dict[str, str]) -> str:
    return translate("ClinicalRules", rule.message).format_map(values)


def propose(plan: Plan, assessment: Assessment) -> Proposal:
    """The proposal for cycle `assessment.cycle` of `plan` (InputError `cycle` if the plan has no such cycle)."""
    cycle = plan.cycle(assessment.cycle)
    regimen = plan.regimen
    states = {dose.drug.id: _DrugState(dose, []) for dose in cycle.doses if dose.given}
    ctx = RuleContext(assessment, cycle.number)
    values = _values(assessment)
    missing: list[str] = []
    requires: list[str] = []
    deferred: list[Rule] = []
    for rule in regimen.rules:
        if rule.drug != "*" and rule.drug not in states:
            continue
        if rule.required:
            missing.extend(f for f in rule.reads if not assessment.present(f) and f not in missing)
        if rule.uses_cumulative:
            deferred.append(rule)  # needs the proposed dose (cumulative tiers): second pass
            continue
        if not rule.when.holds(ctx):
            continue
        if rule.requires and rule.requires not in requires:
            requires.append(rule.requires)
        # A hold for the start criteria delays the cycle: every drug of it waits, whichever drug the rule guards.
        targets = list(states) if rule.drug == "*" or rule.action == "hold-cycle" else [rule.drug]
        for drug_id in targets:
            _apply(rule, states[drug_id], values)

    proposals: list[DrugProposal] = []
    cumulative_after: list[tuple[str, Decimal]] = []
    for drug_id, state in states.items():
        proposal = _resolve(state, cycle, plan)
        if proposal.drug.anthracycline:
            total = cycle.cumulative(drug_id) or Decimal(0)
            days = len(state.dose.days)
            before = total - state.dose.level * days
            after = before + (proposal.level * days if proposal.level is not None else Decimal(0))
            cumulative_after.append((drug_id, after))
            tier_ctx = replace(ctx, cumulative_before=before, cumulative_after=after)
            tier_values = dict(values, cumulative=plain(after))
            fired = list(proposal.rules)
            for rule in deferred:
                if rule.drug == drug_id and rule.when.holds(tier_ctx):
                    fired.append(FiredRule(rule.code, rule.source, _message(rule, tier_values), rule.action))
                    if rule.requires and rule.requires not in requires:
                        requires.append(rule.requires)
            proposal = replace(proposal, rules=tuple(fired))
        proposals.append(proposal)

    actions = {p.action for p in proposals}
    if missing:
        decision = "incomplete"
    elif "stop" in actions:
        decision = "stop"
    elif "hold" in actions:
        decision = "hold"
    elif "reduce" in actions:
        decision = "modify"
    else:
        decision = "proceed"
    return Proposal(cycle=cycle.number, decision=decision, drugs=tuple(proposals), missing=tuple(missing),
                    requires=tuple(requires), bsa_m2=cycle.bsa.m2, cumulative_after=tuple(cumulative_after))


def _apply(rule: Rule, state: _DrugState, values: dict[str, str]) -> None:
    drug = state.dose.drug
    lower = _lower_level(drug, state.dose.level)
    shown = dict(values, unit=drug.unit, **{"next-level": plain(lower) if lower is not None else "-"})
    state.rules.append(FiredRule(rule.code, rule.source, _message(rule, shown), rule.action))
    if state.candidates is None:
        state.candidates = []
    if rule.action == "hold-cycle" or rule.action == "hold":
        state.hold = True
    elif rule.action == "stop":
        state.stop = True
    elif rule.action in ("reduce-level", "hold-then-reduce-level"):
        if lower is None:
            # Already at the lowest level: the label's "stop if the lowest dose is not tolerated".
            state.stop = True
            state.rules.append(FiredRule(rule.code, rule.source, translate(
                "Assessment", "{drug} is already at its lowest level ({level} {unit}): stop it for good.").format(
                drug=drug.name, level=plain(state.dose.level), unit=drug.unit), "stop"))
        elif rule.action == "reduce-level":
            state.candidates.append((lower, "level", lower, None, None))
        else:
            state.hold = True
            state.resume_level = lower if state.resume_level is None else min(state.resume_level, lower)
    elif rule.action == "reduce-percent" and rule.percent is not None:
        of_value = drug.starting_level if rule.of == "starting" else state.dose.level
        state.candidates.append((percent_level(rule.percent, of_value), "percent", rule.percent, rule.of, of_value))


def _resolve(state: _DrugState, cycle: Cycle, plan: Plan) -> DrugProposal:
    dose, drug = state.dose, state.dose.drug
    rules = tuple(state.rules)
    if state.stop:
        return DrugProposal(drug, "stop", dose.level, None, None, rules)
    if state.hold:
        return DrugProposal(drug, "hold", dose.level, None, None, rules, resume_level=state.resume_level)
    best = min(state.candidates or (), key=lambda c: c[0], default=None)
    if best is None or best[0] >= dose.level:
        return DrugProposal(drug, "give", dose.level, dose.level, dose.calculation, rules)
    level, kind, amount, of, of_value = best
    calculation = calculate_dose(drug, level, cycle.bsa.m2, cycle.dose_weight_kg, plan.settings.rounding_step_mg,
                                 percent=amount if kind == "percent" else None,
                                 percent_of=of_value if kind == "percent" else None)
    return DrugProposal(drug, "reduce", dose.level, level, calculation, rules, change=(kind, amount, of))


# ------------------------------------------------------------------------------------------------ output


def proposal_to_dict(proposal: Proposal) -> dict[str, Any]:
    """The `planner assess --json` contract (numbers as JSON numbers, integral ones as integers)."""

    def number(value: Decimal | None) -> int | float | None:
        return None if value is None else to_json_number(value)

    return {
        "cycle": proposal.cycle,
        "decision": proposal.decision,
        "drugs": [{
            "drug": d.drug.id,
            "action": d.action,
            "dose_mg_per_m2": number(d.dose_mg_per_m2),
            "dose_mg": number(d.dose_mg),
            "rules": [{"code": r.code, "source": r.source, "message": r.message} for r in d.rules],
        } for d in proposal.drugs],
        "missing": list(proposal.missing),
        "requires": list(proposal.requires),
    }


def _action_words() -> dict[str, str]:
    return {"give": translate("Assessment", "give"), "reduce": translate("Assessment", "reduce"),
            "hold": translate("Assessment", "hold"), "stop": translate("Assessment", "stop for good")}


def proposal_as_text(proposal: Proposal) -> str:
    """The proposal as a nurse reads it: decision, each drug with its dose and calculation, each rule's source."""
    words = _action_words()
    decision = {"incomplete": translate("Assessment", "INCOMPLETE: inputs are missing"),
                "stop": translate("Assessment", "STOP: a drug stops for good"),
                "hold": translate("Assessment", "HOLD"),
                "modify": translate("Assessment", "MODIFY: a dose changes"),
                "proceed": translate("Assessment", "PROCEED")}[proposal.decision]
    lines = [translate("Assessment", "Cycle {cycle}: {decision}").format(cycle=proposal.cycle, decision=decision),
             translate("Assessment", "BSA {bsa} m²").format(bsa=format_m2(proposal.bsa_m2))]
    for d in proposal.drugs:
        head = f"  {d.drug.name}: {words[d.action]}"
        if d.calculation is not None:
            head += f"  {plain(d.calculation.dose_mg)} mg  ({d.calculation.explain()})"
        elif d.resume_level is not None:
            head += "  " + translate("Assessment", "(resume at {level} {unit})").format(
                level=plain(d.resume_level), unit=d.drug.unit)
        lines.append(head)
        for rule in d.rules:
            lines.append(f"    - [{rule.code}] {rule.message}")
            lines.append("      " + translate("Assessment", "source: {source}").format(source=rule.source))
    for drug_id, total in proposal.cumulative_after:
        lines.append(translate("Assessment", "Cumulative {drug} after this cycle: {total} mg/m² (prior exposure "
                                             "included)").format(drug=drug_id, total=plain(total)))
    if proposal.missing:
        lines.append(translate("Assessment", "Missing: {fields}").format(fields=", ".join(proposal.missing)))
    if proposal.requires:
        lines.append(translate("Assessment", "Requires: {items}").format(items=", ".join(proposal.requires)))
    return "\n".join(lines) + "\n"
