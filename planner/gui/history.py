"""The History tab's rows, worked out from the audit log and the record (no Qt here, easy to test).

Every audited change of one patient becomes one row: when, who, what (in words, no raw JSON), the reason,
and whether it was withdrawn later (by whom, when, why). A plan change or a Mark given that is still in
force can be withdrawn from the tab; everything else is shown for the record only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from planner.core.i18n import translate

if TYPE_CHECKING:
    from planner.store import PatientRecord
    from planner.store.records import AuditEntry

KIND_PLAN = "plan"
KIND_GIVEN = "given"
KIND_CHECK = "check"
KIND_PATIENT = "patient"
KIND_WITHDRAWAL = "withdrawal"
KINDS = (KIND_PLAN, KIND_GIVEN, KIND_CHECK, KIND_PATIENT, KIND_WITHDRAWAL)


def kind_name(kind: str) -> str:
    return {KIND_PLAN: translate("History", "Plan changes"), KIND_GIVEN: translate("History", "Given"),
            KIND_CHECK: translate("History", "Double checks"), KIND_PATIENT: translate("History", "Patient details"),
            KIND_WITHDRAWAL: translate("History", "Withdrawals")}.get(kind, kind)


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    kind: str
    what: str
    reason: str
    withdrawn: str  # "" while in force; else who withdrew it, when and why
    entity: str  # "modification" | "administration" | ... (what "Withdraw this change" acts on)
    entity_id: int

    @property
    def withdrawable(self) -> bool:
        """A plan change or Mark given still in force (the rest is the record of what happened)."""
        return self.entity in ("modification", "administration") and not self.withdrawn \
            and self.kind in (KIND_PLAN, KIND_GIVEN)

    def search_text(self) -> str:
        return "\n".join((self.when_text, self.actor, kind_name(self.kind), self.what, self.reason,
                          self.withdrawn)).casefold()

    @property
    def when_text(self) -> str:
        return self.at.astimezone().strftime("%Y-%m-%d %H:%M")


def history_rows(entries: list[AuditEntry], record: PatientRecord) -> list[HistoryRow]:
    """The patient's audited changes, newest first."""
    modifications = {m.id: m for m in record.modifications}
    given = {a.id: a for a in record.administrations}
    rows: list[HistoryRow] = []
    for entry in entries:
        new: dict[str, Any] = dict(entry.new or {})
        old: dict[str, Any] = dict(entry.old or {})
        kind, what, reason, withdrawn = KIND_PATIENT, entry.action, "", ""
        if entry.action == "modification.add":
            kind, what, reason = KIND_PLAN, _describe_modification(new), str(new.get("reason", ""))
            mod = modifications.get(entry.entity_id)
            if mod is not None and mod.withdrawn:
                withdrawn = _withdrawn_text(mod.withdrawn_by, mod.withdrawn_at, mod.withdrawn_reason)
        elif entry.action == "modification.withdraw":
            kind, reason = KIND_WITHDRAWAL, str(new.get("reason", ""))
            what = translate("History", "Withdrew: {what}").format(what=_describe_modification(old))
        elif entry.action == "administration.add":
            kind, what, reason = KIND_GIVEN, _describe_given(new), str(new.get("note", ""))
            administration = given.get(entry.entity_id)
            if administration is not None and administration.withdrawn:
                withdrawn = _withdrawn_text(administration.withdrawn_by, administration.withdrawn_at,
                                            administration.withdrawn_reason)
        elif entry.action == "administration.withdraw":
            kind, reason = KIND_WITHDRAWAL, str(new.get("reason", ""))
            what = translate("History", "Withdrew: {what}").format(what=_describe_given(old))
        elif entry.action == "dose_check.add":
            kind = KIND_CHECK
            what = translate("History", "Double check, cycle {c} {drug}: {checked} mg against {calculated} mg "
                                        "({verdict}; {first} / {second})").format(
                c=new.get("cycle"), drug=new.get("drug"), checked=new.get("checked_mg"),
                calculated=new.get("calculated_mg"),
                verdict=translate("History", "passed") if new.get("passed") else translate("History", "FAILED"),
                first=new.get("first_checker", ""), second=new.get("second_checker", ""))
        elif entry.action == "measurement.add":
            kind = KIND_PLAN
            what = translate("History", "Weight {w} kg, height {h} cm, measured {when}").format(
                w=new.get("weight_kg"), h=new.get("height_cm"), when=new.get("measured_on"))
        elif entry.action == "patient.add":
            what = translate("History", "Patient added")
        elif entry.action == "patient.import":
            what = translate("History", "Patient imported from a plan file")
        elif entry.action == "patient.update":
            changed = sorted(k for k in new if old.get(k) != new.get(k))
            what = translate("History", "Details edited: {fields}").format(fields=", ".join(changed) or "-")
        elif entry.action == "patient.withdraw":
            kind, what, reason = KIND_WITHDRAWAL, translate("History", "Withdrawn from treatment"), \
                str(new.get("reason", ""))
        elif entry.action in ("assessment.add", "assessment.accept"):
            kind, reason = KIND_PLAN, str(new.get("reason", ""))
            data = new.get("assessment") or {}
            what = (translate("History", "Assessment of cycle {c} accepted ({decision})")
                    if entry.action == "assessment.accept" else
                    translate("History", "Assessment of cycle {c} recorded ({decision})")).format(
                c=data.get("cycle", "?"), decision=new.get("decision", "?"))
        elif entry.action == "assessment.withdraw":
            kind, reason = KIND_WITHDRAWAL, str(new.get("reason", ""))
            what = translate("History", "Withdrew an accepted assessment and the changes it made")
        elif entry.action == "plan.settings":
            what = translate("History", "Plan settings changed")
        rows.append(HistoryRow(entry.at, entry.actor, kind, what, reason, withdrawn, entry.entity, entry.entity_id))
    return sorted(rows, key=lambda r: (r.at, r.entity_id), reverse=True)


def _withdrawn_text(by: str, at: datetime | None, reason: str) -> str:
    when = at.astimezone().strftime("%Y-%m-%d %H:%M") if at is not None else ""
    return translate("History", "withdrawn by {who} {when}: {reason}").format(who=by, when=when, reason=reason)


def _describe_modification(data: dict[str, Any]) -> str:
    from planner.gui.dialogs.cycle_actions import describe_modification
    from planner.store.codec import modification_from_dict

    try:
        return describe_modification(modification_from_dict(data))
    except (KeyError, ValueError, TypeError):
        return str(data.get("kind", "?"))


def _describe_given(data: dict[str, Any]) -> str:
    return translate("History", "Given: {drug} {mg} mg, cycle {c} day {d}, on {when}").format(
        drug=data.get("drug", "?"), mg=data.get("dose_mg", "?"), c=data.get("cycle", "?"), d=data.get("day", "?"),
        when=data.get("given_on", "?"))
