"""How the main window sits on the ward's screen: its first size from QScreen.availableGeometry, the
patient list's share of the width, and where the dose check goes (a dock beside the tabs on a wide window,
a third tab on a 1366 or 1280 px screen), plus the View menu that reaches Calendar, Cycles and Dose check
from the keyboard wherever they are. A mixin of MainWindow, kept apart so the window stays one job per module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QStackedWidget

from planner.core.i18n import translate
from planner.gui import screen_fit
from planner.gui.icons import icon

PATIENT_PAGE = 3  # main_window.PAGE_PATIENT: the loading, welcome and "choose a patient" pages come first

if TYPE_CHECKING:
    from planner.gui.settings import Settings
    from planner.gui.widgets.patient_page import PatientPage


class WindowLayoutMixin:
    """Needs from the window: settings, splitter, pages, page, document, dose_dock, _docked, _dock_sized,
    _auto_list_width and _show_page(); it is mixed into a QMainWindow."""

    settings: Settings
    splitter: QSplitter
    pages: QStackedWidget
    page: PatientPage | None
    document: Any
    dose_dock: QDockWidget
    view_actions: list[QAction]
    _docked: bool | None
    _dock_sized: bool
    _auto_list_width: bool

    def _show_page(self, page: int) -> None:
        raise NotImplementedError

    def _window(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self

    def _build_view_menu(self) -> QMenu:
        """Calendar, Cycles and Dose check by keyboard (Ctrl+1/2/3), wherever the dose check sits."""
        window = self._window()
        menu = QMenu(window)
        self.view_actions = []
        for keys, slot in (("Ctrl+1", self.show_calendar), ("Ctrl+2", self.show_cycles),
                           ("Ctrl+3", self.show_dose_check)):
            action = QAction(window)
            action.setShortcut(QKeySequence(keys))
            action.setEnabled(False)  # until a patient is open
            action.triggered.connect(slot)
            menu.addAction(action)
            self.view_actions.append(action)
        window.menuBar().insertMenu(window.menuBar().actions()[-1], menu)  # before Help
        self._retranslate_view_menu(menu)
        return menu

    def _retranslate_view_menu(self, menu: QMenu) -> None:
        menu.setTitle(translate("MainWindow", "&View"))
        words = ((translate("MainWindow", "&Calendar"), translate("MainWindow", "Show the treatment calendar")),
                 (translate("MainWindow", "C&ycles"),
                  translate("MainWindow", "Show the table of cycles and their actions")),
                 (translate("MainWindow", "&Dose check"),
                  translate("MainWindow", "Show the dose check of the selected cycle")))
        for action, (text, tip) in zip(self.view_actions, words, strict=True):
            action.setText(text)
            action.setStatusTip(tip)

    def _restore_window(self) -> None:
        window = self._window()
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else None
        geometry = self.settings.get("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
            if available is not None and not window.isMaximized():
                window.setGeometry(screen_fit.fit_into(window.geometry(), available))
                if available.width() < screen_fit.MAXIMIZE_BELOW_WIDTH:
                    # Saved on a larger screen (or resized): on a small one the window fills it, as it
                    # does the first time, rather than reopening at an odd size in a corner.
                    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        elif available is not None:
            rect, maximize = screen_fit.initial_geometry(available)
            window.setGeometry(rect)
            if maximize:
                window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        else:
            window.resize(screen_fit.COMFORTABLE_SIZE)
        state = self.settings.get("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        self._share_width()

    def _list_width_chosen(self) -> None:
        self._auto_list_width = False

    def _share_width(self) -> None:
        """The list keeps its share of the width as the window is resized, until the nurse drags the divider."""
        if self._auto_list_width:
            list_width = screen_fit.patient_list_width(self._window().width())
            self.splitter.setSizes([list_width, max(self.splitter.width() - list_width, 1)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[misc]  # QMainWindow's, next in the MRO
        self._share_width()
        self._place_dose_panel()

    def _place_dose_panel(self) -> None:
        """Dock when the window is wide, a third tab when narrow; the panel itself is the same widget."""
        page = self.page
        if page is None:
            return
        docked = screen_fit.dose_check_docked(self._window().width())
        if docked == self._docked:
            return
        self._docked = docked
        panel = page.dose_panel
        tab = page.tabs.indexOf(panel)
        if docked:
            if tab >= 0:
                page.tabs.removeTab(tab)
            self.dose_dock.setWidget(panel)
            self._dock_sized = False
        else:
            was_current = self.dose_dock.isVisible() and self.dose_dock.widget() is panel
            # Third, after Cycles (before History): Ctrl+3 and the nurse's eye find it where it always was.
            page.tabs.insertTab(page.tabs.indexOf(page.cycles) + 1, panel, icon("dose-check"),
                                translate("MainWindow", "Dose chec&k"))
            page.tabs.setTabToolTip(page.tabs.indexOf(panel),
                                    translate("MainWindow", "Dose check of the selected cycle (Ctrl+3)"))
            self.dose_dock.hide()
            if was_current:
                panel.show()
        # Show the dock (or not) for the page in view; the ward forecast page stays as it is.
        if self.pages.currentWidget() is page:
            self._show_page(PATIENT_PAGE)
        elif self.pages.currentIndex() < PATIENT_PAGE:
            self._show_page(self.pages.currentIndex())

    def show_calendar(self) -> None:
        if self.page is not None and self.document is not None:
            self.page.tabs.setCurrentWidget(self.page.calendar)
            self.page.calendar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_cycles(self) -> None:
        if self.page is not None and self.document is not None:
            self.page.tabs.setCurrentWidget(self.page.cycles)
            self.page.cycles.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_dose_check(self) -> None:
        """Bring the dose check into view (its tab, or the dock -- reopened if it was closed)."""
        if self.page is None or self.document is None:
            return
        panel = self.page.dose_panel
        if self._docked:
            self.dose_dock.show()
            self.dose_dock.raise_()
        else:
            self.page.tabs.setCurrentWidget(panel)
        panel.checked_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def dose_check_is_docked(self) -> bool:
        return bool(self._docked)
