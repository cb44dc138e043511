"""End a treatment: an open-ended maintenance goes on (the plan rolls forward) until someone ends it here.

Ending is a modification like any other (kind "end_treatment"): stored, audited, in plan files, and undone by
withdrawing it (`withdraw_modification`), after which the plan rolls forward again.
"""

from __future__ import annotations

from datetime import date

from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import EndReason, EndTreatment, end_reason_label
from planner.core.plan import Plan
from planner.core.rules import text_problem
from planner.operations.plan_changes import modify_plan
from planner.operations.result import OpResult
from planner.store.queries import load_record, patient_row
from planner.store.repository import Repository

MAX_NOTE = 2000


def parse_end_reason(code: str | EndReason) -> EndReason:
    """An EndReason from its code ("patient-choice"; "patient_choice" and any case accepted)."""
    text = str(code).strip().lower().replace("_", "-")
    try:
        return EndReason(text)
    except ValueError:
        raise InputError("reason_code", translate(
            "Treatment", "Reason for ending: '{code}' is not one of {codes}.").format(
            code=str(code)[:40], codes=", ".join(r.value for r in EndReason))) from None


def build_end(plan: Plan, reason_code: str | EndReason, note: str = "", *, effective_on: date | None = None,
              today: date | None = None) -> tuple[EndTreatment, str]:
    """The EndTreatment for `plan` and its audit reason, or InputError naming the field (nothing saved).

    The plan stops after the cycle in progress on `effective_on` (default today). Refused when the treatment
    is already ended, or when the day lies before cycle 1 (withdraw the patient instead) or in the future.
    The GUI builds the entry here and saves it through its undo stack; `end_treatment` saves it directly.
    """
    reason = parse_end_reason(reason_code)
    note = (note or "").strip()
    if len(note) > MAX_NOTE or text_problem(note) is not None:
        raise InputError("note", translate(
            "Treatment", "Note: enter plain text of at most {n} characters.").format(n=MAX_NOTE))
    today = today or date.today()
    when = effective_on or today
    if when > today:
        raise InputError("effective_on", translate(
            "Treatment", "Ended on: {date} is in the future; end the treatment on the day it ends.").format(
            date=when.isoformat()))
    if plan.ended is not None:
        raise InputError("reason_code", translate(
            "Treatment", "The treatment is already ended ({date}); withdraw that entry first to change it.").format(
            date=plan.ended.effective_on.isoformat()))
    if not plan.cycles or when < plan.start:
        raise InputError("effective_on", translate(
            "Treatment", "Ended on: {date} is before cycle 1 ({start}); withdraw the patient instead.").format(
            date=when.isoformat(), start=plan.start.isoformat()))
    cycle = plan.cycle_on(when) or plan.cycles[-1]
    text = translate("Treatment", "Treatment ended: {reason}").format(reason=end_reason_label(reason))
    if note:
        text = f"{text}: {note}"
    return EndTreatment(cycle.number, when, reason, note), text


def end_treatment(repo: Repository, mrn: str, reason_code: str | EndReason, note: str = "", *,
                  effective_on: date | None = None, expected_version: int) -> OpResult:
    """End the treatment on `effective_on` (default today): the plan stops after the cycle in progress then
    (see `build_end` for what is refused). One modification, audited; withdrawing it resumes the plan."""
    today = date.today()
    with repo.reading() as conn:
        record = load_record(conn, patient_row(conn, mrn))
    end, text = build_end(record.compute_plan(today=today), reason_code, note, effective_on=effective_on,
                          today=today)
    return modify_plan(repo, mrn, end, text, expected_version=expected_version)
