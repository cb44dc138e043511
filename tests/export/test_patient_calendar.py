import calendar as pycalendar
import re

import pytest

from planner.core.dates import format_long
from planner.core.errors import InputError
from planner.core.formatting import format_day_month
from planner.export.calendar_model import calendar_days
from planner.export.options import Institution, PrintOptions
from planner.export.patient_calendar import patient_calendar_pdf

from .conftest import PRINTED, pdf_pages, pdf_sizes, squash

MONTHS = [pycalendar.month_name[m] for m in range(1, 13)]


@pytest.fixture
def pages(plan, subject, institution, options):
    return pdf_pages(patient_calendar_pdf(plan, subject, institution, options))


def month_cells(page_text: str) -> dict[int, str]:
    """Day number -> the squashed text of that day's cell, in the order the grid draws them."""
    cells: dict[int, str] = {}
    expected, current = 1, None
    for line in page_text.splitlines():
        if line.strip() == str(expected):
            current, expected = expected, expected + 1
            cells[current] = ""
        elif current is not None:
            cells[current] += " " + line
    return {day: squash(text) for day, text in cells.items()}


def test_identifiers_page_numbers_and_printing_date_on_every_page(pages):
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        assert "王芳" in text and "Wang Fang" in text
        assert "MRN MRN-0042" in text and "Born 2 Mar 1955" in text
        assert f"Page {n} of {total}" in text
        assert f"Printed {format_long(PRINTED)}" in text
        assert "Day unit: 010-1234 5678" in text


def test_one_month_page_for_every_month_of_the_plan(plan, pages):
    months = sorted({(d.date.year, d.date.month) for d in plan.days()})
    titles = [f"{MONTHS[m - 1]} {y}" for y, m in months]
    month_pages = [p for p in pages if re.match(r"^\s*[A-Z][a-z]+ \d{4}", p)]
    # A month with more to say than one page holds at 11 pt goes on over a "(continued)" page.
    shown = [p.split("\n")[0].strip().removesuffix(" (continued)") for p in month_pages]
    assert list(dict.fromkeys(shown)) == titles


def test_every_day_cell_says_what_the_plan_says(plan, pages):
    days = calendar_days(plan)
    by_month: dict[str, list] = {}
    for day in days:
        by_month.setdefault(f"{MONTHS[day.date.month - 1]} {day.date.year}", []).append(day)
    checked = 0
    month_texts: dict[str, str] = {}  # a month that goes on over a "(continued)" page is read as one
    for text in pages:
        title = text.split("\n")[0].strip().removesuffix(" (continued)")
        if title in by_month:
            month_texts[title] = month_texts.get(title, "") + "\n" + text
    for title, text in month_texts.items():
        cells = month_cells(text)
        for day in by_month[title]:
            for entry in day.entries:
                # The cell's words (the capsule's "before breakfast" is on the cover).
                assert entry.cell_text in cells[day.date.day], (day.date, entry.cell_text, cells[day.date.day])
                checked += 1
    assert checked >= len(days)


def test_cover_has_every_cycle_start_legend_missed_dose_symptoms_and_phones(plan, pages):
    cover = squash(" ".join(pages[:2]))
    for cycle in plan.cycles:
        assert format_day_month(cycle.start) in cover
    assert "Anlotinib day - the dose is written on each day" in cover
    assert "Once daily before breakfast. Tick the box each day after you have taken it." in cover
    assert "Hospital day - epirubicin infusion" in cover and "Blood test" in cover
    assert ("If you forget a capsule, take it as soon as you remember. If the next capsule is due in less than "
            "12 hours, skip the forgotten one and take the next capsule at the usual time. Never take two capsules "
            "to make up for a missed one.") in cover
    for word in ("Bleeding", "blood pressure", "Fever", "Chest pain", "diarrhoea"):
        assert word in cover
    assert "Out of hours: 010-8765 4321" in cover and "Sun Yat-sen Cancer Center" in cover


def test_a4_and_letter_landscape(plan, subject, institution):
    a4 = pdf_sizes(patient_calendar_pdf(plan, subject, institution, PrintOptions("a4", PRINTED)))
    letter = pdf_sizes(patient_calendar_pdf(plan, subject, institution, PrintOptions("letter", PRINTED)))
    assert set(a4) == {(842, 595)}
    assert set(letter) == {(792, 612)}


def test_without_a_phone_number_no_calendar_is_printed(plan, subject):
    for institution in (None, Institution(), Institution("Sun Yat-sen Cancer Center", ("  ",))):
        with pytest.raises(InputError) as refused:
            patient_calendar_pdf(plan, subject, institution, PrintOptions("a4", PRINTED))
        assert refused.value.field == "phone"
        assert "Preferences > Printouts" in refused.value.message and "--phone" in refused.value.message
    only_24h = patient_calendar_pdf(plan, subject, Institution(phone_24h="Emergency: 120"), PrintOptions())
    assert "Emergency: 120 (24 hours, every day)" in squash(" ".join(pdf_pages(only_24h)))


@pytest.mark.parametrize("regimen_id", ["epirubicin", "anlotinib"])
def test_other_regimens(regimen_id, subject, institution, options):
    from datetime import date
    from decimal import Decimal

    from planner.core.plan import PatientInputs, compute_plan
    from planner.core.regimen import load_regimen

    plan = compute_plan(load_regimen(regimen_id), PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70)))
    text = squash(" ".join(pdf_pages(patient_calendar_pdf(plan, subject, institution, options))))
    oral = regimen_id == "anlotinib"
    assert ("Anlotinib 12 mg - 1 capsule" in text) == oral and ("Once daily before breakfast" in text) == oral
    assert ("Hospital day - epirubicin infusion" in text) != oral
    assert ("Rest day - no capsule" in text) == oral
    assert "Rest day" in text


def test_monitoring_tests_on_their_days_including_before_cycle_1(plan, pages):
    from planner.export.calendar_model import before_start_days
    from planner.export.monitoring_visits import with_monitoring

    days = with_monitoring(plan, [*before_start_days(plan), *calendar_days(plan)])
    first = days[0]
    assert first.day == 0 and first.date == plan.start.replace(day=4)  # the day before cycle 1 (5 Jan)
    assert [e.text for e in first.entries] == [
        "Blood test before cycle 1",
        "Tests: liver function, blood pressure, urine protein, thyroid function, heart scan (LVEF)"]
    january = next(p for p in pages if p.split("\n")[0].strip() == "January 2026")
    cells = month_cells(january)
    assert "Blood test" in cells[4] and "Tests: liver function" in cells[4]
    # Before cycle 2 (26 Jan): the blood test and the tests of every cycle, no thyroid (every 2 cycles).
    assert "Tests: liver function, blood pressure, urine protein" in cells[25] and "thyroid" not in cells[25]
