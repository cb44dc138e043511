"""A table drawn straight onto the canvas: wrapped text cells, a header row repeated on every page.

Platypus tables of Paragraphs measure every word of every cell several times (wrap, split, draw); a day
list of 300 patients took seconds. Here each line is measured once, a line that fits is measured whole,
and rows never split (a patient's row stays on one page, which is also what the charge nurse wants).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.export import pdf_base as base


@dataclass(frozen=True)
class Line:
    """One paragraph of a cell: wrapped to the column width when drawn."""

    text: str
    bold: bool = False
    color: Any = base.INK


Cell = Sequence[Line]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; a word wider than the column (or Chinese text, which has no
    spaces) breaks between characters."""
    if not text:
        return [""]
    if base.text_width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if base.text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:  # the word alone does not fit: break it between characters
            if current and base.text_width(current + char, font, size) > width:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


@dataclass
class CanvasTable:
    """Draws rows of cells between `top` and `bottom` of each page, starting a new page when a row does
    not fit. `new_page()` is called to start each further page (it must return the y to start at)."""

    canvas: Any
    x: float
    widths: Sequence[float]
    bottom: float
    header: Sequence[Cell]
    size: float = 8.0
    padding: float = 2.5

    @property
    def leading(self) -> float:
        return self.size * 1.25

    def _layout(self, row: Sequence[Cell]) -> tuple[list[list[tuple[str, Line]]], float]:
        cells = []
        tallest = 0
        for cell, width in zip(row, self.widths, strict=True):
            lines = [(piece, line) for line in cell
                     for piece in wrap(line.text, base.FONT_BOLD if line.bold else base.FONT, self.size,
                                       width - 2 * self.padding)]
            cells.append(lines)
            tallest = max(tallest, len(lines))
        return cells, tallest * self.leading + 2 * self.padding

    def _draw(self, y: float, cells: list[list[tuple[str, Line]]], height: float, shade: bool = False) -> float:
        c = self.canvas
        total = sum(self.widths)
        if shade:
            c.setFillColor(base.SHADE)
            c.rect(self.x, y - height, total, height, stroke=0, fill=1)
        c.setStrokeColor(base.RULE)
        c.setLineWidth(0.4)
        c.rect(self.x, y - height, total, height, stroke=1, fill=0)
        left = self.x
        for lines, width in zip(cells, self.widths, strict=True):
            if left > self.x:
                c.line(left, y, left, y - height)
            baseline = y - self.padding - self.size
            for piece, line in lines:
                c.setFillColor(line.color)
                base.draw_text(c, left + self.padding, baseline, piece, base.FONT_BOLD if line.bold else base.FONT,
                               self.size)
                baseline -= self.leading
            left += width
        return y - height

    def draw_rows(self, y: float, rows: Sequence[Sequence[Cell]], new_page: Any) -> float:
        """Draw the header and `rows` from `y` down; returns the y below the last row."""
        header, header_height = self._layout(self.header)
        y = self._draw(y, header, header_height, shade=True)
        for row in rows:
            cells, height = self._layout(row)
            if y - height < self.bottom:
                y = new_page()
                y = self._draw(y, header, header_height, shade=True)
            y = self._draw(y, cells, height)
        return y
