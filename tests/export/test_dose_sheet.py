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


def _record():
    """A record as the store gives it (and as the assess-flow branch will: with assessments), built from the
    store's own record types where they exist."""
    from datetime import datetime
    from types import SimpleNamespace

    from planner.core.assessment import Assessment
    from planner.store.records import DoseCheckRecord

    return SimpleNamespace(
        identity=SimpleNamespace(diagnosis="Leiomyosarcoma, metastatic", allergies="Penicillin (rash)"),
        plan=SimpleNamespace(prescriber="Dr Li Wei", created_at=datetime(2025, 12, 20, 10, 30)),
        measurements=(SimpleNamespace(weight_kg=Decimal(70), measured_on=date(2025, 12, 20)),
                      SimpleNamespace(weight_kg=Decimal("68.5"), measured_on=date(2026, 1, 26))),
        assessments=(Assessment(cycle=1, on=date(2026, 1, 4), anc=Decimal("2.1"), platelets=Decimal(180),
                                hb=Decimal(118)),
                     Assessment(cycle=2, on=date(2026, 1, 25), anc=Decimal("1.8"), platelets=Decimal(150))),
        dose_checks=(DoseCheckRecord(1, 1, "epirubicin", Decimal(164), Decimal(165), Decimal("0.61"), Decimal(5),
                                     True, "nurse.a", "nurse.b", datetime(2026, 1, 5, 9, 12)),))


def test_order_elements_from_the_record(plan, subject, institution, options):
    pages = pdf_pages(dose_sheet_pdf(plan, subject, institution, options, measured_on=date(2025, 12, 20),
                                     record=_record()))
    text = squash(" ".join(pages))
    assert "Diagnosis Leiomyosarcoma, metastatic" in text and "Allergies Penicillin (rash)" in text
    assert "Prescriber Dr Li Wei" in text and "Order date 20 Dec 2025 10:30" in text
    assert "Current weight 68.5 kg, measured 26 Jan 2026" in text
    assert "doxorubicin 300 mg/m² x 1 / 0.8 = 375 mg/m² epirubicin-equivalent" in text
    # Start criteria: the regimen's hold-cycle rules, each with its source.
    assert "next cycle only when neutrophils >= 1500/mm³" in text and "platelets >= 100,000/mm³" in text
    assert "Latest counts ANC 1.8 x 10^9/L, platelets 150 x 10^9/L (25 Jan 2026)" in text
    cycle1 = squash(pages[0])
    assert "Assessment before this cycle: ANC 2.1 x 10^9/L, platelets 180 x 10^9/L, Hb 118 g/L (4 Jan 2026)" in cycle1
    assert ("Double check of epirubicin: calculated 164 mg, checked 165 mg (0.61%) - passed - nurse.a and nurse.b, "
            "5 Jan 2026 09:12") in cycle1
    assert "Double check: none recorded yet." in text  # the later cycles


def test_infusion_details_and_vesicant_warning_from_the_regimen_file(plan, subject, institution, options):
    text = squash(" ".join(pdf_pages(sheet(plan, subject, institution, options))))
    assert ("Infusion of Epirubicin hydrochloride: diluent 0.9% sodium chloride or 5% glucose, freely flowing "
            "infusion; volume 100 mL; duration 3-20 minutes into the side arm of the running infusion") in text
    assert "VESICANT - Check the line flows freely" in text and "dexrazoxane within 6 hours" in text
    epirubicin = plan.regimen.drug("epirubicin")
    assert epirubicin.vesicant and epirubicin.infusion_volume_ml == 100
    assert not plan.regimen.drug("anlotinib").vesicant


def test_without_a_record_the_order_elements_say_not_recorded(plan, subject, institution, options):
    text = squash(" ".join(pdf_pages(sheet(plan, subject, institution, options))))
    for label in ("Diagnosis", "Allergies", "Prescriber", "Order date", "Latest counts"):
        assert f"{label} not recorded" in text
    assert "Current weight 60 kg (the plan's; no later weight recorded)" in text
    assert "Double check" not in text  # no record, no claim about checks
