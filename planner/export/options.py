"""The values every export is made from besides the plan: who it is for, the institution, print options.

Kept apart from the store's PatientIdentity so the exports work from the CLI and tests without a
database; the store's identity converts with `Subject.from_identity`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planner.core import rules
from planner.core.errors import InputError
from planner.core.i18n import translate

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class Subject:
    """The patient a document is for: two identifiers at least (name and MRN, plus date of birth)."""

    name: str
    mrn: str
    dob: date | None = None
    same_name: bool = False  # another patient on record has this name: every page says so

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InputError("name", translate("Export", "Name: enter the patient's name; it prints on every page."))
        if not self.mrn.strip():
            raise InputError("mrn", translate("Export", "MRN: enter the patient's record number; it prints on "
                                                        "every page."))
        # What prints must be what was meant: no escape codes, bidi overrides or invisible characters.
        rules.clean_text(self.name, "name", translate("Export", "Name"), rules.MAX_NAME)
        rules.clean_text(self.mrn, "mrn", translate("Export", "MRN"), rules.MAX_MRN)

    @classmethod
    def from_identity(cls, identity: Any, shared_names: Iterable[str] = ()) -> Subject:
        """From anything with name, mrn and dob attributes (the store's PatientIdentity); `shared_names`
        (case-folded, `PatientStore.shared_names()`) flags a name more than one patient has."""
        return cls(name=identity.name, mrn=identity.mrn, dob=identity.dob,
                   same_name=identity.name.casefold() in set(shared_names))


@dataclass(frozen=True)
class Institution:
    """Who the patient calls: the institution's name and its phone lines ("Day unit: 010-1234 5678"), and
    the line answered 24 hours a day (printed marked as such, first among the lines)."""

    name: str = ""
    phones: tuple[str, ...] = ()
    phone_24h: str = ""

    def __post_init__(self) -> None:
        rules.clean_text(self.name, "institution", translate("Export", "Institution"), rules.MAX_INSTITUTION)
        for phone in (*self.phones, self.phone_24h):
            rules.clean_text(phone, "phone", translate("Export", "Phone line"), rules.MAX_INSTITUTION)

    @property
    def has_phone(self) -> bool:
        return bool(self.phone_24h.strip() or any(p.strip() for p in self.phones))

    def phone_lines(self) -> tuple[str, ...]:
        """Every line as it prints: the 24-hour line first, marked, then the others."""
        marked = (translate("Export", "{line} (24 hours, every day)").format(line=self.phone_24h),) \
            if self.phone_24h.strip() else ()
        return (*marked, *(p for p in self.phones if p.strip()))


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "a4"
    printed_on: date = field(default_factory=date.today)

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES:
            raise InputError("paper", translate("Export", "Paper: '{paper}' is not known; choose a4 or letter.").format(
                paper=self.paper))
