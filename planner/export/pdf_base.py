"""What every printed document shares: paper sizes, embedded fonts that print Chinese anywhere, styles,
the "Page n of m" canvas and the small pictograms.

Every font is a TrueType file embedded (as the subset of glyphs used) in the PDF, so a printout looks the
same on a PC with no Chinese font: Bitstream Vera (shipped with reportlab) for Latin text and Droid Sans
Fallback (shipped in resources/fonts, Apache 2.0) for Chinese. Text goes through `rich()` before it becomes a
Paragraph, and through `draw_text()` on the canvas: any run of characters the Latin font has no glyph for (a
name in Chinese characters, a translated string) is switched to the CJK font. In a Chinese document
paragraphs wrap between any two characters (reportlab's CJK word wrap), as Chinese has no spaces.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from planner.core.dates import format_long
from planner.core.i18n import current_language, translate
from planner.core.shipped import shipped_file

CJK_FONT = "PlannerCJK"
FONT = "PlannerSans"
FONT_BOLD = "PlannerSans-Bold"

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
CAPSULE = colors.HexColor("#1f6fb2")
CAPSULE_LIGHT = colors.HexColor("#e6f0fa")
HOSPITAL = colors.HexColor("#b3261e")
HOSPITAL_LIGHT = colors.HexColor("#fbe9e7")
BLOOD = colors.HexColor("#c62828")
BLOOD_LIGHT = colors.HexColor("#fff4e5")
REST = colors.HexColor("#7a7a7a")
HELD = colors.HexColor("#8a5a00")
SHADE = colors.HexColor("#f1f1f1")


@cache
def register_fonts() -> None:
    """Register the embedded fonts once per process (the CJK file is read once, ~4 MB)."""
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))  # found in reportlab's own fonts folder
    pdfmetrics.registerFont(TTFont(FONT_BOLD, "VeraBd.ttf"))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(shipped_file("fonts", "DroidSansFallbackFull.ttf"))))
    # No bold Chinese face exists: <b> inside a Chinese run keeps the regular face rather than failing.
    pdfmetrics.registerFontFamily(CJK_FONT, normal=CJK_FONT, bold=CJK_FONT, italic=CJK_FONT, boldItalic=CJK_FONT)


@cache
def _latin_glyphs() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def chinese_document() -> bool:
    """True while a document is being made in Chinese (its paragraphs wrap between characters)."""
    return current_language().lower().startswith("zh")


def page_size(paper: str, *, wide: bool = False) -> tuple[float, float]:
    size: tuple[float, float] = LETTER if paper == "letter" else A4
    if wide:
        turned: tuple[float, float] = landscape(size)
        return turned
    return size


def _needs_cjk(char: str) -> bool:
    """Characters the Latin font has no glyph for print in the CJK font (spaces stay in the current run)."""
    return ord(char) not in _latin_glyphs()


def runs(text: str) -> list[tuple[bool, str]]:
    """Split text into (needs CJK font, piece) runs."""
    if text.isascii():  # the usual case, checked in C: one run, no per-character encoding
        return [(False, text)] if text else []
    pieces: list[tuple[bool, str]] = []
    for char in text:
        cjk = _needs_cjk(char)
        if pieces and pieces[-1][0] == cjk:
            pieces[-1] = (cjk, pieces[-1][1] + char)
        else:
            pieces.append((cjk, char))
    return pieces


def rich(text: str) -> str:
    """Paragraph markup for plain text: escaped, with non-Western runs in the CJK font."""
    register_fonts()
    return "".join(f'<font face="{CJK_FONT}">{escape(piece)}</font>' if cjk else escape(piece)
                   for cjk, piece in runs(text))


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return _text_width(text, font, size)


# A day list of hundreds of patients measures the same words (drug names, "mg/m²", dates) thousands of
# times while wrapping its cells: measured once each.
@lru_cache(maxsize=16_384)
def _text_width(text: str, font: str, size: float) -> float:
    return sum(float(pdfmetrics.stringWidth(piece, CJK_FONT if cjk else font, size)) for cjk, piece in runs(text))


# Punctuation that must not begin a line in Chinese (it stays with the character before it).
_NO_LINE_START = set("，。、；：？！）」』》〉】…—,.;:?!)%")


def _breakable(char: str) -> bool:
    """Wide (CJK) characters: a line may break before and after each one, as Chinese has no spaces."""
    import unicodedata

    return unicodedata.east_asian_width(char) in "WF"


def wrap_tokens(text: str) -> list[tuple[str, str]]:
    """(separator before, piece) units a line may break between: Latin words (separated by the spaces
    between them) and single Chinese characters (separated by nothing), with closing punctuation kept on
    the piece before it."""
    tokens: list[tuple[str, str]] = []
    separator, piece = "", ""

    def flush() -> None:
        nonlocal separator, piece
        if piece:
            tokens.append((separator, piece))
            separator, piece = "", ""

    for char in text:
        if char == " ":
            flush()
            separator = " " if tokens else ""
        elif char in _NO_LINE_START and (piece or tokens) and not separator:
            if piece:
                piece += char
            else:
                sep, last = tokens.pop()
                tokens.append((sep, last + char))
        elif _breakable(char):
            flush()
            tokens.append((separator, char))
            separator = ""
        else:
            piece += char
    flush()
    return tokens


def sentences(first: str, second: str) -> str:
    """Two sentences as one text: `Once daily. Tick ...`, or in Chinese `每日一次。每天...` (a full stop that
    is a character of its own, no space), so a translated sentence does not end in an English full stop."""
    first = first.rstrip()
    if first.endswith(("。", "！", "？", ".", "!", "?")):
        return f"{first}{'' if _breakable(first[-1]) else ' '}{second}"
    if first and _breakable(first[-1]):
        return f"{first}。{second}"
    return f"{first}. {second}"


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most `width` points: broken at spaces, and between any two Chinese characters."""
    lines: list[str] = []
    line = ""
    for separator, piece in wrap_tokens(text):
        candidate = f"{line}{separator}{piece}" if line else piece
        if line and text_width(candidate, font, size) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def draw_text(canvas: Any, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """drawString for mixed Western / Chinese text; align left, right or centre on x."""
    register_fonts()
    if align != "left":
        width = text_width(text, font, size)
        x -= width if align == "right" else width / 2
    for cjk, piece in runs(text):
        face = CJK_FONT if cjk else font
        canvas.setFont(face, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, face, size)


def style(name: str, size: float, *, bold: bool = False, leading: float | None = None, color: Any = INK,
          space_after: float = 0, space_before: float = 0, align: int = TA_LEFT, indent: float = 0,
          keep_with_next: bool = False) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT, fontSize=size,
                          leading=leading or size * 1.25, textColor=color, spaceAfter=space_after,
                          spaceBefore=space_before, alignment=align, leftIndent=indent,
                          keepWithNext=int(keep_with_next), bulletFontName=FONT,
                          wordWrap="CJK" if chinese_document() else None)


def table(rows: Any, **kwargs: Any) -> Table:
    """A Table whose plain-text cells print in the embedded font (reportlab's default is Helvetica, which is
    never embedded, even when every cell is a Paragraph: the table selects the font anyway)."""
    register_fonts()
    made = Table(rows, **kwargs)
    made.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return made


def printed_line(printed_on: date) -> str:
    return translate("Export", "Printed {date}").format(date=format_long(printed_on))


def page_of(page: int, total: int) -> str:
    return translate("Export", "Page {n} of {m}").format(n=page, m=total)


Decorator = Callable[[Any, int, int], None]


def numbered_canvas(decorate: Decorator) -> type:
    """A canvas class that holds pages until the end so every page can say "Page n of m"."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            register_fonts()
            # reportlab starts every canvas in Helvetica, which is never embedded; start in our embedded font.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pending.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending)
            for number, state in enumerate(self._pending, start=1):
                self.__dict__.update(state)
                self.saveState()
                decorate(self, number, total)
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


# ------------------------------------------------------------------------------------ pictograms
# Drawn with vector shapes (no image files): they print sharp at any size and in black and white
# each keeps a different outline, so they stay distinct on a grey-scale printer.


def draw_icon(canvas: Any, kind: str, x: float, y: float, size: float) -> None:
    """Draw pictogram `kind` in the square with lower-left corner (x, y)."""
    canvas.saveState()
    {"capsule": _capsule, "hospital": _hospital, "blood": _blood, "rest": _rest, "held": _held,
     "tick": _tick_box}[kind](canvas, x, y, size)
    canvas.restoreState()


def _capsule(c: Any, x: float, y: float, s: float) -> None:
    h = s * 0.46
    y0 = y + (s - h) / 2
    c.setLineWidth(max(0.6, s * 0.06))
    c.setStrokeColor(CAPSULE)
    c.setFillColor(CAPSULE)
    c.roundRect(x, y0, s / 2 + h / 2, h, h / 2, stroke=1, fill=1)
    c.setFillColor(colors.white)
    c.roundRect(x + s / 2 - h / 2, y0, s / 2 + h / 2, h, h / 2, stroke=1, fill=1)
    c.setFillColor(CAPSULE)
    c.rect(x + s / 2 - h / 2, y0 + c._lineWidth / 2, h / 2, h - c._lineWidth, stroke=0, fill=1)


def _hospital(c: Any, x: float, y: float, s: float) -> None:
    c.setFillColor(HOSPITAL)
    c.roundRect(x, y, s, s, s * 0.18, stroke=0, fill=1)
    c.setFillColor(colors.white)
    arm, long = s * 0.2, s * 0.64
    c.rect(x + (s - arm) / 2, y + (s - long) / 2, arm, long, stroke=0, fill=1)
    c.rect(x + (s - long) / 2, y + (s - arm) / 2, long, arm, stroke=0, fill=1)


def _blood(c: Any, x: float, y: float, s: float) -> None:
    c.setFillColor(BLOOD)
    r = s * 0.3
    cx, cy = x + s / 2, y + r + s * 0.04
    path = c.beginPath()
    path.moveTo(cx, y + s * 0.98)
    path.curveTo(cx + r * 0.2, y + s * 0.7, cx + r, cy + r * 0.9, cx + r, cy)
    path.arcTo(cx - r, cy - r, cx + r, cy + r, 0, -180)
    path.curveTo(cx - r, cy + r * 0.9, cx - r * 0.2, y + s * 0.7, cx, y + s * 0.98)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def _rest(c: Any, x: float, y: float, s: float) -> None:
    c.setStrokeColor(REST)
    c.setLineWidth(max(0.6, s * 0.08))
    r = s * 0.42
    c.circle(x + s / 2, y + s / 2, r, stroke=1, fill=0)
    c.line(x + s / 2 - r * 0.5, y + s / 2, x + s / 2 + r * 0.5, y + s / 2)


def _held(c: Any, x: float, y: float, s: float) -> None:
    c.setStrokeColor(HELD)
    c.setLineWidth(max(0.8, s * 0.1))
    r = s * 0.42
    cx, cy = x + s / 2, y + s / 2
    c.circle(cx, cy, r, stroke=1, fill=0)
    d = r * 0.7
    c.line(cx - d, cy - d, cx + d, cy + d)


def _tick_box(c: Any, x: float, y: float, s: float) -> None:
    c.setStrokeColor(INK)
    c.setFillColor(colors.white)
    c.setLineWidth(max(0.8, s * 0.07))
    c.rect(x, y, s, s, stroke=1, fill=1)


class Icon(Flowable):
    """A pictogram as a flowable, for legends and tables."""

    def __init__(self, kind: str, size: float) -> None:
        super().__init__()
        self.kind, self.size = kind, size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_icon(self.canv, self.kind, 0, 0, self.size)


def header_footer(size: tuple[float, float], margin: float, header_height: float, header_left: str,
                  header_right: str, footer_left: str, *, header_size: float = 11) -> Decorator:
    """The usual decoration: identifiers top left, document name top right, a rule; at the bottom the
    printing date (and institution) left and "Page n of m" right."""
    width, height = size

    # The identifiers never run into the document's name: a long line (a flagged shared name) is set smaller.
    room = width - 2 * margin - text_width(header_right, FONT, header_size - 1) - 12
    left_size = header_size
    while left_size > 7 and text_width(header_left, FONT_BOLD, left_size) > room:
        left_size -= 0.5

    def decorate(c: Any, page: int, total: int) -> None:
        top = height - margin - header_size
        c.setFillColor(INK)
        draw_text(c, margin, top, header_left, FONT_BOLD, left_size)
        c.setFillColor(MUTED)
        draw_text(c, width - margin, top, header_right, FONT, header_size - 1, "right")
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        rule = height - margin - header_height + 3
        c.line(margin, rule, width - margin, rule)
        draw_text(c, margin, margin, footer_left, FONT, 9)
        c.setFillColor(INK)
        draw_text(c, width - margin, margin, page_of(page, total), FONT_BOLD, 10, "right")

    return decorate


def identity_line(name: str, mrn: str, dob: date | None, same_name: bool = False) -> str:
    line = translate("Export", "{name}    MRN {mrn}    Born {dob}").format(
        name=name, mrn=mrn, dob=format_long(dob) if dob else translate("Export", "not recorded"))
    if same_name:  # two patients with one name on the ward: the MRN and date of birth tell them apart
        line += "    " + translate("Export", "SAME NAME AS ANOTHER PATIENT")
    return line


def single_frame_document(buffer: Any, size: tuple[float, float], *, margin: float, header: float, footer: float,
                          title: str, author: str) -> BaseDocTemplate:
    """A document whose every page is one frame filling the margins, below the header band and above the
    footer band that `numbered_canvas` draws (the dose sheet and the day list are laid out this way)."""
    doc = BaseDocTemplate(buffer, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin + header,
                          bottomMargin=margin + footer, title=title, author=author, creator="Cycle Planner")
    doc.addPageTemplates([PageTemplate(id="page", frames=[Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, leftPadding=0, rightPadding=0, topPadding=0,
        bottomPadding=0)])])
    return doc
