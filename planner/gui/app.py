"""Start the desktop application (`cycle-planner`, `make run`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from planner.core.i18n import set_translator

    args = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(args)
    app.setApplicationName("Cycle Planner")
    app.setOrganizationName("Cycle Planner")
    set_translator(QCoreApplication.translate)

    window = QMainWindow()
    window.setWindowTitle(QCoreApplication.translate("MainWindow", "Cycle Planner"))
    window.setCentralWidget(QLabel(QCoreApplication.translate("MainWindow", "Cycle Planner")))
    window.resize(1200, 800)
    window.show()
    if "--quit-after-first-paint" in args:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
