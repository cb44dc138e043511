"""The application layer: one function per user action (Anki's aqt/operations is the model).

Each validates its input through the rules (planner.store.validate, planner.store.record_rules and the
core), computes the plan once, writes through the repository in one transaction (or writes nothing) and
returns an `OpResult` saying what changed. The GUI, the CLI and plan-file import all call these; nothing here
imports Qt or the GUI (import-linter enforces it), so an operation can run off the GUI thread.
"""

from __future__ import annotations

from planner.operations.accounts import AccountResult, add_user, disable_user, set_password, set_pin, set_role
from planner.operations.administrations import mark_given, record_double_check, withdraw_administration
from planner.operations.assessments import accept_assessment, record_assessment, withdraw_assessment
from planner.operations.patients import (
    add_patient,
    change_plan_settings,
    edit_patient,
    import_plan_file,
    insert_record,
    withdraw_patient,
)
from planner.operations.plan_changes import (
    change_dose_level,
    delay_cycle,
    modify_plan,
    omit_days,
    record_weight,
    stop_drug,
    withdraw_modification,
)
from planner.operations.result import Change, OpResult
from planner.operations.treatment import end_treatment

__all__ = [
    "AccountResult",
    "Change",
    "OpResult",
    "accept_assessment",
    "add_patient",
    "add_user",
    "change_dose_level",
    "change_plan_settings",
    "delay_cycle",
    "disable_user",
    "edit_patient",
    "end_treatment",
    "import_plan_file",
    "insert_record",
    "mark_given",
    "modify_plan",
    "omit_days",
    "record_assessment",
    "record_double_check",
    "record_weight",
    "set_password",
    "set_pin",
    "set_role",
    "stop_drug",
    "withdraw_administration",
    "withdraw_assessment",
    "withdraw_modification",
    "withdraw_patient",
]
