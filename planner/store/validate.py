"""Checks on what a person entered, before anything is written; each error names its field.

The rules themselves live in planner.core.rules (one place for the GUI, the CLI, the store and the
plan-file reader); these functions keep the names and signatures the store calls.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.core import rules
from planner.core.errors import InputError
from planner.core.i18n import PRINT_LANGUAGES, normalize_language, translate
from planner.core.rules import MAX_MRN, MAX_NAME, MAX_TEXT, MAX_USER
from planner.store.records import PatientIdentity

__all__ = ["EARLIEST_START", "LATEST_START", "MAX_MRN", "MAX_NAME", "MAX_TEXT", "MAX_USER", "SEXES",
           "clean_identity", "require_person", "require_plan_start", "require_positive", "require_reason"]

SEXES = ("F", "M", "X")


def clean_identity(identity: PatientIdentity, today: date | None = None) -> PatientIdentity:
    """The identity with surrounding spaces removed, or InputError naming the first bad field."""
    name = rules.clean_name(identity.name)
    mrn = rules.clean_mrn(identity.mrn)
    sex = identity.sex.strip().upper() if identity.sex else None
    if sex is not None and sex not in SEXES:
        raise InputError("sex", translate("Store", "Sex: F, M or X (or leave it empty)."))
    language = normalize_language(identity.language)
    if language not in PRINT_LANGUAGES:
        raise InputError("language", translate("Store", "Calendar language: '{code}' is not known; choose one of "
                                                        "{choices}.").format(code=identity.language,
                                                                             choices=", ".join(PRINT_LANGUAGES)))
    rules.check_birth_date(identity.dob, today)
    texts = {field: rules.clean_text(value, field, label, MAX_TEXT)
             for field, label, value in (("diagnosis", translate("Store", "Diagnosis"), identity.diagnosis),
                                         ("allergies", translate("Store", "Allergies"), identity.allergies),
                                         ("notes", translate("Store", "Notes"), identity.notes))}
    return PatientIdentity(name=name, mrn=mrn, dob=identity.dob, sex=sex, language=language, **texts)


def require_reason(reason: str, field: str = "reason") -> str:
    text = rules.clean_text(reason, field, translate("Store", "Reason"), MAX_TEXT)
    if not text:
        raise InputError(field, translate("Store", "Reason: say why (it goes into the record)."))
    return text


def require_person(name: str, field: str, label: str) -> str:
    if not (name or "").strip() or len((name or "").strip()) > MAX_USER:
        raise InputError(field, translate("Store", "{label}: enter who it was (at most {n} characters).").format(
            label=label, n=MAX_USER))
    return rules.clean_person(name, field, label)


def require_positive(value: Decimal, field: str, label: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0 or value.adjusted() > 30:
        raise InputError(field, translate("Store", "{label}: must be a number above 0.").format(label=label))
    return value


# Kept for callers: plan starts follow the one date rule (1900-01-01 to 2100-12-31, and the plan must end
# by 2099-12-31, which compute_plan checks with the plan's real length).
EARLIEST_START = rules.EARLIEST_DATE
LATEST_START = rules.LATEST_DATE


def require_plan_start(start: date, field: str = "start") -> date:
    return rules.check_plan_start(start, field)
