"""Chinese printouts that print on any PC: every font embedded (from the package, not the system), the
patient calendar in the patient's language, Chinese text wrapped between characters."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core import i18n
from planner.core.i18n import language
from planner.export import pdf_base
from planner.export.day_list import day_list_pdf
from planner.export.dose_sheet import dose_sheet_pdf
from planner.export.ics import plan_to_ics
from planner.export.options import Subject
from planner.export.patient_calendar import patient_calendar_pdf

from .conftest import pdf_pages, squash

FIXTURE = Path(__file__).parent.parent / "fixtures" / "i18n"


@pytest.fixture(autouse=True)
def _fixture_catalog():
    i18n.use_catalog_folder(FIXTURE)
    yield
    i18n.use_catalog_folder(None)


def font_report(data: bytes) -> dict[str, bool]:
    """Every font a page uses (also inside form XObjects) -> whether its file is embedded, as `pdffonts`
    reports it: a TrueType font is embedded when its descriptor carries /FontFile2."""
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, bool] = {}

    def walk(resources) -> None:
        resources = resources.get_object() if resources is not None else None
        if not resources:
            return
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return fonts


def test_chinese_patient_calendar_has_chinese_instructions_and_dates(plan, subject, institution, options):
    with language("zh_CN"):
        data = patient_calendar_pdf(plan, subject, institution, options)
    pages = pdf_pages(data)
    cover = squash(pages[0])
    packed = "".join(cover.split())  # pypdf puts a space where the font changes between 第 and 1
    assert "我的治疗日历" in cover
    assert "每日一次，早餐前服用。每天服药后请在方框内打勾。" in packed  # the regimen's instruction, from the catalog
    assert "2026年1月5日" in cover  # cycle 1 starts, spelled the Chinese way
    assert "第1页，共" in packed and "打印日期：2026年1月2日" in packed and "Page 1 of" not in cover
    # pypdf gives each font run its own line: compare the month page's text without white space.
    january = next("".join(text.split()) for text in pages if "".join(text.split()).startswith("2026年1月"))
    assert january.startswith("2026年1月星期一星期二") and "休息日" in january and "January" not in january
    fonts = font_report(data)
    assert fonts and all(fonts.values()), fonts
    assert any("DroidSansFallback" in name for name in fonts)


def test_dose_sheet_and_day_list_with_a_chinese_name_embed_every_font(plan, subject, institution, options):
    """English documents (the staff's language) with a Chinese name: the name prints from the embedded CJK
    font, and no standard font (Helvetica, never embedded) is left anywhere."""
    for data in (dose_sheet_pdf(plan, subject, institution, options, measured_on=date(2026, 1, 2)),
                 day_list_pdf(date(2026, 1, 5), [(subject, plan)], institution, options)):
        fonts = font_report(data)
        assert fonts and all(fonts.values()), fonts
        assert not any("Helvetica" in name or "STSong" in name for name in fonts)
        assert any("DroidSansFallback" in name for name in fonts)
        assert "王芳" in pdf_pages(data)[0]


def test_chinese_pdf_needs_no_system_font(tmp_path):
    """In a fresh process whose font search path holds only reportlab's own folder (no system font folder,
    hence no Chinese font), the Chinese calendar still prints: the CJK font comes from the package."""
    out = tmp_path / "calendar.pdf"
    script = textwrap.dedent(f"""
        import os, datetime
        from decimal import Decimal
        import reportlab, reportlab.rl_config as rl
        rl.TTFSearchPath = [os.path.join(os.path.dirname(reportlab.__file__), "fonts")]
        from planner.core import i18n
        i18n.use_catalog_folder(__import__("pathlib").Path({str(FIXTURE)!r}))
        from planner.core.plan import PatientInputs, PlanSettings, compute_plan
        from planner.core.regimen import load_regimen
        from planner.export.options import Institution, PrintOptions, Subject
        from planner.export.patient_calendar import patient_calendar_pdf
        from planner.export import pdf_base
        plan = compute_plan(load_regimen("anlotinib-epirubicin"),
                            PatientInputs(datetime.date(2026, 1, 5), Decimal(170), Decimal(70), ()), PlanSettings(), [])
        with i18n.language("zh_CN"):
            ward = Institution("北京肿瘤医院", ("病房：010-1234 5678",))
            data = patient_calendar_pdf(plan, Subject("王芳", "M1"), ward, PrintOptions())
        open({str(out)!r}, "wb").write(data)
        from reportlab.pdfbase import pdfmetrics
        print(pdfmetrics.getFont(pdf_base.CJK_FONT).face.filename)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    font_file = Path(result.stdout.strip())
    assert font_file.name == "DroidSansFallbackFull.ttf" and "resources" in font_file.parts
    data = out.read_bytes()
    fonts = font_report(data)
    assert all(fonts.values()), fonts
    assert "王芳" in pdf_pages(data)[0] and "北京肿瘤医院" in pdf_pages(data)[1]


def test_the_font_licence_ships_with_the_font():
    from importlib import resources

    folder = resources.files("planner.resources").joinpath("fonts")
    assert folder.joinpath("DroidSansFallbackFull.ttf").is_file()
    assert "Apache License" in folder.joinpath("LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")


def test_chinese_text_wraps_between_characters():
    lines = pdf_base.wrap_text("休息日——不服胶囊，每日一次，早餐前服用", pdf_base.FONT, 10, 60)
    assert len(lines) > 1 and "".join(lines) == "休息日——不服胶囊，每日一次，早餐前服用"
    assert all(pdf_base.text_width(line, pdf_base.FONT, 10) <= 60 for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines)  # punctuation stays with its character
    assert pdf_base.wrap_text("Anlotinib 12 mg - 1 capsule", pdf_base.FONT, 10, 60) == \
        ["Anlotinib", "12 mg - 1", "capsule"]
    with language("zh_CN"):
        assert pdf_base.style("body", 10).wordWrap == "CJK"
    assert pdf_base.style("body", 10).wordWrap is None


def test_ics_in_the_patients_language(plan):
    subject = Subject("M1", "M1")
    with language("zh_CN"):
        chinese = plan_to_ics(plan, subject).decode()
    english = plan_to_ics(plan, subject).decode()
    assert "休息日" in chinese and "Rest day" in english and "休息日" not in english
    assert "DTSTART;VALUE=DATE:20260105" in chinese  # machine-read dates stay ISO
