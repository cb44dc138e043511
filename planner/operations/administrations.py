"""At the chair: record a double check of a dose, mark a dose given, withdraw a given record (undo)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Connection

from planner.core import rules
from planner.core.administration_rules import check_can_mark_given
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.plan import Plan
from planner.core.roles import Action, require_role
from planner.operations.result import Change, OpResult
from planner.store import accounts
from planner.store.given_guard import require_active_patient
from planner.store.record_rules import require_checked_dose, require_planned_dose
from planner.store.records import PatientRecord
from planner.store.repository import Repository, jsonable
from planner.store.validate import require_positive, require_reason


def _drug_id(record: PatientRecord, drug: str) -> str:
    from planner.core.regimen import load_regimen

    return load_regimen(record.plan.regimen_id).drug(drug).id


def record_double_check(repo: Repository, mrn: str, *, cycle: int, drug: str, calculated_mg: Decimal,
                        checked_mg: Decimal, tolerance_pct: Decimal, first_checker: str, second_checker: str,
                        expected_version: int, second_secret: str | None = None) -> OpResult:
    """Two people compared the dose drawn up with the plan's; `calculated_mg` must be the plan's dose now.

    Single-user mode (no account): the two checkers are the names or initials typed. Accounts on: the first
    checker is the signed-in user (`first_checker` is ignored), the second is `second_checker`'s account,
    proven by `second_secret` (their password or PIN); both must hold a role allowed to check, and the same
    person can never be both."""
    from planner.core.safety import verify_dose

    with repo.reading() as conn:
        two_accounts = accounts.accounts_on(conn)
        if two_accounts:
            first, second = _signed_in_checkers(conn, repo, second_checker, second_secret)
    if not two_accounts:
        # The two-checker rule of the core (cleaned initials, case-folded: "a.b." is "AB"), as in the panel.
        first, second = rules.check_two_checkers(first_checker, second_checker)
    require_positive(calculated_mg, "calculated_dose", translate("Store", "Calculated dose"))
    if not isinstance(tolerance_pct, Decimal) or not tolerance_pct.is_finite():
        raise InputError("tolerance", translate(
            "Store", "Verification tolerance: enter a percentage from 0 to 20 (5 by default)."))
    verification = verify_dose(calculated_mg, checked_mg, tolerance_pct)
    with repo.writing() as tx:
        if tx.signed_in is not None:  # the role as it is now (changed since sign-in?), under the write lock
            require_role(tx.signed_in.role, Action.DOUBLE_CHECK, "first_checker")
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        drug_id = _drug_id(record, drug)
        plan = record.compute_plan()  # a check changes no input of the plan
        require_checked_dose(plan, cycle=cycle, drug_id=drug_id, calculated_mg=calculated_mg)
        version = tx.bump(row)
        values = {"cycle": cycle, "drug": drug_id, "calculated_mg": calculated_mg, "checked_mg": checked_mg,
                  "deviation_pct": verification.deviation_pct, "tolerance_pct": tolerance_pct,
                  "passed": verification.passed, "first_checker": first, "second_checker": second}
        check_id = tx.insert_dose_check(row.id, values)
        audit_id = tx.audit(Change.DOSE_CHECK_ADDED.value, "dose_check", check_id, row.id, None, jsonable(values))
        saved = tx.finish(row.id, version, plan)
    return _result(saved, plan, Change.DOSE_CHECK_ADDED, audit_id, check_id)


def _signed_in_checkers(conn: Connection, repo: Repository, second_checker: str,
                        second_secret: str | None) -> tuple[str, str]:
    """The two account names of a double check with accounts on: the signed-in user and the second checker,
    whose password or PIN is verified here. InputError on the field to correct."""
    if repo.signed_in is None:
        raise InputError("first_checker", translate(
            "Accounts", "First checker: sign in first; with accounts on, the first checker is the signed-in user."))
    first = repo.signed_in.user
    require_role(repo.signed_in.role, Action.DOUBLE_CHECK, "first_checker")
    name = accounts.clean_user_name(second_checker, "second_checker")
    rules.check_two_checkers(first, name)  # before the password: the same person is refused whatever they type
    try:
        second = accounts.authenticate(conn, name, second_secret, allow_pin=True)
    except InputError as exc:
        raise InputError("second_password", translate(
            "Accounts", "Second checker: the user name or password/PIN is wrong.")) from exc
    require_role(second.role, Action.DOUBLE_CHECK, "second_checker")
    return rules.check_two_checkers(first, second.user)


def mark_given(repo: Repository, mrn: str, *, cycle: int, day: int, drug: str, dose_mg: Decimal, given_on: date,
               expected_version: int, note: str = "", today: date | None = None) -> OpResult:
    """Record that a dose was given; `entity_id` of the result is the new administration's id. `today`
    (default: the local date) decides which cycles have started: a future one cannot be given."""
    require_positive(dose_mg, "dose", translate("Store", "Dose given"))
    note = rules.clean_text(note, "note", translate("Store", "Note"), rules.MAX_TEXT)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        record = tx.record(row)
        drug_id = _drug_id(record, drug)
        plan = record.compute_plan()  # an administration changes no input of the plan
        # The plan's dose on a day the plan gives it, on a possible date. (A date outside the cycle is not
        # refused here: Mark given accepts any past date; plan-file import requires it within the cycle.)
        require_planned_dose(plan, cycle=cycle, day=day, drug_id=drug_id, dose_mg=dose_mg, given_on=given_on,
                             dob=record.identity.dob)
        # The Mark given rule (core): an infusion needs a passed check of the current dose, a future cycle
        # cannot be given, another day than planned needs a reason (the note).
        check_can_mark_given(plan, cycle, drug_id, day, given_on, record.dose_checks, today or date.today(), note)
        version = tx.bump(row)
        values = {"cycle": cycle, "day": day, "drug": drug_id, "dose_mg": dose_mg, "given_on": given_on,
                  "given_by": tx.actor, "note": note}
        admin_id = tx.insert_administration(row.id, values)
        audit_id = tx.audit(Change.ADMINISTRATION_ADDED.value, "administration", admin_id, row.id, None,
                            jsonable(values))
        saved = tx.finish(row.id, version, plan)
    return _result(saved, plan, Change.ADMINISTRATION_ADDED, audit_id, admin_id)


def withdraw_administration(repo: Repository, mrn: str, administration_id: int, reason: str, *,
                            expected_version: int) -> OpResult:
    """Mark a recorded administration as withdrawn (recorded in error, or an undone Mark given). The row
    stays, with who withdrew it, when and why; it no longer counts as given."""
    reason = require_reason(reason)
    with repo.writing() as tx:
        row = tx.locked(mrn, expected_version)
        require_active_patient(row)
        plan = tx.record(row).compute_plan()
        given = tx.withdraw_entry(
            "administration", administration_id, row.id, reason,
            missing=translate("Store", "Administration {id} is not in this patient's record.").format(
                id=administration_id),
            already=translate("Store", "Administration {id} is already withdrawn.").format(id=administration_id))
        version = tx.bump(row)
        g = given.row
        old = {"withdrawn": False, "cycle": g.cycle, "day": g.day, "drug": g.drug, "dose_mg": g.dose_mg,
               "given_on": g.given_on}
        audit_id = tx.audit(Change.ADMINISTRATION_WITHDRAWN.value, "administration", given.id, row.id,
                            jsonable(old), {"withdrawn": True, "reason": reason})
        saved = tx.finish(row.id, version, plan)
    return _result(saved, plan, Change.ADMINISTRATION_WITHDRAWN, audit_id, given.id)


def _result(record: PatientRecord, plan: Plan, change: Change, audit_id: int, entity_id: int) -> OpResult:
    return OpResult(record.id, record.identity.mrn, record.version, change, audit_id, entity_id, record, plan)
