"""Assessments before a cycle: record one, accept its proposal (which creates the modifications it implies),
and undo an acceptance. Each is one transaction with its audit entries.

The proposal is always recomputed here from the stored plan and the measurements: a caller's proposal (the
GUI showed one a moment ago) is never trusted, since the record may have changed in between. Nothing in the
plan changes until a proposal is accepted.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from planner.core.assessment import Assessment
from planner.core.decision import DrugProposal, FiredRule, Proposal, propose
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import (
    Delay,
    DoseLevelChange,
    DosePercentChange,
    Modification,
    OmitDays,
    StopDrug,
)
from planner.core.plan import Plan
from planner.core.roles import Action, require_role
from planner.operations.result import Change, OpResult
from planner.store import codec
from planner.store.given_guard import require_active_patient, require_not_given
from planner.store.records import AssessmentRecord, FiredRuleRecord, PatientRecord
from planner.store.repository import Repository, Transaction
from planner.store.validate import require_person, require_reason

DEFAULT_DELAY_DAYS = 7  # a cycle held for its start criteria is re-assessed a week later (the nurse may change it)
MAX_DELAY_DAYS = 365
PRESCRIBER_CONFIRMATION = "prescriber-confirmation"
HOLD_DRUG_ACTIONS = ("hold", "hold-then-reduce-level")


def rules_text(rules: tuple[FiredRule, ...] | list[FiredRule]) -> str:
    """The fired rules as a reason: `[code] message; [code] message`."""
    return "; ".join(f"[{r.code}] {r.message}" for r in rules)


def proposal_reason(proposal: Proposal) -> str:
    """Every rule that fired, once (the text the GUI prefills as the reason for accepting)."""
    seen: dict[str, FiredRule] = {}
    for drug in proposal.drugs:
        for rule in drug.rules:
            seen.setdefault(rule.code, rule)
    return rules_text(list(seen.values()))


def _cycle_hold_rules(proposal: Proposal) -> list[FiredRule]:
    found: dict[str, FiredRule] = {}
    for drug in proposal.drugs:
        for rule in drug.rules:
            if rule.action == "hold-cycle":
                found.setdefault(rule.code, rule)
    return list(found.values())


def _has_cycle(plan: Plan, number: int) -> bool:
    return any(c.number == number for c in plan.cycles)


def _drug_changes(plan: Plan, proposal: Proposal, d: DrugProposal) -> list[Modification]:
    cycle = plan.cycle(proposal.cycle)
    drug = d.drug
    why = rules_text(d.rules)
    if d.action == "stop":
        return [StopDrug(drug.id, cycle.number, 1, why)]
    if d.action == "hold":
        held = [r for r in d.rules if r.action in HOLD_DRUG_ACTIONS]
        if not held:
            return []  # held only because the whole cycle waits: the Delay carries it
        dose = cycle.dose_for(drug.id)
        out: list[Modification] = []
        if dose is not None and dose.days:
            out.append(OmitDays(drug.id, cycle.number, tuple(dose.days), rules_text(held)))
        if d.resume_level is not None and _has_cycle(plan, cycle.number + 1):
            later = plan.cycle(cycle.number + 1).dose_for(drug.id)
            if later is not None and later.level != d.resume_level:
                out.append(DoseLevelChange(drug.id, cycle.number + 1, d.resume_level, rules_text(held)))
        return out
    if d.action == "reduce" and d.change is not None and d.level is not None:
        kind, amount, of = d.change
        if kind == "percent" and d.level not in drug.levels:
            return [DosePercentChange(drug.id, cycle.number, amount, of or "current", why)]
        # A percentage that lands on a regimen level (or a level step) is that level: shown as the level.
        return [DoseLevelChange(drug.id, cycle.number, d.level, why)]
    return []


def modifications_for(plan: Plan, proposal: Proposal, *, delay_days: int = DEFAULT_DELAY_DAYS
                      ) -> tuple[Modification, ...]:
    """The modifications accepting `proposal` makes, each with the rules that call for it as its reason:
    a held cycle -> Delay; a reduced dose -> DosePercentChange (or DoseLevelChange on a regimen level); a drug
    held by its own rule -> OmitDays of this cycle (+ one level lower from the next cycle when the rule says
    so); a stopped drug -> StopDrug."""
    if not 1 <= delay_days <= MAX_DELAY_DAYS:
        raise InputError("delay_days", translate(
            "Assessment", "Delay: {days} days is not possible; enter 1-{max} days.").format(
            days=delay_days, max=MAX_DELAY_DAYS))
    out: list[Modification] = []
    held = _cycle_hold_rules(proposal)
    if held:
        out.append(Delay(proposal.cycle, delay_days, rules_text(held)))
    for drug in proposal.drugs:
        out.extend(_drug_changes(plan, proposal, drug))
    return tuple(out)


def _fired(proposal: Proposal) -> tuple[FiredRuleRecord, ...]:
    return tuple(FiredRuleRecord(d.drug.id, r.code) for d in proposal.drugs for r in d.rules)


def _plan_of(record: PatientRecord, mods: tuple[Modification, ...]) -> Plan:
    from planner.core.plan import PatientInputs, compute_plan
    from planner.core.regimen import load_regimen

    base = record.baseline_measurement
    inputs = PatientInputs(record.plan.start, base.height_cm, base.weight_kg, record.plan.prior)
    return compute_plan(load_regimen(record.plan.regimen_id), inputs, record.plan.settings, mods)


def _check_assessment(plan: Plan, assessment: Assessment) -> Assessment:
    plan.cycle(assessment.cycle)  # InputError "cycle" when the plan has no such cycle
    # Terms must be this regimen's: an assessment built elsewhere goes through the same parser again.
    return codec.assessment_from_dict(codec.assessment_to_dict(assessment), plan.regimen.toxicities)


def _audit_assessment(tx: Transaction, row_id: int, patient_id: int, stored: AssessmentRecord,
                      extra: dict[str, Any]) -> int:
    return tx.audit(Change.ASSESSMENT_ADDED.value if not stored.accepted else Change.ASSESSMENT_ACCEPTED.value,
                    "assessment", row_id, patient_id, None,
                    {"assessment": codec.assessment_to_dict(stored.assessment), "decision": stored.decision,
                     "rules": [{"drug": f.drug, "code": f.code} for f in stored.rules], "reason": stored.reason,
                     "prescriber": stored.prescriber, **extra})


def record_assessment(repo: Repository, mrn: str, assessment: Assessment, *, expected_version: int,
                      reason: str = "") -> OpResult:
    """Store an assessment and the decision proposed for it, not accepted: the plan does not change."""
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        plan = record.compute_plan()
        assessment = _check_assessment(plan, assessment)
        proposal = propose(plan, assessment)
        stored = AssessmentRecord(0, assessment, proposal.decision, _fired(proposal), False,
                                  (reason or "").strip(), tx.actor, tx.now)
        version = tx.bump(row)
        assessment_id = tx.insert_assessment(row.id, stored)
        audit_id = _audit_assessment(tx, assessment_id, row.id, stored, {})
        saved = tx.finish(row.id, version, plan)
    return OpResult(saved.id, saved.identity.mrn, version, Change.ASSESSMENT_ADDED, audit_id, assessment_id, saved,
                    plan)


def accept_assessment(repo: Repository, mrn: str, assessment: Assessment, *, reason: str, expected_version: int,
                      prescriber: str | None = None, delay_days: int = DEFAULT_DELAY_DAYS) -> OpResult:
    """Accept the proposal for `assessment`: in ONE transaction store the assessment (accepted) and the
    modifications the proposal implies. `entity_id` of the result is the assessment's id.

    Refused (InputError, nothing saved): an incomplete assessment, LVEF still required, prescriber confirmation
    required but no prescriber named, a change that would rewrite a dose recorded as given."""
    reason = require_reason(reason)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        before = record.compute_plan()
        assessment = _check_assessment(before, assessment)
        proposal = propose(before, assessment)
        if proposal.decision == "incomplete":
            raise InputError("decision", translate(
                "Assessment", "Cycle {cycle}: the assessment is incomplete ({fields} missing) and cannot be "
                "accepted; enter the missing values.").format(cycle=proposal.cycle, fields=", ".join(proposal.missing)))
        if "lvef" in proposal.requires:
            raise InputError("lvef", translate(
                "Assessment", "Cycle {cycle}: an LVEF is required before this dose; enter it, then accept.").format(
                cycle=proposal.cycle))
        confirmed_by = ""
        if PRESCRIBER_CONFIRMATION in proposal.requires and tx.signed_in is not None:
            # Accounts on: the confirmation is the signed-in prescriber's own, never a typed name.
            require_role(tx.signed_in.role, Action.PRESCRIBER_CONFIRMATION, "prescriber")
            prescriber = tx.signed_in.user
        if PRESCRIBER_CONFIRMATION in proposal.requires:
            if not (prescriber or "").strip():
                raise InputError("prescriber", translate(
                    "Assessment", "Cycle {cycle}: a rule requires the prescriber's confirmation; name the prescriber "
                    "who confirmed it (--prescriber).").format(cycle=proposal.cycle))
        if (prescriber or "").strip():
            confirmed_by = require_person(prescriber or "", "prescriber", translate("Assessment", "Prescriber"))
        changes = modifications_for(before, proposal, delay_days=delay_days)
        accepted = translate("Assessment", "Assessment of cycle {cycle} accepted: {reason}").format(
            cycle=proposal.cycle, reason=reason)
        changes = tuple(replace(m, reason=require_reason(f"{m.reason} ({accepted})" if m.reason else accepted))
                        for m in changes)
        active = record.active_modifications()
        for change in changes:
            if isinstance(change, DoseLevelChange):
                from planner.core.plan import check_level_change

                check_level_change(_plan_of(record, active), change)
            require_not_given(record, change)
            active = (*active, change)
        plan = _plan_of(record, active)  # the core validates the whole list; an impossible one raises
        version = tx.bump(row)
        mod_ids: list[int] = []
        for change in changes:
            mod_id = tx.insert_modification(row.id, change, change.reason)
            mod_ids.append(mod_id)
            tx.audit(Change.MODIFICATION_ADDED.value, "modification", mod_id, row.id, None,
                     {**codec.modification_to_dict(change), "reason": change.reason})
        stored = AssessmentRecord(0, assessment, proposal.decision, _fired(proposal), True, reason, tx.actor, tx.now,
                                  prescriber=confirmed_by, prescriber_at=tx.now if confirmed_by else None,
                                  modification_ids=tuple(mod_ids))
        assessment_id = tx.insert_assessment(row.id, stored)
        audit_id = _audit_assessment(tx, assessment_id, row.id, stored, {"modification_ids": mod_ids})
        saved = tx.finish(row.id, version, plan)
    return OpResult(saved.id, saved.identity.mrn, version, Change.ASSESSMENT_ACCEPTED, audit_id, assessment_id,
                    saved, plan)


def withdraw_assessment(repo: Repository, mrn: str, assessment_id: int, reason: str, *,
                        expected_version: int) -> OpResult:
    """Undo an acceptance: withdraw every modification it created (those still in force) and the assessment
    itself, in one transaction; all stay on record, flagged withdrawn with who, when and why."""
    reason = require_reason(reason)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        found = next((a for a in record.assessments if a.id == assessment_id), None)
        mods_by_id = {m.id: m for m in record.modifications}
        entry = tx.withdraw_entry(
            "assessment", assessment_id, row.id, reason,
            missing=translate("Store", "Assessment {id} is not in this patient's record.").format(id=assessment_id),
            already=translate("Store", "Assessment {id} is already withdrawn.").format(id=assessment_id))
        assert found is not None  # withdraw_entry refused an assessment not in this record
        withdrawn: list[int] = []
        for mod_id in found.modification_ids:
            mod = mods_by_id.get(mod_id)
            if mod is None or mod.withdrawn:
                continue  # withdrawn on its own since: nothing left to undo there
            gone = tx.withdraw_entry("modification", mod_id, row.id, reason, missing="", already="")
            withdrawn.append(gone.id)
            tx.audit(Change.MODIFICATION_WITHDRAWN.value, "modification", gone.id, row.id,
                     {"withdrawn": False, **gone.row.data}, {"withdrawn": True, "reason": reason})
        plan = _plan_of(record, tuple(m.modification for m in record.modifications
                                      if not m.withdrawn and m.id not in withdrawn))
        version = tx.bump(row)
        audit_id = tx.audit(Change.ASSESSMENT_WITHDRAWN.value, "assessment", entry.id, row.id,
                            {"withdrawn": False}, {"withdrawn": True, "reason": reason,
                                                   "modification_ids": withdrawn})
        saved = tx.finish(row.id, version, plan)
    return OpResult(saved.id, saved.identity.mrn, version, Change.ASSESSMENT_WITHDRAWN, audit_id, entry.id, saved,
                    plan)


def proposal_for(record: PatientRecord, assessment: Assessment) -> Proposal:
    """The proposal for a stored record (read-only; the CLI's and the GUI's preview)."""
    return propose(record.compute_plan(), assessment)


__all__ = [
    "DEFAULT_DELAY_DAYS",
    "accept_assessment",
    "modifications_for",
    "proposal_for",
    "proposal_reason",
    "record_assessment",
    "withdraw_assessment",
]
