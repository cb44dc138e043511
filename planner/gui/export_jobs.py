"""What the desktop exports are made of: the preferences turned into the export layer's values, default file
names, and the work functions that build and write each file.

No widgets here: the work functions run on the task runner's worker thread and return the path written.
reportlab, pandas and icalendar are imported inside them, so none of that is on the start-up path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner.core.i18n import language, translate

if TYPE_CHECKING:
    from planner.core.clinic_days import ClinicCalendar
    from planner.core.plan import Plan
    from planner.export.options import Institution, PrintOptions
    from planner.gui.settings import Settings
    from planner.store import PatientRecord, PatientStore

# Which patient document: the calendar the patient takes home, or the clinician's dose sheet.
PATIENT_CALENDAR = "patient-calendar"
DOSE_SHEET = "dose-sheet"


def institution_from(settings: Settings) -> Institution:
    """The institution and its phone lines as they print (Preferences > Printouts)."""
    from planner.export.options import Institution

    phones = []
    ward = settings.text("institution/phone").strip()
    emergency = settings.text("institution/emergency_phone").strip()
    all_hours = ""
    if ward:
        phones.append(translate("Exports", "Ward: {number}").format(number=ward))
    if emergency and settings.get("institution/emergency_24h") == 1:
        # Printed first and marked "24 hours, every day" (Institution.phone_lines).
        all_hours = translate("Exports", "Emergency: {number}").format(number=emergency)
    elif emergency:
        phones.append(translate("Exports", "Emergency (out of hours): {number}").format(number=emergency))
    return Institution(settings.text("institution/name").strip(), tuple(phones), all_hours)


def print_options_from(settings: Settings, printed_on: date) -> PrintOptions:
    """Paper size from the preferences ("A4" / "Letter"); anything unknown prints on A4 rather than failing."""
    from planner.export.options import PAPER_SIZES, PrintOptions

    paper = settings.text("print/paper_size").strip().lower()
    return PrintOptions(paper=paper if paper in PAPER_SIZES else "a4", printed_on=printed_on)


def _file_safe(text: str) -> str:
    """Letters (any script: a translated name stays readable), digits, '-' and '_' only: an MRN like 'A/123 4'
    must not create folders or odd names."""
    return re.sub(r"[^\w-]+", "-", text).strip("-_") or "patient"


def default_file_name(kind: str, when: date, mrn: str = "", suffix: str = "pdf") -> str:
    """A file name that says what the file is, for which record and date, and never holds the patient's name
    (file names show up in recent-file lists, mail attachments and shared folders)."""
    stems = {
        PATIENT_CALENDAR: translate("Exports", "patient-calendar"),
        DOSE_SHEET: translate("Exports", "dose-sheet"),
        "day-list": translate("Exports", "day-list"),
        "ics": translate("Exports", "treatment-calendar"),
        "table": translate("Exports", "plan-table"),
    }
    parts = [_file_safe(stems[kind])]
    if mrn:
        parts.append(_file_safe(mrn))
    parts.append(when.isoformat())
    return "_".join(parts) + "." + suffix


@dataclass(frozen=True)
class PatientSource:
    """Everything a patient export needs, captured on the GUI thread (the record and plan are immutable)."""

    record: PatientRecord
    plan: Plan
    shared_names: frozenset[str] = frozenset()  # folded names more than one patient has (flagged on paper)

    @property
    def mrn(self) -> str:
        return self.record.identity.mrn

    @property
    def language(self) -> str:
        """The patient's language for the documents they take home (calendar, .ics)."""
        return self.record.identity.language

    @property
    def measured_on(self) -> date | None:
        return self.record.baseline_measurement.measured_on if self.record.measurements else None


def patient_pdf_bytes(kind: str, source: PatientSource, institution: Institution, options: PrintOptions,
                      clinic: ClinicCalendar | None = None) -> bytes:
    """The patient calendar or the dose sheet as PDF bytes, from the core's plan (never recomputed here).
    `clinic` (Preferences > clinic days) puts the calendar's blood tests on open days."""
    from planner.export.options import Subject

    subject = Subject.from_identity(source.record.identity, source.shared_names)
    if kind == PATIENT_CALENDAR:
        from planner.export.patient_calendar import patient_calendar_pdf

        # The patient's language; the block's context variable keeps the window in the staff's language
        # while this runs on the export thread.
        with language(source.language):
            return patient_calendar_pdf(source.plan, subject, institution, options, clinic=clinic)
    if kind == DOSE_SHEET:
        from planner.export.dose_sheet import dose_sheet_pdf

        return dose_sheet_pdf(source.plan, subject, institution, options, measured_on=source.measured_on,
                              record=source.record)
    raise ValueError(f"unknown patient document {kind!r}")


def day_list_bytes(store: PatientStore, when: date, institution: Institution, options: PrintOptions) -> bytes:
    """Everyone on treatment due on `when`, read from the store (withdrawn patients are not on the list)."""
    from planner.export.day_list import day_list_pdf

    return day_list_pdf(when, store.due_on(when), institution, options, shared_names=store.shared_names())


def ics_bytes(source: PatientSource) -> bytes:
    from planner.export.ics import plan_to_ics
    from planner.export.options import Subject

    # The MRN only seeds the event ids (stable between exports); the file itself carries no identifiers.
    with language(source.language):  # the phone calendar is the patient's, in the patient's language
        return plan_to_ics(source.plan, Subject(source.mrn, source.mrn))


def table_bytes(source: PatientSource, path: str | Path) -> bytes:
    from planner.export.tables import plan_table_bytes, table_format

    return plan_table_bytes(source.plan, table_format(path))


def write_job(path: str | Path, make: Callable[[], bytes], database: str | None = None) -> Callable[[], Path]:
    """A worker-thread job: build the bytes, then write them atomically (0600; ExportError leaves nothing).

    `database` is the open store's URL: the file chosen must not be that database (nor the default one),
    the same rule as the CLI's --out (planner.export.atomic.check_output_path)."""

    def job() -> Path:
        from planner.export.atomic import check_output_path, write_atomic
        from planner.store.engine import database_file

        protect = (database_file(database) if database else None, database_file(None))
        check_output_path(path, protect)  # before the (slow) build, so a refusal comes at once
        return write_atomic(path, make(), protect)

    return job
