"""Print with a preview: choose the document (patient calendar or dose sheet), see its pages exactly as they
will print, then Print... opens the system print dialog.

The PDF is the same one the exports write (reportlab, built by planner.gui.export_jobs); its pages are
rendered by PDFium on the window's worker thread, so a 12-cycle calendar never freezes the window. The
dialog only decides what to print: the window runs the print job (planner.gui.pdf_pages.print_pdf).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.errors import PlannerError
from planner.gui import screen_fit
from planner.gui.export_jobs import DOSE_SHEET, PATIENT_CALENDAR
from planner.gui.icons import icon

if TYPE_CHECKING:
    from planner.gui.tasks import TaskRunner

# Rendered once at this resolution and scaled for the zoom levels: sharp up to 150 % on a normal screen.
PREVIEW_DPI = 144
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PAGE_GAP = 16
PAGE_BORDER = 1


def page_count_text(count: int) -> str:
    # Two strings rather than "%n page(s)": English reads right without a translation file loaded.
    if count == 1:
        return QCoreApplication.translate("PrintPreviewDialog", "1 page")
    return QCoreApplication.translate("PrintPreviewDialog", "{n} pages").format(n=count)


class PrintPreviewDialog(QDialog):
    """`make_pdf(kind)` returns the PDF bytes of PATIENT_CALENDAR or DOSE_SHEET (called on the worker thread)."""

    def __init__(self, make_pdf: Callable[[str], bytes], runner: TaskRunner, paper: str,
                 parent: QWidget | None = None, kind: str = PATIENT_CALENDAR) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print"))
        self.setWindowIcon(icon("print"))
        self._make_pdf = make_pdf
        self._runner = runner
        self._paper = paper
        self._closed = False
        self._pdfs: dict[str, tuple[bytes, list[QImage]]] = {}  # kind -> (PDF, pages): switching back is instant
        self._pending: str | None = None
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)

        self.document = QComboBox()
        self.document.setAccessibleName(self.tr("Document to print"))
        self.document.addItem(icon("export-calendar"), self.tr("Patient calendar (to take home)"), PATIENT_CALENDAR)
        self.document.addItem(icon("export-dose-sheet"), self.tr("Dose sheet (for the nurses)"), DOSE_SHEET)
        self.document.setCurrentIndex(max(self.document.findData(kind), 0))
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"), 0.0)
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.page_count_label = QLabel()
        self.page_count_label.setAccessibleName(self.tr("Number of pages"))

        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("previewPages")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_labels: list[QLabel] = []
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages_layout.addWidget(self.message)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.pages_widget)
        self.scroll_area.setWidgetResizable(True)
        # Always there, so "Fit width" fits the same width before and after the pages fill the view.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setAccessibleName(self.tr("Pages as they will print"))
        self.scroll_area.setStyleSheet("QScrollArea, #previewPages { background: #8a8f96; }")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(self.tr("&Print..."), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setIcon(icon("print"))
        self.print_button.setDefault(True)
        self.buttons.accepted.connect(self._print)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:")))
        top.addWidget(self.document, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Zoom:")))
        top.addWidget(self.zoom)
        top.addSpacing(12)
        top.addWidget(self.page_count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        # As large as a page at a readable zoom, but never beyond the screen (Print and Close stay on it).
        screen_fit.fit_dialog(self, QSize(1000, 820))

        self.document.currentIndexChanged.connect(lambda _: self._load())
        self.zoom.currentIndexChanged.connect(lambda _: self._show_pages())
        self._load()

    # ------------------------------------------------------------ what is shown
    def kind(self) -> str:
        return str(self.document.currentData())

    def pdf_data(self) -> bytes | None:
        entry = self._pdfs.get(self.kind())
        return entry[0] if entry else None

    def page_count(self) -> int:
        entry = self._pdfs.get(self.kind())
        return len(entry[1]) if entry else 0

    @property
    def loading(self) -> bool:
        return self._pending is not None

    def _load(self) -> None:
        kind = self.kind()
        if kind in self._pdfs:
            self._show_pages()
            return
        self._pending = kind
        self._set_message(self.tr("Preparing the pages..."))
        make_pdf = self._make_pdf

        def work() -> tuple[bytes, list[QImage]]:
            from planner.gui.pdf_pages import render_pages

            data = make_pdf(kind)
            return data, render_pages(data, PREVIEW_DPI)

        self._runner.start(work, lambda result: self._loaded(kind, result), lambda exc: self._failed(kind, exc))

    def _loaded(self, kind: str, result: tuple[bytes, list[QImage]]) -> None:
        if self._closed:
            return
        self._pdfs[kind] = result
        if self._pending == kind:
            self._pending = None
        if kind == self.kind():
            self._show_pages()

    def _failed(self, kind: str, exc: BaseException) -> None:
        if self._closed:
            return
        if self._pending == kind:
            self._pending = None
        if kind == self.kind():
            reason = exc.message if isinstance(exc, PlannerError) else type(exc).__name__
            self._set_message(self.tr("The document could not be prepared: {reason}").format(reason=reason))

    def _set_message(self, text: str) -> None:
        self._clear_pages()
        self.message.setText(text)
        self.message.show()
        self.page_count_label.setText("")
        self.print_button.setEnabled(False)

    def _clear_pages(self) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.hide()  # at once: deleteLater waits for the event loop, and the old pages would show through
            label.deleteLater()
        self.page_labels = []

    def _zoom_factor(self, image: QImage) -> float:
        """Screen pixels per rendered pixel: 100 % shows the page at its real size on this screen."""
        factor = float(self.zoom.currentData() or 0.0)
        if factor <= 0:  # fit width
            available = self.scroll_area.viewport().width() - 2 * PAGE_GAP - 2 * PAGE_BORDER
            return max(available, 100) / max(image.width(), 1)
        return factor * self.logicalDpiX() / PREVIEW_DPI

    def _show_pages(self) -> None:
        entry = self._pdfs.get(self.kind())
        if entry is None:
            return
        _, images = entry
        self.message.hide()
        if len(self.page_labels) != len(images):
            self._clear_pages()
            for number in range(len(images)):
                label = QLabel()
                label.setAccessibleName(self.tr("Page {n} of {total}").format(n=number + 1, total=len(images)))
                label.setStyleSheet(f"background: white; border: {PAGE_BORDER}px solid #555;")
                self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                self.page_labels.append(label)
        for label, image in zip(self.page_labels, images, strict=True):
            scale = self._zoom_factor(image)
            pixmap = QPixmap.fromImage(image.scaled(round(image.width() * scale), round(image.height() * scale),
                                                    Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.width() + 2 * PAGE_BORDER, pixmap.height() + 2 * PAGE_BORDER)
        self.page_count_label.setText(page_count_text(len(images)))
        self.print_button.setEnabled(bool(images))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() == 0.0 and self.page_labels:
            self._show_pages()

    # ------------------------------------------------------------ printing
    def ask_print(self, printer: QPrinter) -> bool:
        """The system print dialog (printer, copies, pages); True when the user pressed Print."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {document}").format(document=self.document.currentText()))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _print(self) -> None:
        from planner.gui.pdf_pages import prepare_printer

        data = self.pdf_data()
        if data is None:
            return
        prepare_printer(self.printer, data, self._paper)
        if self.ask_print(self.printer):
            self.accept()

    def dispose(self) -> None:
        """Delete the dialog; a rendering still on the worker thread is dropped when it arrives."""
        self._closed = True
        self.deleteLater()

    def done(self, result: int) -> None:
        self._closed = True  # results still on the worker thread are dropped, not shown in a closed dialog
        super().done(result)
