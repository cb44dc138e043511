"""Render resources/icons/app.svg to the icons a build needs: a multi-size .ico for the Windows executables
and a 256 px PNG (hicolor theme). Run by the PyInstaller spec, so `pyinstaller packaging/cycle-planner.spec`
alone builds on Windows too (no make). Qt draws the SVG (it is already a dependency), Pillow writes the .ico
(reportlab depends on it, so it is installed wherever the app is).

    python packaging/make_icon.py SVG OUTDIR   ->  OUTDIR/cycle-planner.ico, OUTDIR/cycle-planner.png
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icon", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    svg, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    from PIL import Image

    png = render_png(svg, 256)
    (out / "cycle-planner.png").write_bytes(png)
    Image.open(io.BytesIO(png)).save(out / "cycle-planner.ico", sizes=[(s, s) for s in SIZES])
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main(sys.argv))
