"""The ward forecast tab: for the coming weeks, each day's infusions, oral-only cycle starts, blood tests and
chair-hours, as a stacked bar chart and a table with the patients behind each number; weekly totals.
Double-clicking a day (a bar or a row) opens its day list.

The chart is pyqtgraph: a pure-Python library on the numpy that pandas already brings, a few MB, where
QtCharts would add the whole PySide6-Addons wheel (hundreds of MB) to every ward PC for one chart.
The figures come from `PatientStore.due_between` on the worker thread; pandas and pyqtgraph are imported
when the tab is first shown, never on the start-up path.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.dates import format_long
from planner.core.decimal_math import plain

if TYPE_CHECKING:
    import pandas as pd

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("date", "infusions", "oral_starts", "blood_tests", "chair_hours", "patients")
SERIES = (("infusions", "#b3261e"), ("oral_starts", "#1f6fb2"), ("blood_tests", "#e08a00"))


class ForecastModel(QAbstractTableModel):
    """One row per day of the forecast (rows are replaced as a whole when a new forecast arrives)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Infusions"), self.tr("Oral-only starts"), self.tr("Blood tests"),
                self.tr("Chair-hours"), self.tr("Patients"))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()  # a new date range: every row is new
        self._rows = rows
        self.endResetModel()

    def row_date(self, row: int) -> date:
        when: date = self._rows[row]["date"]
        return when

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "date":
                return format_long(row["date"])
            if column == "chair_hours":
                return plain(row["chair_hours"])
            return str(row[column]) if column != "patients" else row["patients"]
        if role == Qt.ItemDataRole.UserRole:  # raw values: a proxy sorts dates as dates
            return row["date"].isoformat() if column == "date" else row[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("date", "patients"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "patients":
            return row["patients"].replace("; ", "\n")
        return None


def rows_from_frame(daily: pd.DataFrame, labels: dict[str, str]) -> list[dict[str, Any]]:
    """Model rows from the forecast frame; `labels` name each kind in the patients column."""
    rows = []
    for record in daily.to_dict("records"):
        who = []
        for column in ("infusions", "oral_starts", "blood_tests"):
            if record[f"{column}_patients"]:
                who.append(f"{labels[column]}: {record[f'{column}_patients']}")
        rows.append({"date": record["date"], "infusions": int(record["infusions"]),
                     "oral_starts": int(record["oral_starts"]), "blood_tests": int(record["blood_tests"]),
                     "chair_hours": record["chair_hours"], "patients": "; ".join(who)})
    return rows


class ForecastView(QWidget):
    """The tab. `load` is given a function that runs a job on the worker thread and calls back."""

    dayActivated = Signal(object)  # a datetime.date: the main window opens that day's day list

    def __init__(self, today: date, run: Callable[[Callable[[], Any], Callable[[Any], None]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._store: Any = None
        self._plot: Any = None
        self.model = ForecastModel(self)
        self.first = QDateEdit(QDate(today.year, today.month, today.day))
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("yyyy-MM-dd")
        self.first.setAccessibleName(self.tr("First day of the forecast"))
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 52)
        self.weeks.setValue(8)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.weeks.setAccessibleName(self.tr("Number of weeks"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        controls = QHBoxLayout()
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.first)
        controls.addWidget(from_label)
        controls.addWidget(self.first)
        controls.addWidget(self.weeks)
        controls.addWidget(self.refresh_button)
        controls.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Forecast by day"))
        self.table.doubleClicked.connect(lambda index: self.dayActivated.emit(self.model.row_date(index.row())))
        self.chart_holder = QVBoxLayout()
        legend = QHBoxLayout()
        for column, color in SERIES:
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {color};")
            legend.addWidget(swatch)
            legend.addWidget(QLabel(self._series_names()[column]))
            legend.addSpacing(12)
        legend.addStretch(1)
        self.chart_holder.addLayout(legend)
        chart = QWidget()
        chart.setLayout(self.chart_holder)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.totals)
        layout.addWidget(splitter, 1)
        self.first.dateChanged.connect(lambda _: self.refresh())
        self.weeks.valueChanged.connect(lambda _: self.refresh())

    def _series_names(self) -> dict[str, str]:
        return {"infusions": self.tr("Infusions"), "oral_starts": self.tr("Oral-only starts"),
                "blood_tests": self.tr("Blood tests")}

    def set_store(self, store: Any) -> None:
        self._store = store

    def first_day(self) -> date:
        q = self.first.date()
        return date(q.year(), q.month(), q.day())

    def refresh(self) -> None:
        """Ask the store for the events of the range on the worker thread; paint when they arrive."""
        store = self._store
        if store is None:
            return
        first, weeks = self.first_day(), self.weeks.value()

        def job() -> Any:
            from planner.export.forecast import daily_forecast, forecast_range, weekly_totals

            start, last = forecast_range(first, weeks)
            daily = daily_forecast(store.due_between(start, last), start, last)
            return daily, weekly_totals(daily)

        self.totals.setText(self.tr("Counting..."))
        self._run(job, self._show)

    def _show(self, result: Any) -> None:
        daily, weekly = result
        self.model.set_rows(rows_from_frame(daily, self._series_names()))
        weeks = [self.tr("week of {date}: {infusions} infusions, {oral} oral-only starts, {bloods} blood tests, "
                         "{hours} chair-hours").format(date=format_long(w.week_from), infusions=w.infusions,
                                                       oral=w.oral_starts, bloods=w.blood_tests,
                                                       hours=plain(w.chair_hours))
                 for w in weekly.itertuples()]
        self.totals.setText("\n".join(weeks))
        self._draw_chart(daily)

    def _draw_chart(self, daily: pd.DataFrame) -> None:
        import pyqtgraph as pg  # type: ignore[import-untyped]

        if self._plot is None:
            self._plot = pg.PlotWidget(background="w")
            self._plot.setMinimumHeight(180)
            self._plot.setMouseEnabled(x=False, y=False)
            self._plot.hideButtons()
            self._plot.getPlotItem().setMenuEnabled(False)
            self._plot.setAccessibleName(self.tr("Forecast chart"))
            self._plot.scene().sigMouseClicked.connect(self._chart_clicked)
            self.chart_holder.addWidget(self._plot)
        plot = self._plot
        plot.clear()
        x = list(range(len(daily)))
        bottom = [0] * len(daily)
        names = self._series_names()
        for column, color in SERIES:
            heights = [int(v) for v in daily[column]]
            plot.addItem(pg.BarGraphItem(x=x, height=heights, y0=bottom, width=0.8, brush=QColor(color),
                                         pen=pg.mkPen(None), name=names[column]))
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ticks = [(i, d.strftime("%d %b")) for i, d in enumerate(daily["date"]) if i % 7 == 0]
        plot.getAxis("bottom").setTicks([ticks])
        plot.setLabel("left", self.tr("Patients"))
        self._dates = list(daily["date"])

    def _chart_clicked(self, event: Any) -> None:
        if not event.double() or self._plot is None or not getattr(self, "_dates", None):
            return
        point = self._plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        index = math.floor(point.x() + 0.5)  # the nearest bar
        if 0 <= index < len(self._dates):
            self.dayActivated.emit(self._dates[index])
