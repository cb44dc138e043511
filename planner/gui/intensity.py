"""Relative dose intensity in the patient header (issue 14), computed on the worker thread from the record
and plan the window already has (no database read): `planner.core.dose_intensity` with the patient's
administrations that stand (withdrawn ones do not count)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.core.dose_intensity import DoseIntensity, GivenDose, dose_intensities
from planner.core.plan import Plan

if TYPE_CHECKING:
    from planner.gui.commands import PatientDocument
    from planner.gui.main_window import MainWindow
    from planner.store import PatientRecord


def intensity_figures(record: PatientRecord, plan: Plan, as_of: date) -> tuple[DoseIntensity, ...]:
    """The intensity per drug of the regimen, over the cycles completed by `as_of`: infusions (given on the
    ward, so always recorded) and any drug with recorded doses. Capsules taken at home that nobody marks
    given would otherwise read "0 %"."""
    from planner.core.rules import is_infusion

    given = [GivenDose(a.drug, a.cycle, a.dose_mg) for a in record.administrations if not a.withdrawn]
    shown = {g.drug for g in given} | {d.id for d in plan.regimen.drugs.values() if is_infusion(d.route)}
    return tuple(f for f in dose_intensities(plan, given, as_of) if f.drug in shown)


def show_intensity(window: MainWindow, document: PatientDocument) -> None:
    """Fill the header's RDI when it is computed; dropped if another record is shown by then."""
    record, plan, today = document.record, document.plan, window.today()

    def done(figures: tuple[DoseIntensity, ...]) -> None:
        if window.document is document and document.record is record and window.page is not None:
            # The drug names in the current language, looked up here on the GUI thread.
            window.page.header.set_intensity([(plan.regimen.drugs[f.drug].short_label, f) for f in figures])

    window.runner.start(lambda: intensity_figures(record, plan, today), done,
                        lambda exc: window.say(window.tr("The dose intensity could not be computed.")))
