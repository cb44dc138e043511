"""Printing from the desktop application: how long the preview takes to be ready and how long a print job
runs, for the 12-cycle patient calendar of bench_export.py (medians).

The issue sets no budget for these; the figures below are this project's own targets: the preview (PDF +
PDFium rendering of every page) should be ready within 1.5 s of opening, and printing runs on the worker
thread, so 5 s for the whole calendar at 300 dpi keeps the printer, not the program, the slow part.

Run: `make bench` or `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_export.py`.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import median_seconds, report
from bench_export import INSTITUTION, OPTIONS, twelve_cycle_plan
from PySide6.QtWidgets import QApplication

from planner.export.dose_sheet import dose_sheet_pdf
from planner.export.options import Subject
from planner.export.patient_calendar import patient_calendar_pdf
from planner.gui.dialogs.print_preview import PREVIEW_DPI
from planner.gui.pdf_pages import MAX_PRINT_DPI, print_pdf, render_pages


def main() -> int:
    app = QApplication.instance() or QApplication([])
    plan = twelve_cycle_plan()
    subject = Subject("王芳 Wang Fang", "12345678", date(1955, 3, 2))

    def preview(make) -> None:  # what the preview dialog's worker does
        render_pages(make(), PREVIEW_DPI)

    calendar = lambda: patient_calendar_pdf(plan, subject, INSTITUTION, OPTIONS)  # noqa: E731
    sheet = lambda: dose_sheet_pdf(plan, subject, INSTITUTION, OPTIONS)  # noqa: E731
    preview(calendar)  # warm-up: fonts, PDFium
    pages = len(render_pages(calendar(), 10))
    ok = [report(f"print preview ready, patient calendar ({pages} pages)", median_seconds(lambda: preview(calendar)),
                 1.5),
          report("print preview ready, dose sheet 12 cycles", median_seconds(lambda: preview(sheet)), 1.5)]

    from PySide6.QtPrintSupport import QPrinter

    data = calendar()
    with tempfile.TemporaryDirectory() as folder:
        def print_once() -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(Path(folder) / "printed.pdf"))
            printer.setResolution(MAX_PRINT_DPI)
            print_pdf(data, printer)

        ok.append(report(f"print job, patient calendar at {MAX_PRINT_DPI} dpi (PDF printer)",
                         median_seconds(print_once, repeat=3), 5.0))
    del app
    return 0 if all(ok) else 1


if __name__ == "__main__":
    raise SystemExit(main())
