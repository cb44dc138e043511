from dataclasses import replace
from datetime import date
from decimal import Decimal

from planner.core.dates import format_long
from planner.core.decimal_math import plain
from planner.core.plan import PriorExposure, compute_plan
from planner.export.dose_sheet import dose_sheet_pdf
from planner.export.options import PrintOptions
from planner.export.wording import describe_modification, preparation

from .conftest import PRINTED, pdf_pages, pdf_sizes, squash


def sheet(plan, subject, institution, options):
    return dose_sheet_pdf(plan, subject, institution, options, measured_on=date(2026, 1, 2))


def test_identifiers_measurements_and_bsa(plan, subject, institution, options):
    pages = pdf_pages(sheet(plan, subject, institution, options))
    text = squash(" ".join(pages))
    assert "王芳 Wang Fang" in text and "MRN-0042" in text and "2 Mar 1955" in text
    assert "170 cm / 70 kg" in text and "Measured on 2 Jan 2026" in text
    assert plan.baseline_bsa.explain() in text
    assert "doxorubicin 300 mg/m²" in text
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page and "MRN MRN-0042" in page and "Printed 2 Jan 2026" in page


def test_every_cycle_date_dose_calculation_and_preparation(plan, subject, institution, options):
    text = squash(" ".join(pdf_pages(sheet(plan, subject, institution, options))))
    for cycle in plan.cycles:
        assert f"Cycle {cycle.number} ({cycle.phase.name}) - day 1: {format_long(cycle.start)}" in text
        assert squash(cycle.bsa.explain()) in text
        for dose in cycle.doses:
            assert f"{plain(dose.dose_mg)} mg" in text
            assert squash(dose.calculation.explain()) in text
            assert squash(preparation(dose)) in text
        for _drug, amount in cycle.cumulative_mg_per_m2:
            assert f"after this cycle: {plain(amount)} mg/m²" in text
    assert text.count("Prepared by") == len(plan.cycles) and text.count("Checked by") == len(plan.cycles)


def test_epirubicin_volume_and_vials(plan, subject, institution, options):
    text = squash(" ".join(pdf_pages(sheet(plan, subject, institution, options))))
    # 90 mg/m² x 1.82 m² = 163.8 -> 164 mg; 164 / 2 mg/mL = 82 mL; least waste 3 x 50 + 2 x 10 = 170 mg
    assert "90 mg/m² x 1.82 m² = 163.8 -> 164 mg" in text
    assert "82 mL at 2 mg/mL; 3 x 50 mg + 2 x 10 mg vials (170 mg opened, 6 mg left over)" in text
    assert "1 x 12 mg capsule per day" in text and "1 x 10 mg capsule per day" in text


def test_warnings_notes_and_modifications_with_reasons(plan, subject, institution, options):
    text = squash(" ".join(pdf_pages(sheet(plan, subject, institution, options))))
    for mod in plan.modifications:
        assert squash(describe_modification(mod, plan.regimen)) in text
    assert "reason: febrile neutropenia" in text and "reason: ANC 1.1 on day 21" in text
    for cycle in plan.cycles:
        for note in cycle.notes:
            assert squash(note) in text


def test_cumulative_limit_warning_printed_on_its_cycle(plan, subject, institution, options):
    heavy = compute_plan(plan.regimen, replace(plan.inputs, prior=(PriorExposure("doxorubicin", Decimal(400)),)),
                         plan.settings, plan.modifications)
    warned = [c for c in heavy.cycles if c.warnings]
    assert warned and warned[0].warnings[0].code == "cumulative-epirubicin-limit"
    text = squash(" ".join(pdf_pages(sheet(heavy, subject, institution, options))))
    for cycle in warned:
        for warning in cycle.warnings:
            assert squash(f"WARNING [{warning.code}]: {warning.message}") in text


def test_letter_portrait(plan, subject, institution):
    assert set(pdf_sizes(sheet(plan, subject, institution, PrintOptions("letter", PRINTED)))) == {(612, 792)}
    assert set(pdf_sizes(sheet(plan, subject, institution, PrintOptions("a4", PRINTED)))) == {(595, 842)}
