"""Preferences > Language switches the open window to Chinese at once (menus, tabs, the patient's page,
dialogs) and back to English, keeping the open patient and their undo history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.core import i18n
from planner.gui.dialogs.cycle_actions import DelayDialog
from planner.gui.dialogs.preferences_dialog import PreferencesDialog
from planner.gui.main_window import PAGE_PATIENT
from planner.gui.models.cycles_model import COL_PHASE
from planner.gui.translations import available_languages, use_language
from planner.gui.views.day_cells import short_name
from tests.gui.shell_helpers import open_window, refuse_message_boxes


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    refuse_message_boxes(monkeypatch, ("warning",))
    win = open_window(qtbot, tmp_path / "ward.sqlite3", size=(1366, 768))
    win.menu_actions.demo_patient.trigger()
    qtbot.waitUntil(lambda: win.patients.model.rowCount() == 1, timeout=15000)
    yield win
    win.close()
    use_language("en")
    i18n.set_translator(None)


def choose_language(monkeypatch, window, code):
    def exec_(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData(code))
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.menu_actions.preferences.trigger()


def menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def tab_titles(window):
    return [window.page.tabs.tabText(i) for i in range(window.page.tabs.count())]


def test_chinese_is_offered_once_its_translation_is_shipped():
    assert available_languages()["zh_CN"]


def test_switching_language_retranslates_the_open_window_and_back(qtbot, monkeypatch, window):
    assert window.pages.currentIndex() == PAGE_PATIENT
    document, stack = window.document, window.undo_group.activeStack()
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]

    choose_language(monkeypatch, window, "zh_CN")
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "文件(&F)")
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert window.windowTitle() == "化疗周期计划"
    assert window.menu_actions.new_patient.text() == "新建患者(&N)..."
    undo = window.menu_actions.undo
    assert undo.text().startswith("撤销") and undo in window.menu_actions.toolbar.actions()
    assert window.exports.print_action.text() == "打印(&P)..."
    assert window.view_actions[0].text() == "日历(&C)"
    # The patient's page is rebuilt in Chinese, with the same patient and undo history.
    assert window.pages.currentIndex() == PAGE_PATIENT
    assert window.document is document and window.undo_group.activeStack() is stack
    assert tab_titles(window)[:2] == ["日历(&C)", "周期(&Y)"]
    model = window.cycles.table.model()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert headers[0] == "周期" and any("安罗替尼" in h for h in headers)
    assert model.index(0, COL_PHASE).data() == "联合治疗"
    assert window.patients.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert window.patients.show_withdrawn.text() == "显示已退出"
    # A dialog opened now is Chinese too, regimen texts included.
    dialog = DelayDialog(window.document.plan, 3, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "第3周期延迟"

    choose_language(monkeypatch, window, "en")
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "&File")
    assert window.windowTitle() == "Cycle Planner"
    assert tab_titles(window)[:2] == ["&Calendar", "C&ycles"]
    assert window.menu_actions.undo.text().startswith("&Undo")
    assert window.cycles.table.model().index(0, COL_PHASE).data() == "Combination"
    assert window.settings.text("ui/language") == "en"


def test_a_chinese_drug_name_abbreviates_to_two_characters():
    assert (short_name("安罗替尼"), short_name("表柔比星"), short_name("Epirubicin hydrochloride")) == (
        "安罗", "表柔", "Epi")


def test_a_docked_dose_check_is_rebuilt_in_its_dock(qtbot, monkeypatch, window):
    window.resize(1920, 1010)
    qtbot.waitUntil(window.dose_check_is_docked)
    window.show_dose_check()
    choose_language(monkeypatch, window, "zh_CN")
    qtbot.waitUntil(lambda: window.dose_dock.windowTitle() == "剂量核对")
    assert window.dose_check_is_docked() and window.dose_dock.widget() is window.dose_panel
    assert window.dose_panel.isVisible() and window.tabs.indexOf(window.dose_panel) < 0
    assert window.dose_panel._title.text().startswith("剂量核对：第")  # filled again for the selected cycle
