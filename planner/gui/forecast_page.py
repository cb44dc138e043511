"""View > Ward forecast (Ctrl+4): the unit's coming weeks as a page beside the patient pages (issue 14).

The page is built, and pandas / pyqtgraph imported, the first time it is shown -- never on the start-up
path -- and its figures are counted again on the worker thread every time it is shown (a save made since
then changes them). Double-clicking a day writes that day's day list (File > Export > Day list, with the
day already chosen). Choosing a patient in the list, or Ctrl+1/2/3, goes back to the patient.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from planner.core.i18n import translate

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow
    from planner.gui.views.forecast_view import ForecastView

SHORTCUT = "Ctrl+4"


class ForecastPage(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: ForecastView | None = None
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(self.show)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.action)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(translate("MainWindow", "&Ward forecast"))
        self.action.setStatusTip(translate(
            "MainWindow", "Infusions, oral-only starts, blood tests and chair-hours of the coming weeks"))
        if self.view is not None:
            # The view words its controls when built: build it again in the new language when next shown.
            self.window.pages.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None

    def show(self) -> None:
        window = self.window
        if window.store is None:
            window.say(translate("MainWindow", "The database is not open yet."))
            return
        view = self._ensure_view()
        view.set_store(window.store)
        window.dose_dock.hide()
        window.pages.setCurrentWidget(view)
        view.refresh()

    def showing(self) -> bool:
        return self.view is not None and self.window.pages.currentWidget() is self.view

    def _ensure_view(self) -> ForecastView:
        if self.view is None:
            from planner.gui.views.forecast_view import ForecastView

            self.view = ForecastView(self.window.today(), self._run)
            self.view.setObjectName("wardForecast")
            self.view.dayActivated.connect(self.open_day)
            self.window.pages.addWidget(self.view)
        return self.view

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(_exc: BaseException) -> None:
            if self.view is not None:
                self.view.totals.setText(translate("MainWindow", "The forecast could not be counted."))

        self.window.runner.start(job, done, failed)

    def open_day(self, day: date) -> None:
        self.window.exports.export_day_list(day)


def install_forecast_page(window: MainWindow) -> ForecastPage:
    return ForecastPage(window)
