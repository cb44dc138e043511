"""Printout languages without Qt: the .ts catalog, the per-call language, and dates per language."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.core import i18n
from planner.core.columns import display_width, format_columns
from planner.core.dates import format_long, format_with_weekday
from planner.core.formatting import (
    format_date,
    format_day_month,
    format_month,
    format_number,
    format_weekday_date,
    weekday_name,
)
from planner.core.i18n import current_language, language, translate

FIXTURE = Path(__file__).parent.parent / "fixtures" / "i18n"


@pytest.fixture(autouse=True)
def _fixture_catalog():
    i18n.use_catalog_folder(FIXTURE)
    yield
    i18n.use_catalog_folder(None)
    i18n.set_translator(None)
    i18n.set_interface_language(None)


def test_dates_in_english_and_chinese():
    day = date(2026, 1, 5)
    assert format_date(day, "en") == "5 Jan 2026"
    assert format_weekday_date(day, "en") == "Mon 5 Jan 2026"
    assert format_date(day, "zh_CN") == "2026年1月5日"
    assert format_weekday_date(day, "zh_CN") == "2026年1月5日 星期一"
    assert format_month(2026, 9, "en") == "September 2026" and format_month(2026, 9, "zh_CN") == "2026年9月"
    assert format_day_month(date(2026, 9, 30), "en") == "30 Sep" and format_day_month(day, "zh_CN") == "1月5日"
    assert [weekday_name(d, "en") for d in (1, 7)] == ["Mon", "Sun"]
    assert weekday_name(1, "zh_CN", short=False) == "星期一" and weekday_name(7, "zh_CN") == "周日"
    assert format_number(Decimal("163.80"), "en") == "163.80" and format_number(Decimal("1234.5"), "zh_CN") == "1234.5"


def test_dates_follow_the_current_language():
    day = date(2026, 1, 5)
    assert format_long(day) == "5 Jan 2026" and format_with_weekday(day) == "Mon 5 Jan 2026"
    with language("zh_CN"):
        assert format_long(day) == "2026年1月5日" and format_with_weekday(day) == "2026年1月5日 星期一"
    i18n.set_interface_language("zh-CN")
    assert current_language() == "zh_CN" and format_long(day) == "2026年1月5日"
    with language("en"):  # a printout in English while the window is in Chinese
        assert format_long(day) == "5 Jan 2026"


def test_catalog_is_read_from_the_ts_without_qt_and_skips_unfinished_entries():
    with language("zh_CN"):
        assert translate("Export", "Page {n} of {m}").format(n=1, m=3) == "第1页，共3页"
        assert translate("Regimen", "Once daily before breakfast") == "每日一次，早餐前服用"
        assert translate("Export", "Day list for {date}") == "Day list for {date}"  # unfinished: source text
        assert translate("Export", "no such message") == "no such message"
    with language("en"):
        assert translate("Export", "Page {n} of {m}") == "Page {n} of {m}"
    assert translate("Export", "Page {n} of {m}") == "Page {n} of {m}"  # outside: the interface translator


def test_the_printout_language_wins_over_the_interface_translator():
    i18n.set_translator(lambda context, text: f"[ui]{text}")
    assert translate("Export", "Rest day") == "[ui]Rest day"
    with language("zh_CN"):
        assert translate("Export", "Rest day") == "休息日"
    with language("en"):
        assert translate("Export", "Rest day") == "Rest day"


def test_a_background_thread_keeps_its_own_language():
    """An export thread renders the patient's language while the GUI thread stays in the staff's."""
    started, release = threading.Event(), threading.Event()
    seen: dict[str, str] = {}

    def export() -> None:
        with language("zh_CN"):
            started.set()
            release.wait(5)
            seen["thread"] = translate("Export", "Rest day") + " " + format_long(date(2026, 1, 5))

    worker = threading.Thread(target=export)
    worker.start()
    assert started.wait(5)
    seen["gui"] = translate("Export", "Rest day") + " " + format_long(date(2026, 1, 5))
    release.set()
    worker.join(5)
    assert seen == {"thread": "休息日 2026年1月5日", "gui": "Rest day 5 Jan 2026"}


def test_language_codes_are_normalized():
    assert [i18n.normalize_language(c) for c in ("zh-CN", "zh_cn", "zh", "", None, "EN")] == \
        ["zh_CN", "zh_CN", "zh_CN", "en", "en", "en"]


def test_the_shipped_catalog_loads():
    i18n.use_catalog_folder(None)
    shipped = i18n.catalog("zh_CN")  # whatever is finished in the shipped .ts, read without error
    assert isinstance(shipped, dict)


def test_columns_line_up_by_display_width():
    rows = [["MRN", "Name", "Status"], ["1", "王芳", "active"], ["22", "Wang Fang", "active"]]
    lines = format_columns(rows)
    assert display_width("王芳") == 4
    starts = {display_width(line[:line.index("active" if "active" in line else "Status")]) for line in lines}
    assert len(starts) == 1  # "active"/"Status" start in the same terminal column on every line
    assert lines[1] == "1    王芳       active"
