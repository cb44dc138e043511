"""PDF pages as images, for the print preview and for printing, through PDFium (pypdfium2).

PySide6-Essentials has no QtPdf, and the printouts are reportlab PDFs: PDFium rasterises each page and
Qt paints the image. pypdfium2 is imported inside the functions, never at start-up. PDFium is not
thread-safe: call these from one thread at a time (the window's task runner has a single worker thread).

QPainter may paint onto a QImage or a QPrinter outside the GUI thread, so both functions may run there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from planner.core.errors import PlannerError

POINTS_PER_INCH = 72
# Pages are painted as images at the printer's resolution up to 300 dpi: sharp print for 9 pt text, and
# one A4 page is 35 MB of pixels. A 600 dpi raster would be 140 MB a page (three copies on the way to the
# printer) and a PDF "printer", which reports 1200 dpi, 550 MB; neither makes the printed page clearer.
MAX_PRINT_DPI = 300


class PrintError(PlannerError):
    """A print job that could not start; the message says what to check."""


@dataclass(frozen=True)
class PageInfo:
    """One page's size in points (1/72 inch)."""

    width_pt: float
    height_pt: float

    @property
    def landscape(self) -> bool:
        return self.width_pt > self.height_pt


def page_infos(data: bytes) -> list[PageInfo]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [PageInfo(*pdf[i].get_size()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _to_qimage(bitmap: object) -> QImage:
    """A copy of PDFium's RGBx bitmap as a QImage (the bitmap's memory is freed with it)."""
    view = bitmap.buffer  # type: ignore[attr-defined]
    image = QImage(view, bitmap.width, bitmap.height, bitmap.stride,  # type: ignore[attr-defined]
                   QImage.Format.Format_RGBX8888)
    return image.copy()


def render_pages(data: bytes, dpi: float, pages: list[int] | None = None) -> list[QImage]:
    """The pages (all, or the given 0-based numbers) as white-backed images at `dpi`."""
    return list(_iter_images(data, dpi, pages))


def _iter_images(data: bytes, dpi: float, pages: list[int] | None = None) -> Iterator[QImage]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        for number in (range(len(pdf)) if pages is None else pages):
            page = pdf[number]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True,
                                 optimize_mode="print")
            try:
                yield _to_qimage(bitmap)
            finally:
                bitmap.close()
                page.close()
    finally:
        pdf.close()


def prepare_printer(printer: QPrinter, data: bytes, paper: str) -> None:
    """Paper size and orientation the document was laid out for, set before the print dialog shows them."""
    infos = page_infos(data)
    size = QPageSize(QPageSize.PageSizeId.Letter if paper.lower() == "letter" else QPageSize.PageSizeId.A4)
    printer.setPageSize(size)
    landscape = bool(infos) and infos[0].landscape
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)


def print_pdf(data: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None) -> int:
    """Paint every page of `data` onto `printer` (its range and copies are the printer's business) at the
    printer's resolution (at most MAX_PRINT_DPI), each page fitted into the printable area without
    distortion and centred. Returns the number of pages printed; raises PrintError if the printer
    cannot be opened."""
    count = len(page_infos(data))
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    output = printer.outputFileName()
    created = _claim_private(output) if output else False
    painter = QPainter()
    if not painter.begin(printer):
        if created:
            _remove_quietly(output)
        raise PrintError(QCoreApplication.translate(
            "Printing", "The printer {printer} could not be opened. Check that it is switched on and connected, "
                        "or choose another printer.").format(printer=printer.printerName() or printer.outputFileName()))
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        target_area = QRectF(0, 0, area.width(), area.height())  # the painter's origin is the paint rect
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index, image in enumerate(_iter_images(data, dpi)):
            if index:
                printer.newPage()
            size = QSizeF(image.width(), image.height())
            size.scale(target_area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = target_area.x() + (target_area.width() - size.width()) / 2
            y = target_area.y() + (target_area.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), image)
            if progress is not None:
                progress(index + 1, count)
    finally:
        painter.end()
        if output:
            _make_private(output)
    return count


def _claim_private(path: str) -> bool:
    """Create (or take over) a "print to file" target with mode 0600 before Qt writes patient data into it:
    Qt opens it with the umask's mode (often 0644), unlike every export, which writes 0600. Qt truncates and
    reuses the file, so the mode set here stays. True if the file was created here."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        _make_private(path)  # an older file being overwritten: private before the new pages go in
        return False
    except OSError:
        return False  # e.g. no such folder: painter.begin fails next and says so
    os.close(fd)
    _make_private(path)  # the mode given to open() passed through the umask; make sure it is exactly 0600
    return True


def _make_private(path: str) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass  # the file is gone or was never written; there is nothing to protect


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
