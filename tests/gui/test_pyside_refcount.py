"""Guards the PySide6 pin: 6.12.0 drops a reference to None on every void call under Python 3.11,
which aborts a painting application ("none_dealloc") after a few thousand calls."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_painter_calls_keep_the_reference_count_of_none(qapp):
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.drawRect(QRectF(1, 1, 5, 5))
    after = sys.getrefcount(None)
    painter.end()
    assert before - after < 50
