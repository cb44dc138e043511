from datetime import date, timedelta
from decimal import Decimal

from planner.core.decimal_math import plain
from planner.core.plan import PatientInputs, compute_plan
from planner.core.regimen import load_regimen
from planner.export.day_list import checks_due, day_list_pdf, due_on, standing_checks
from planner.export.options import PrintOptions, Subject

from .conftest import PRINTED, pdf_pages, pdf_sizes, squash


def cohort(plan):
    regimen = load_regimen("anlotinib-epirubicin")
    later = compute_plan(regimen, PatientInputs(date(2025, 12, 16), Decimal(160), Decimal(55)))  # cycle 2 on 6 Jan
    maintenance = compute_plan(regimen, PatientInputs(date(2025, 8, 11), Decimal(180), Decimal(80)))  # cycle 8
    idle = compute_plan(regimen, PatientInputs(date(2026, 1, 1), Decimal(175), Decimal(75)))  # day 5: capsules only
    return [
        (Subject("王芳 Wang Fang", "MRN-0042", date(1955, 3, 2)), plan),
        (Subject("Zhou Wei", "MRN-0007"), later),
        (Subject("Li Na", "MRN-0100", date(1960, 1, 1)), maintenance),
        (Subject("Chen Jie", "MRN-0200"), idle),
    ]


def test_due_on_finds_infusions_cycle_starts_and_blood_tests(plan):
    patients = cohort(plan)
    assert patients[2][1].cycle(8).start == date(2026, 1, 5)
    due, bloods = due_on(patients, date(2026, 1, 5))
    assert [e.subject.mrn for e in due] == ["MRN-0100", "MRN-0042"]  # sorted by name
    assert due[0].cycle_start and not due[0].infusion  # maintenance: anlotinib only
    assert due[1].infusion and due[1].cycle.number == 1
    assert [e.subject.mrn for e in bloods] == ["MRN-0007"]


def test_pdf_lists_doses_calculations_and_checks(plan):
    when = date(2026, 1, 5)
    patients = cohort(plan)
    pages = pdf_pages(day_list_pdf(when, patients, options=PrintOptions("a4", PRINTED)))
    text = squash(" ".join(pages))
    assert "Day list for 5 Jan 2026" in text
    assert "王芳 Wang Fang" in text and "MRN MRN-0042" in text and "Born 2 Mar 1955" in text
    assert "Li Na" in text and "Cycle 8 starts" in text
    assert "Chen Jie" not in text  # day 5: nothing to do in the unit
    cycle = plan.cycle(1)
    epirubicin = cycle.dose_for("epirubicin")
    assert f"Epirubicin hydrochloride {plain(epirubicin.dose_mg)} mg IV" in text
    assert squash(epirubicin.calculation.explain()) in text
    for check in standing_checks():
        assert squash(check) in text
    due, _ = due_on(patients, when)
    for entry in due:
        for check in checks_due(entry):
            assert squash(check) in text
    assert "Zhou Wei" in text and "6 Jan 2026: cycle 2 day 1 - Epirubicin hydrochloride" in text
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page and "Printed 2 Jan 2026" in page


def test_many_patients_flow_over_pages_and_letter_size(plan):
    regimen = load_regimen("anlotinib-epirubicin")
    when = date(2026, 3, 2)
    patients = [(Subject(f"Patient {i:03d}", f"M{i:04d}"),
                 compute_plan(regimen, PatientInputs(when - timedelta(days=21 * (i % 5)), Decimal(170), Decimal(70))))
                for i in range(60)]
    data = day_list_pdf(when, patients, options=PrintOptions("letter", PRINTED))
    pages = pdf_pages(data)
    assert len(pages) > 1 and set(pdf_sizes(data)) == {(792, 612)}
    text = squash(" ".join(pages))
    for i in range(60):
        assert f"MRN M{i:04d}" in text


def test_empty_day(plan):
    text = squash(" ".join(pdf_pages(day_list_pdf(date(2030, 1, 1), cohort(plan)))))
    assert "Nobody is due for an infusion or a cycle start." in text and "No blood tests due." in text


def test_a_percentage_dose_change_is_described_on_paper_and_on_screen():
    from planner.core.modifications import DosePercentChange
    from planner.export.wording import describe_modification
    from planner.gui.dialogs.cycle_actions import describe_modification as on_screen

    regimen = load_regimen("anlotinib-epirubicin")
    change = DosePercentChange("epirubicin", 3, Decimal(50), "starting", "bilirubin 2 mg/dL")
    assert describe_modification(change, regimen) == (
        "Epirubicin hydrochloride at 50% of the starting dose from cycle 3 - reason: bilirubin 2 mg/dL")
    assert "50% of the starting dose from cycle 3" in on_screen(change, regimen)


def test_monitoring_due_line_per_patient(plan):
    when = date(2026, 1, 5)
    patients = cohort(plan)
    text = squash(" ".join(pdf_pages(day_list_pdf(when, patients, options=PrintOptions("a4", PRINTED)))))
    due, bloods = due_on(patients, when)
    # Cycle 1 of the epirubicin patient (300 mg/m² prior doxorubicin): every test, LVEF at baseline.
    [first] = [e for e in due if e.subject.mrn == "MRN-0042"]
    line = [c for c in checks_due(first) if c.startswith("Monitoring due:")]
    assert line == ["Monitoring due: Blood count, Liver function, Blood pressure, Urine protein, Thyroid function, "
                    "LVEF (baseline)"]
    # Maintenance cycle 8 (anlotinib alone): no blood count, thyroid every 2 cycles (not cycle 8).
    [maintenance] = [e for e in due if e.subject.mrn == "MRN-0100"]
    assert [c for c in checks_due(maintenance) if c.startswith("Monitoring due:")] == [
        "Monitoring due: Liver function, Blood pressure, Urine protein"]
    assert squash(line[0]) in text
    # The blood test row (infusion tomorrow) lists the tests due today for that cycle.
    assert "Monitoring due: Blood count, Liver function, Blood pressure, Urine protein, Thyroid function" in text
    assert [e.subject.mrn for e in bloods] == ["MRN-0007"]
