"""Checks on what a person entered, before anything is written; each error names its field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.store.records import PatientIdentity
from planner.store.schema import USER_NAME_MAX

SEXES = ("F", "M", "X")
MAX_NAME = 200
MAX_MRN = 64
MAX_TEXT = 10_000
MAX_USER = USER_NAME_MAX  # one bound with the columns that hold user names


def refuse_nul(value: str | None, field: str, label: str) -> None:
    """PostgreSQL cannot store a NUL character in text (the driver would refuse the whole write without
    saying which field); SQLite would, and so the two engines would hold different records. Refused on
    both, naming the field. (The text rules in planner/core/rules.py will take this over.)"""
    if value and "\x00" in value:
        raise InputError(field, translate("Store", "{label}: contains a NUL character (\\0); remove it.").format(
            label=label))


def clean_identity(identity: PatientIdentity, today: date | None = None) -> PatientIdentity:
    """The identity with surrounding spaces removed, or InputError naming the first bad field."""
    for field, label, value in (("name", translate("Store", "Name"), identity.name),
                                ("mrn", translate("Store", "MRN"), identity.mrn),
                                ("sex", translate("Store", "Sex"), identity.sex),
                                ("diagnosis", translate("Store", "Diagnosis"), identity.diagnosis),
                                ("allergies", translate("Store", "Allergies"), identity.allergies),
                                ("notes", translate("Store", "Notes"), identity.notes)):
        refuse_nul(value, field, label)
    name = (identity.name or "").strip()
    mrn = (identity.mrn or "").strip()
    if not name:
        raise InputError("name", translate("Store", "Name: enter the patient's name."))
    if len(name) > MAX_NAME:
        raise InputError("name", translate("Store", "Name: at most {n} characters.").format(n=MAX_NAME))
    if not mrn:
        raise InputError("mrn", translate("Store", "MRN: enter the medical record number."))
    if len(mrn) > MAX_MRN or any(c.isspace() for c in mrn):
        raise InputError("mrn", translate(
            "Store", "MRN: at most {n} characters, without spaces.").format(n=MAX_MRN))
    sex = identity.sex.strip().upper() if identity.sex else None
    if sex is not None and sex not in SEXES:
        raise InputError("sex", translate("Store", "Sex: F, M or X (or leave it empty)."))
    today = today or date.today()
    if identity.dob is not None and not date(1900, 1, 1) <= identity.dob <= today:
        raise InputError("dob", translate(
            "Store", "Date of birth: {dob} is not possible; it must be between 1900-01-01 and today.").format(
            dob=identity.dob.isoformat()))
    for field, label, value in (("diagnosis", translate("Store", "Diagnosis"), identity.diagnosis),
                                ("allergies", translate("Store", "Allergies"), identity.allergies),
                                ("notes", translate("Store", "Notes"), identity.notes)):
        if len(value or "") > MAX_TEXT:
            raise InputError(field, translate("Store", "{label}: at most {n} characters.").format(
                label=label, n=MAX_TEXT))
    return PatientIdentity(name=name, mrn=mrn, dob=identity.dob, sex=sex,
                           diagnosis=(identity.diagnosis or "").strip(), allergies=(identity.allergies or "").strip(),
                           notes=(identity.notes or "").strip())


def require_reason(reason: str, field: str = "reason") -> str:
    refuse_nul(reason, field, translate("Store", "Reason"))
    text = (reason or "").strip()
    if not text:
        raise InputError(field, translate("Store", "Reason: say why (it goes into the record)."))
    if len(text) > MAX_TEXT:
        raise InputError(field, translate("Store", "Reason: at most {n} characters.").format(n=MAX_TEXT))
    return text


def require_person(name: str, field: str, label: str) -> str:
    refuse_nul(name, field, label)
    text = (name or "").strip()
    if not text or len(text) > MAX_USER:
        raise InputError(field, translate("Store", "{label}: enter who it was (at most {n} characters).").format(
            label=label, n=MAX_USER))
    return text


def require_positive(value: Decimal, field: str, label: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise InputError(field, translate("Store", "{label}: must be a number above 0.").format(label=label))
    return value


# Plans are made for treatment now; the bounds keep every date the core derives (100 cycles, delays)
# inside the calendar, so a typo like 9999-12-01 is an error for the person, not a crash.
EARLIEST_START = date(1990, 1, 1)
LATEST_START = date(2199, 12, 31)


def require_plan_start(start: date, field: str = "start") -> date:
    if not isinstance(start, date) or not EARLIEST_START <= start <= LATEST_START:
        raise InputError(field, translate(
            "Store", "Start: the plan must start between {first} and {last}.").format(
            first=EARLIEST_START.isoformat(), last=LATEST_START.isoformat()))
    return start
