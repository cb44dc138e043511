"""PDF pages through PDFium: rendered at the asked resolution, printed one printer page per PDF page, in the
paper size and orientation the document was laid out for."""

from __future__ import annotations

import io
import os
import stat
from datetime import date

import pypdf
import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from planner.export.dose_sheet import dose_sheet_pdf
from planner.export.options import Institution, PrintOptions, Subject
from planner.export.patient_calendar import patient_calendar_pdf
from planner.gui.pdf_pages import PrintError, page_infos, prepare_printer, print_pdf, render_pages
from tests.gui.conftest import make_plan

SUBJECT = Subject("Wang Fang", "12345", date(1970, 3, 1))


@pytest.fixture(scope="module")
def calendar_pdf() -> bytes:
    return patient_calendar_pdf(make_plan(), SUBJECT, Institution("Ward", ("Ward: 010-1234 5678",)),
                                options=PrintOptions(paper="letter"))


def test_pages_render_at_the_asked_resolution(qapp, calendar_pdf):
    infos = page_infos(calendar_pdf)
    images = render_pages(calendar_pdf, 72, pages=[0, 1])
    assert len(images) == 2
    assert (images[0].width(), images[0].height()) == (round(infos[0].width_pt), round(infos[0].height_pt))
    # White paper with dark print on it, not an empty or black bitmap.
    assert images[0].pixelColor(2, 2).name() == "#ffffff"
    assert any(images[1].pixelColor(x, 40).lightness() < 100 for x in range(0, images[1].width(), 2))


def test_printer_takes_the_documents_paper_and_orientation(qapp, calendar_pdf):
    printer = QPrinter()
    prepare_printer(printer, calendar_pdf, "letter")
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    sheet = dose_sheet_pdf(make_plan(), SUBJECT)
    prepare_printer(printer, sheet, "a4")
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait


def test_print_to_a_pdf_printer_gives_one_page_per_page(qapp, calendar_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(printer, calendar_pdf, "letter")
    printer.setResolution(96)
    progress: list[tuple[int, int]] = []
    count = print_pdf(calendar_pdf, printer, lambda done, total: progress.append((done, total)))
    expected = len(pypdf.PdfReader(io.BytesIO(calendar_pdf)).pages)
    assert count == expected == len(pypdf.PdfReader(out).pages)
    assert progress[-1] == (expected, expected)
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_a_printer_that_cannot_open_is_a_print_error(qapp, calendar_pdf, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "out.pdf"))
    with pytest.raises(PrintError, match="could not be opened"):
        print_pdf(calendar_pdf, printer)


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)
    return printer


def test_printing_to_a_file_makes_it_private(qapp, calendar_pdf, tmp_path, umask_022):
    out = tmp_path / "printed.pdf"
    assert print_pdf(calendar_pdf, _pdf_printer(out)) > 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(pypdf.PdfReader(out).pages) > 0
    # Overwriting a file that was readable by everyone leaves it private too.
    older = tmp_path / "older.pdf"
    older.write_bytes(b"old")
    older.chmod(0o644)
    print_pdf(calendar_pdf, _pdf_printer(older))
    assert stat.S_IMODE(older.stat().st_mode) == 0o600 and older.read_bytes().startswith(b"%PDF")


def test_the_print_file_is_private_while_qt_writes_it(qapp, calendar_pdf, tmp_path, umask_022):
    out = tmp_path / "printed.pdf"
    modes: list[int] = []

    def report(done: int, total: int) -> None:
        modes.append(stat.S_IMODE(out.stat().st_mode))

    print_pdf(calendar_pdf, _pdf_printer(out), report)
    assert modes and set(modes) == {0o600}
