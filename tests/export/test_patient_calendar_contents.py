"""What the patient calendar must carry (issue 12): the blood test before cycle 1 on an open clinic day, the
capsule strength and when it changes, the missed-dose and vomiting rules, what comes next, the 24-hour line,
clinic visits in maintenance, type of 11 pt or more in every day cell, and nothing drawn outside its cell."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.clinic_days import ClinicCalendar
from planner.core.i18n import language
from planner.export import pdf_base
from planner.export.options import Institution, PrintOptions
from planner.export.patient_calendar import MARGIN, MonthGrid, patient_calendar_pdf

from .conftest import PRINTED, pdf_pages, squash
from .test_patient_calendar import month_cells

WEEKENDS_CLOSED = ClinicCalendar(closed_weekdays=frozenset({5, 6}))


@pytest.fixture
def institution_24h():
    return Institution("Sun Yat-sen Cancer Center", ("Day unit: 010-1234 5678",),
                       phone_24h="Emergency: 010-8765 4321")


def month_page(pages: list[str], title: str) -> str:
    found = [p for p in pages if p.split("\n")[0].strip() == title]
    assert found, title
    return found[0]


def test_blood_test_before_cycle_1_and_the_day_before_each_infusion(plan, subject, institution, options):
    pages = pdf_pages(patient_calendar_pdf(plan, subject, institution, options))
    january = month_cells(month_page(pages, "January 2026"))
    assert "Blood test before cycle 1" in january[4]  # cycle 1 starts Monday 5 January
    assert "Blood test" in january[25]  # the day before cycle 2 (Monday 26 January), no clinic calendar


def test_blood_tests_fall_on_the_last_open_clinic_day(plan, subject, institution, options):
    pages = pdf_pages(patient_calendar_pdf(plan, subject, institution, options, clinic=WEEKENDS_CLOSED))
    january = month_cells(month_page(pages, "January 2026"))
    assert "Blood test before cycle 1" in january[2]  # Friday 2 January: the clinic is closed at weekends
    assert "Blood test" not in january[4]
    assert "Blood test" in january[23] and "Blood test" not in january[25]
    legend = squash(" ".join(pages[:2]))
    assert "Blood test at the clinic - before cycle 1 and before each hospital day" in legend


def test_cover_lists_each_cycles_capsule_strength_and_when_to_switch(plan, subject, institution, options):
    cover = squash(" ".join(pdf_pages(patient_calendar_pdf(plan, subject, institution, options))[:3]))
    assert "5 Jan - 18 Jan: 12 mg" in cover and "16 Mar - 29 Mar: 10 mg" in cover  # cycles 1 and 4
    assert "Your capsules change." in cover
    assert "Capsule strength: 12 mg (12 mg a day) from cycle 1." in cover
    assert "From cycle 4 (16 Mar 2026): 10 mg a day instead of 12 mg - use the 10 mg capsules." in cover


def test_missed_dose_and_vomiting_rules_in_full(plan, subject, institution, options):
    cover = squash(" ".join(pdf_pages(patient_calendar_pdf(plan, subject, institution, options))[:3]))
    assert "If you forget a capsule" in cover and "If you vomit" in cover
    assert "skip the forgotten one and take the next capsule at the usual time" in cover
    assert ("If you vomit after taking a capsule, do not take another capsule; take the next one at the usual "
            "time.") in cover


def test_last_page_says_what_comes_next_and_whom_to_call(plan, subject, institution_24h, options):
    last = squash(pdf_pages(patient_calendar_pdf(plan, subject, institution_24h, options))[-1])
    assert "What comes next" in last
    assert "This calendar ends on 20 Sep 2026, the last day of cycle 12." in last
    assert "Maintenance cycles of 21 days with Anlotinib" in last
    assert "Your next visit" in last and "21 Sep 2026: come to the clinic" in last
    assert "Emergency: 010-8765 4321 (24 hours, every day)" in last and "Day unit: 010-1234 5678" in last


def test_the_24_hour_line_is_marked_and_comes_first(plan, subject, institution_24h, options):
    pages = pdf_pages(patient_calendar_pdf(plan, subject, institution_24h, options))
    cover = squash(" ".join(pages[:3]))
    marked = "Emergency: 010-8765 4321 (24 hours, every day)"
    assert marked in cover and cover.index(marked) < cover.index("Day unit: 010-1234 5678", cover.index("Whom"))
    for page in pages:
        assert "(24 hours, every day)" in squash(page)  # the footer of every page


def test_maintenance_cycles_show_the_clinic_visit(plan, subject, institution, options):
    pages = pdf_pages(patient_calendar_pdf(plan, subject, institution, options))
    may = month_cells(month_page(pages, "May 2026"))
    assert "Clinic visit" in may[18]  # cycle 7, the first maintenance cycle, starts 18 May
    assert "Hospital - epirubicin" not in may[18]
    march = month_cells(month_page(pages, "March 2026"))
    assert "Hospital - epirubicin" in march[16] and "Clinic visit" not in march[16]  # an infusion day


class Recorder:
    """Every string the calendar draws, with the day cell being drawn at the time (None outside a cell)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.records: list[dict] = []
        self.box: tuple[float, float, float, float] | None = None
        draw, cell = pdf_base.draw_text, MonthGrid._cell

        def recording_draw(canvas, x, y, text, font, size, align="left"):
            width = pdf_base.text_width(text, font, size)
            left = x - (width if align == "right" else width / 2 if align == "centre" else 0)
            self.records.append({"box": self.box, "left": left, "y": y, "width": width, "size": size, "text": text,
                                 "page": canvas.getPageNumber(), "page_width": canvas._pagesize[0]})
            draw(canvas, x, y, text, font, size, align)

        def recording_cell(grid, day, x, y, w, h):
            self.box = (x, y, w, h)
            try:
                cell(grid, day, x, y, w, h)
            finally:
                self.box = None

        monkeypatch.setattr(pdf_base, "draw_text", recording_draw)
        monkeypatch.setattr(MonthGrid, "_cell", recording_cell)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_word_is_inside_its_cell_in_11_pt_or_more(plan, subject, institution_24h, paper, lang, monkeypatch):
    recorder = Recorder(monkeypatch)
    with language(lang):
        patient_calendar_pdf(plan, subject, institution_24h, PrintOptions(paper, PRINTED), clinic=WEEKENDS_CLOSED)
    in_cells = [r for r in recorder.records if r["box"] is not None]
    assert len(in_cells) > 300
    for r in in_cells:
        x, y, w, h = r["box"]
        assert r["size"] >= 11, r
        assert x < r["left"] and r["left"] + r["width"] < x + w, r  # not cut left or right
        assert y < r["y"] - 0.25 * r["size"] and r["y"] + 0.8 * r["size"] < y + h, r  # nor at the bottom or top
    footers = [r for r in recorder.records if r["box"] is None and r["text"].startswith(("Printed", "打印"))]
    pages = [r for r in recorder.records if r["box"] is None and r["text"].startswith(("Page ", "第"))]
    assert footers and len(footers) == len(pages)
    for footer, page in zip(footers, pages, strict=True):  # the footer's contact ends before "Page n of m"
        assert MARGIN <= footer["left"] and footer["left"] + footer["width"] < page["left"], (footer, page)
        assert page["left"] + page["width"] <= page["page_width"] - MARGIN + 0.01


def test_a_crowded_month_goes_on_over_a_continued_page_rather_than_shrinking(subject, institution, monkeypatch):
    """A week of held capsule days on top of a cycle start: March needs more than a page at 11 pt, so it goes
    on over a "(continued)" page; every word stays in its cell at 11 pt or more."""
    from decimal import Decimal

    from planner.core.modifications import Delay, DoseLevelChange, OmitDays
    from planner.core.plan import PatientInputs, compute_plan
    from planner.core.regimen import load_regimen

    crowded = compute_plan(load_regimen("anlotinib-epirubicin"), PatientInputs(date(2026, 3, 2), Decimal(170),
                                                                               Decimal(70)),
                           modifications=[Delay(2, 7, "ANC"), DoseLevelChange("epirubicin", 2, Decimal(75), "FN"),
                                          DoseLevelChange("anlotinib", 2, Decimal(10), "bleeding"),
                                          OmitDays("anlotinib", 1, tuple(range(2, 10)), "blood pressure")])
    recorder = Recorder(monkeypatch)
    pages = pdf_pages(patient_calendar_pdf(crowded, subject, institution, PrintOptions("a4", PRINTED)))
    titles = [p.split("\n")[0].strip() for p in pages]
    assert titles[titles.index("March 2026") + 1] == "March 2026 (continued)"
    continued = squash(pages[titles.index("March 2026 (continued)")])
    assert "30 Cycle 2 starts Delayed by 7 days" in continued  # the week that did not fit, not lost
    in_cells = [r for r in recorder.records if r["box"] is not None]
    for r in in_cells:
        x, y, w, h = r["box"]
        assert r["size"] >= 11 and x < r["left"] and r["left"] + r["width"] < x + w, r
        assert y < r["y"] - 0.25 * r["size"] and r["y"] + 0.8 * r["size"] < y + h, r
