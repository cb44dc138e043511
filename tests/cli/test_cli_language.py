"""`--language` on the patient record and `--lang` on printouts: the patient calendar and .ics in the
patient's language, the dose sheet in the staff's (English unless --lang says otherwise)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import main
from planner.core import i18n

FIXTURE = Path(__file__).parent.parent / "fixtures" / "i18n"
ADD = ["patient", "add", "--name", "王芳", "--mrn", "77", "--height", "170", "--weight", "70",
       "--measured-on", "2026-01-02", "--start", "2026-01-05"]


@pytest.fixture(autouse=True)
def _fixture_catalog(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))
    i18n.use_catalog_folder(FIXTURE)
    yield
    i18n.use_catalog_folder(None)


def text_of(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_patient_calendar_and_ics_follow_the_patients_language(capsys, tmp_path):
    assert main([*ADD, "--language", "zh_CN"]) == 0
    calendar, dose_sheet, english = tmp_path / "c.pdf", tmp_path / "d.pdf", tmp_path / "e.pdf"
    assert main(["pdf", "--kind", "patient", "--patient", "77", "--phone", "Ward 1", "--out", str(calendar)]) == 0
    assert main(["pdf", "--kind", "clinician", "--patient", "77", "--out", str(dose_sheet)]) == 0
    assert main(["pdf", "--kind", "patient", "--patient", "77", "--lang", "en", "--phone", "Ward 1",
                 "--out", str(english)]) == 0
    assert "我的治疗日历" in text_of(calendar) and "2026年1月5日" in text_of(calendar)
    assert "5Jan2026" in text_of(dose_sheet) and "王芳" in text_of(dose_sheet)  # staff language
    assert "Mytreatmentcalendar" in text_of(english)
    ics = tmp_path / "p.ics"
    assert main(["ics", "--patient", "77", "--out", str(ics)]) == 0
    assert "休息日" in ics.read_text(encoding="utf-8")
    capsys.readouterr()


def test_plan_options_print_in_english_unless_lang_says(capsys, tmp_path):
    out = tmp_path / "c.pdf"
    plan = ["--start", "2026-01-05", "--height", "170", "--weight", "70", "--name", "Li Lei", "--mrn", "9"]
    assert main(["pdf", "--kind", "patient", *plan, "--phone", "Ward 1", "--out", str(out)]) == 0
    assert "5Jan2026" in text_of(out)
    assert main(["pdf", "--kind", "patient", *plan, "--lang", "zh_CN", "--phone", "Ward 1", "--out", str(out)]) == 0
    assert "2026年1月5日" in text_of(out)
    capsys.readouterr()


def test_a_language_not_offered_is_refused(capsys):
    with pytest.raises(SystemExit) as caught:
        main([*ADD, "--language", "fr"])
    assert caught.value.code == 2
    assert "--language" in capsys.readouterr().err


def test_cli_messages_follow_planner_lang(capsys, monkeypatch):
    import planner.core.i18n as i18n

    monkeypatch.setattr(i18n, "_translator", i18n._translator)  # restored after the test
    monkeypatch.setattr(i18n, "_interface_language", i18n._interface_language)
    i18n.use_catalog_folder(None)  # the shipped, complete translation
    monkeypatch.setenv("PLANNER_LANG", "zh_CN")
    assert main(["plan", "--start", "2026-01-05", "--height", "170", "--weight", "0"]) == 2
    assert capsys.readouterr().err.startswith("error: 体重必须大于 0")
    monkeypatch.setenv("PLANNER_LANG", "en")
    assert main(["plan", "--start", "2026-01-05", "--height", "170", "--weight", "0"]) == 2
    assert capsys.readouterr().err.startswith("error: Weight must be more than 0")
