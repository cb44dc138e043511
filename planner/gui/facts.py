"""What the patient header shows, worked out from the plan and the record (no Qt here, easy to test).

The plan itself is always the core's; these functions only pick which cycle is "now" and which
warnings still matter, so the widgets stay free of decisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from planner.core import administration_rules
from planner.core.decimal_math import plain
from planner.core.i18n import translate
from planner.core.plan import Cycle, DrugDose, Plan
from planner.core.regimen import Regimen
from planner.core.rules import DosingBasis, WarningCode

if TYPE_CHECKING:
    from planner.store import PatientRecord
    from planner.store.records import DoseCheckRecord

SEVERITY_DANGER = "danger"
SEVERITY_CAUTION = "caution"
SEVERITY_INFO = "info"


@dataclass(frozen=True)
class Badge:
    code: str
    text: str
    severity: str  # danger (red) | caution (amber) | info (blue)
    detail: str = ""


def age_on(dob: date, today: date) -> int:
    """Completed years on `today` (a birthday later this year does not count yet)."""
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


def current_cycle(plan: Plan, today: date) -> Cycle | None:
    """The cycle `today` falls in; before the plan the first cycle; after it None."""
    for cycle in plan.cycles:
        if today <= cycle.end:
            return cycle
    return None


def active_badges(record: PatientRecord, plan: Plan, today: date) -> list[Badge]:
    """Warnings that still matter: those of the current and later cycles, once each, worst first."""
    badges: list[Badge] = []
    if record.withdrawn:
        badges.append(Badge("withdrawn", translate("PatientHeader", "Withdrawn"), SEVERITY_INFO,
                            record.withdrawn_reason))
    if record.identity.allergies.strip():
        badges.append(Badge("allergies", translate("PatientHeader", "Allergies"), SEVERITY_DANGER,
                            record.identity.allergies.strip()))
    now = current_cycle(plan, today)
    seen: set[str] = set()
    if now is not None:
        for cycle in plan.cycles[now.number - 1:]:
            for warning in cycle.warnings:
                if warning.code in seen:
                    continue
                seen.add(warning.code)
                severity = (SEVERITY_DANGER if WarningCode.cumulative_drug(warning.code) is not None
                            else SEVERITY_CAUTION)
                text = translate("PatientHeader", "Cycle {n}: {what}").format(
                    n=cycle.number, what=short_warning(warning.code, plan.regimen))
                badges.append(Badge(warning.code, text, severity, warning.message))
        checked = {(c.cycle, c.drug) for c in record.dose_checks if c.passed and check_is_current(c, plan)}
        unchecked = [d for d in now.doses if d.drug.basis is not DosingBasis.FLAT and d.given
                     and (now.number, d.drug.id) not in checked]
        if unchecked and not record.withdrawn:
            badges.append(Badge("dose-check-due", translate(
                "PatientHeader", "Cycle {n}: double check due").format(n=now.number), SEVERITY_CAUTION,
                translate("PatientHeader", "No passed double check of the current dose yet for: {drugs}").format(
                    drugs=", ".join(_unchecked_text(record, now.number, d) for d in unchecked))))
    from planner.gui.monitoring_badges import monitoring_badges

    badges.extend(monitoring_badges(plan, today))
    order = {SEVERITY_DANGER: 0, SEVERITY_CAUTION: 1, SEVERITY_INFO: 2}
    return sorted(badges, key=lambda b: order[b.severity])


def check_is_current(check: DoseCheckRecord, plan: Plan) -> bool:
    """Whether `check` compared the dose the plan calculates now (the core's rule, shared with Mark given)."""
    return administration_rules.check_is_current(check, plan)


def _current_dose(plan: Plan, cycle_number: int, drug_id: str) -> DrugDose | None:
    return administration_rules.current_dose(plan, cycle_number, drug_id)


def _unchecked_text(record: PatientRecord, cycle: int, dose: DrugDose) -> str:
    """The drug's name, and the dose an earlier passed check was for when there is one (now outdated)."""
    older = [c for c in record.dose_checks if c.passed and c.cycle == cycle and c.drug == dose.drug.id]
    if not older:
        return dose.drug.label
    return translate("PatientHeader", "{drug} (checked at {old} mg; the plan now calculates {new} mg)").format(
        drug=dose.drug.label, old=plain(older[-1].calculated_mg), new=plain(dose.dose_mg))


def short_warning(code: str, regimen: Regimen | None = None) -> str:
    """A warning in a few words, for badges and narrow table cells (the full message goes in the tooltip)."""
    drug = WarningCode.cumulative_drug(code)
    if drug is not None:
        return translate("PatientHeader", "cumulative {drug} over limit").format(drug=drug_word(regimen, drug))
    if code == WarningCode.BSA_CAPPED:
        return translate("PatientHeader", "BSA capped")
    return code


def cycle_statuses(record: PatientRecord, plan: Plan) -> dict[int, str]:
    """Recorded status per cycle: "given" when every planned dose was recorded, otherwise what was
    ("epirubicin given", "anlotinib 5 of 14 days"); "checked" when nothing is given yet but the infusion's
    double check of the current dose passed; "held" when the cycle gives nothing (every day held or the drugs
    stopped). Cycles with none of these are left out: the view shows their date-based status (planned, in
    progress, not recorded)."""
    given: dict[tuple[int, str], set[int]] = {}
    for administration in record.administrations:
        if administration.withdrawn:
            continue  # an undone or mistaken Mark given: kept on record, not given
        given.setdefault((administration.cycle, administration.drug), set()).add(administration.day)
    statuses: dict[int, str] = {}
    for cycle in plan.cycles:
        parts: list[str] = []
        complete = True
        for dose in cycle.doses:
            if not dose.days:
                continue
            days = given.get((cycle.number, dose.drug.id), set()) & set(dose.days)
            if len(days) == len(dose.days):
                parts.append(translate("CycleStatus", "{drug} given").format(drug=dose.drug.short_label.lower()))
            else:
                complete = False
                if days:
                    parts.append(translate("CycleStatus", "{drug} {k} of {n} days").format(
                        drug=dose.drug.short_label.lower(), k=len(days), n=len(dose.days)))
        if parts:
            statuses[cycle.number] = translate("CycleStatus", "given") if complete else "; ".join(parts)
        elif not any(dose.days for dose in cycle.doses):
            statuses[cycle.number] = translate("CycleStatus", "held")
        elif any(administration_rules.needs_double_check(d) and d.given
                 and administration_rules.has_current_check(plan, cycle.number, d.drug.id, record.dose_checks)
                 for d in cycle.doses):
            statuses[cycle.number] = translate("CycleStatus", "checked")
    return statuses


def drug_word(regimen: Regimen | None, drug_id: str) -> str:
    """`epirubicin` (表柔比星 in Chinese) for a drug id; the id itself for a drug not in the regimen."""
    drug = regimen.drugs.get(drug_id) if regimen is not None else None
    return drug.short_label.lower() if drug is not None else drug_id


def check_history(record: PatientRecord, plan: Plan) -> list[tuple[str, ...]]:
    """The recorded double checks, newest first, as the dose panel lists them; a check of a dose the plan
    no longer calculates is marked outdated (it does not count as the check of the current dose)."""
    rows: list[tuple[str, ...]] = []
    for check in sorted(record.dose_checks, key=lambda c: c.checked_at, reverse=True):
        verdict = translate("DoseChecks", "passed") if check.passed else translate("DoseChecks", "FAILED")
        if not check_is_current(check, plan):
            now = _current_dose(plan, check.cycle, check.drug)
            if now is None:
                verdict = translate("DoseChecks", "{verdict}, outdated (no longer given)").format(verdict=verdict)
            else:
                verdict = translate("DoseChecks", "{verdict}, outdated (the plan now calculates {dose} mg)").format(
                    verdict=verdict, dose=plain(now.dose_mg))
        rows.append((
            check.checked_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            translate("DoseChecks", "cycle {n}").format(n=check.cycle),
            drug_word(plan.regimen, check.drug),
            translate("DoseChecks", "{checked} mg vs {calculated} mg ({pct}%)").format(
                checked=plain(check.checked_mg), calculated=plain(check.calculated_mg),
                pct=plain(check.deviation_pct)),
            verdict,
            f"{check.first_checker} / {check.second_checker}",
        ))
    return rows
