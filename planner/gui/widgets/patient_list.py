"""The left pane: search box, patient table (sortable, filtered as you type) and the patient count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.gui.icons import icon
from planner.gui.models.patients_model import (
    COL_CYCLE,
    COL_MRN,
    COL_NAME,
    COL_NEXT_DOSE,
    COL_REGIMEN,
    COL_STATUS,
    SUMMARY_ROLE,
    PatientFilterProxy,
    PatientsTableModel,
    status_text,
)
from planner.gui.screen_fit import MIN_LIST_WIDTH

if TYPE_CHECKING:
    from planner.store import PatientSummary


class PatientList(QWidget):
    patientSelected = Signal(str)  # MRN of the patient picked in the list (filtering it out does not unpick it)
    showWithdrawnChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PatientsTableModel(self)
        self.proxy = PatientFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._enter_list)  # Enter: on to the matching patients

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(MIN_LIST_WIDTH)
        # Middle: "Chen W…1971-08-09" keeps the date of birth that tells two patients of one name apart.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        # What a nurse scans for comes first; the regimen (the same for most patients) goes last and is
        # shown only when the list is wide enough (otherwise it is in every row's tooltip). The model's
        # column numbers stay as they are.
        for visual, column in enumerate((COL_NAME, COL_MRN, COL_CYCLE, COL_NEXT_DOSE, COL_STATUS, COL_REGIMEN)):
            header.moveSection(header.visualIndex(column), visual)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)  # long names elide, others stay whole
        header.setMinimumSectionSize(36)
        self._fixed_widths = self._column_widths()
        for column, width in self._fixed_widths.items():
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(COL_REGIMEN, True)
        self._open = ""  # MRN of the open patient; the current row may differ only while it is filtered out
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)

        self.count = QLabel()
        self.show_withdrawn = QCheckBox()
        self._retranslate_labels()
        self.show_withdrawn.toggled.connect(self.showWithdrawnChanged)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.show_withdrawn)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()

    def _retranslate_labels(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name or MRN  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search patients by name or MRN"))
        self.table.setAccessibleName(self.tr("Patients"))
        self.count.setAccessibleName(self.tr("Number of patients shown"))
        self.show_withdrawn.setText(self.tr("Show withdrawn"))
        self.show_withdrawn.setAccessibleName(self.tr("Show withdrawn patients"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_labels()
            self.model.retranslate()
            self._fixed_widths = self._column_widths()  # the headers' widths change with the words
            for column, width in self._fixed_widths.items():
                self.table.setColumnWidth(column, width)
            self._update_count()
        super().changeEvent(event)

    def _column_widths(self) -> dict[int, int]:
        """Widths that hold each column's widest usual text whole, from the font in use (not fixed pixels)."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        pad = 14  # cell margins

        def fits(*texts: str) -> int:
            return max(max(metrics.horizontalAdvance(t) for t in texts),
                       header_metrics.horizontalAdvance(texts[0])) + pad

        model = self.model
        title = {c: str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())}
        return {COL_MRN: fits(title[COL_MRN], "DEMO-0001"), COL_CYCLE: fits(title[COL_CYCLE], "12"),
                COL_NEXT_DOSE: fits(title[COL_NEXT_DOSE], "2026-12-28"),
                COL_STATUS: fits(title[COL_STATUS], status_text("on treatment"), status_text("withdrawn")),
                COL_REGIMEN: fits(title[COL_REGIMEN], "anlotinib-epirubicin")}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The regimen column only when the name keeps ~150 px beside it.
        # From this widget's width: the table's viewport has not been resized yet when this runs.
        others = sum(w for c, w in self._fixed_widths.items() if c != COL_REGIMEN)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        room = event.size().width() - frame - others - self._fixed_widths[COL_REGIMEN]
        self.table.setColumnHidden(COL_REGIMEN, room < 150)

    def set_patients(self, rows: list[PatientSummary], select_mrn: str = "") -> None:
        """Replace the rows, keeping (or moving to) the selected patient without a flicker of "no patient"."""
        before = self.current_mrn()
        wanted = select_mrn or before
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_patients(rows)
            if not (wanted and self.select(wanted)):
                # Hidden by the search: still the open patient; gone from the list: nobody is.
                self._open = wanted if wanted and self.model.has_patient(wanted) else ""
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        self._update_count()
        if self.current_mrn() and self.current_mrn() != before:
            self.patientSelected.emit(self.current_mrn())

    def select_first(self) -> None:
        index = self.proxy.index(0, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _search(self, text: str) -> None:
        """Typing filters the list and nothing else: the open patient stays open (highlighted when still
        listed), however many rows match, until a row is clicked or Enter / a double-click opens one."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # a row removed under the cursor must not open its neighbour
        try:
            self.proxy.search(text)
            if not (self._open and self.select(self._open, quiet=True)):
                selection.clear()
                # The search resets the model, after which a view focused without a current row makes the
                # first row current (opening that patient): an explicit "no current row" prevents that.
                self.table.setCurrentIndex(QModelIndex())
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        self._update_count()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.total_count()
        if shown == total:
            text = self.tr("1 patient") if total == 1 else self.tr("{n} patients").format(n=total)
        else:
            text = self.tr("{shown} of {total} patients").format(shown=shown, total=total)
        self.count.setText(text)

    def current_mrn(self) -> str:
        """The open patient (picked in the list), also while a search hides their row."""
        return self._open

    def select(self, mrn: str, quiet: bool = False) -> bool:
        """Make `mrn` the current row and the open patient (`quiet`: without telling the window, which
        already shows them). False when the patient is not listed or hidden by the search."""
        row = self.model.row_of(mrn)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        selection = self.table.selectionModel()
        was_blocked = selection.blockSignals(True) if quiet else selection.signalsBlocked()
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if quiet:
            selection.blockSignals(was_blocked)
            self.table.viewport().update()
        if self._open != mrn:
            self._open = mrn
            if not (quiet or was_blocked):
                self.patientSelected.emit(mrn)
        self.table.scrollTo(index)
        return True

    def update_patient(self, summary: PatientSummary) -> None:
        self.model.update_patient(summary)
        self._update_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row made current by the user (click, arrow keys in the list) opens that patient."""
        summary = current.data(SUMMARY_ROLE) if current.isValid() else None
        if summary is not None and summary.mrn != self._open:
            self._open = summary.mrn
            self.patientSelected.emit(summary.mrn)

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double-click on a row: open it (it may already be current but not open)."""
        summary = index.data(SUMMARY_ROLE) if index.isValid() else None
        if summary is not None and summary.mrn != self._open:
            self.select(summary.mrn)

    def _enter_list(self) -> None:
        """Enter in the search box: a single match opens; with several the list takes the focus and the
        nurse picks one (opening the first of three "Chen Wei" rows would be a guess)."""
        if self.proxy.rowCount() == 1:
            summary = self.proxy.index(0, 0).data(SUMMARY_ROLE)
            self.select(summary.mrn)
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
