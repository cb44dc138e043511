"""Small pictograms drawn with QPainter, shared by the calendar cells and the legend.

Drawn rather than taken from a font: emoji and symbol glyphs are missing from many hospital
desktops' fonts, and a missing glyph would silently drop the non-colour cue.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from planner.gui import style


def route_icon(painter: QPainter, box: QRectF, route: str, swatch: style.Swatch) -> None:
    kind = style.route_kind(route)
    if kind == "other":
        # A syringe-like bar: any route that is neither capsules nor a bag.
        painter.save()
        painter.translate(box.center())
        painter.rotate(-45)
        painter.setPen(QPen(swatch.border_color, 1))
        painter.setBrush(swatch.border_color)
        barrel = QRectF(-box.width() * 0.35, -box.height() * 0.16, box.width() * 0.55, box.height() * 0.32)
        painter.drawRect(barrel)
        painter.drawLine(QPointF(barrel.right(), 0), QPointF(box.width() * 0.5, 0))
        painter.drawLine(QPointF(barrel.left(), -box.height() * 0.25), QPointF(barrel.left(), box.height() * 0.25))
        painter.restore()
    elif kind == "iv":
        # An infusion bag: a rounded body with a line hanging from it.
        painter.setPen(QPen(swatch.border_color, 1))
        painter.setBrush(swatch.border_color)
        body = QRectF(box.left() + box.width() * 0.18, box.top(), box.width() * 0.64, box.height() * 0.68)
        painter.drawRoundedRect(body, 2, 2)
        painter.drawLine(QPointF(box.center().x(), body.bottom()), QPointF(box.center().x(), box.bottom()))
    else:
        # A capsule: two halves, one filled, tilted like the pictograms on pharmacy labels.
        painter.save()
        painter.translate(box.center())
        painter.rotate(-45)
        length, thick = box.width() * 1.0, box.height() * 0.48
        shell = QRectF(-length / 2, -thick / 2, length, thick)
        painter.setPen(QPen(swatch.border_color, 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(shell, thick / 2, thick / 2)
        half = QPainterPath()
        half.addRoundedRect(shell, thick / 2, thick / 2)
        clip = QPainterPath()
        clip.addRect(QRectF(-length / 2, -thick / 2, length / 2, thick))
        painter.fillPath(half.intersected(clip), swatch.border_color)
        painter.restore()

def drop(painter: QPainter, box: QRectF, color: QColor) -> None:
    path = QPainterPath()
    cx, top, bottom = box.center().x(), box.top(), box.bottom()
    r = box.width() * 0.36
    path.moveTo(cx, top)
    path.cubicTo(cx + r * 0.4, top + box.height() * 0.35, cx + r, bottom - r * 1.2, cx + r, bottom - r)
    path.arcTo(QRectF(cx - r, bottom - 2 * r, 2 * r, 2 * r), 0, -180)
    path.cubicTo(cx - r, bottom - r * 1.2, cx - r * 0.4, top + box.height() * 0.35, cx, top)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(path, color)

def reduced_mark(painter: QPainter, box: QRectF, color: QColor) -> None:
    path = QPainterPath()
    path.moveTo(box.left(), box.top())
    path.lineTo(box.right(), box.top())
    path.lineTo(box.center().x(), box.bottom())
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(path, color)

def warning_mark(painter: QPainter, box: QRectF) -> None:
    path = QPainterPath()
    path.moveTo(box.center().x(), box.top())
    path.lineTo(box.right(), box.bottom())
    path.lineTo(box.left(), box.bottom())
    path.closeSubpath()
    painter.setPen(QPen(QColor(style.WARNING.text), 1))
    painter.setBrush(QColor(style.WARNING.border))
    painter.drawPath(path)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    painter.drawText(box.adjusted(0, box.height() * 0.25, 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
