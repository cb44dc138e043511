"""The open patient's page: header over the Calendar and Cycles tabs, plus the dose-check panel (docked
by the window). Built on first use, so the plan views -- and the core's plan module they import -- stay
off the start-up path."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from planner.gui.icons import icon
from planner.gui.views.assessment_panel import AssessmentPanel
from planner.gui.views.calendar_view import PlanCalendar
from planner.gui.views.cycles_view import CyclesView
from planner.gui.views.dose_check_panel import DoseCheckPanel
from planner.gui.views.history_view import HistoryView
from planner.gui.widgets.patient_header import PatientHeader


class PatientPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PatientHeader()
        self.calendar = PlanCalendar()
        self.calendar.setAccessibleName(self.tr("Treatment calendar"))
        self.cycles = CyclesView()
        self.cycles.setAccessibleName(self.tr("Cycles"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Plan views"))
        self.tabs.addTab(self.calendar, icon("calendar"), self.tr("&Calendar"))
        self.tabs.addTab(self.cycles, icon("cycles"), self.tr("C&ycles"))
        self.history = HistoryView()
        self.history.setAccessibleName(self.tr("History"))
        self.tabs.addTab(self.history, icon("undo"), self.tr("&History"))
        self.assessment = AssessmentPanel()
        self.tabs.addTab(self.assessment, icon("cycles"), self.tr("&Assessment"))
        self.dose_panel = DoseCheckPanel()
        self.dose_panel.setAccessibleName(self.tr("Dose check"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        column.addWidget(self.tabs, 1)
