"""Start the desktop application (`cycle-planner`, `make run`).

Start-up is kept lean (budget: 2x a bare QMainWindow to the first painted window): the window is shown
at once and the database -- SQLAlchemy, Alembic, the migrations -- is opened on a worker thread while
a progress indicator runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date

_STARTED = time.perf_counter()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    from planner import __version__

    parser = argparse.ArgumentParser(prog="cycle-planner", description="Cycle Planner desktop application")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="PATH",
                        help="database file or URL (default: $PLANNER_DATABASE or the per-user data folder)")
    parser.add_argument("--settings", metavar="PATH", help="preferences file to use instead of the user's own")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)  # screenshots and demos
    parser.add_argument("--quit-after-first-paint", action="store_true",
                        help="print 'first-paint <seconds>' and quit once the window is painted (start-up test)")
    args, _unknown = parser.parse_known_args(list(argv)[1:])  # Qt's own options (-platform ...) pass through
    if args.database is not None and not args.database.strip():
        # Like the CLI: an empty --database is a mistake (an unset variable in a script), not "the default".
        parser.error("--database: empty; give a database file or URL, or leave the option out")
    return args


def missing_display_problem(argv: Sequence[str], env: dict[str, str] | None = None) -> str:
    """Why no window can open here, or "" when one can.

    Without this, Qt on a Linux machine with no screen aborts with a plugin message that suggests
    installing libraries; the real cause is that there is no display to show the window on.
    """
    import os

    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux") or "-platform" in argv or env.get("QT_QPA_PLATFORM"):
        return ""
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    from planner.core.i18n import translate

    return translate("App", "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). "
                     "Start Cycle Planner from a desktop session, or set QT_QPA_PLATFORM=offscreen to run it "
                     "without a screen.")


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from planner.core.dates import parse_iso_date
    from planner.core.errors import InputError

    raw = list(sys.argv if argv is None else argv)
    args = parse_args(raw)
    problem = missing_display_problem(raw)
    if problem and QApplication.instance() is None:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(raw)
    assert isinstance(app, QApplication)
    app.setApplicationName("Cycle Planner")
    app.setOrganizationName("Cycle Planner")
    app.setApplicationDisplayName("Cycle Planner")

    from planner.gui import settings as settings_module

    if args.settings:
        settings_module.set_settings_path(args.settings)
    settings = settings_module.Settings()
    from planner.gui.translations import use_language

    translators = use_language(settings.text("ui/language"))
    today: date | None = None
    if args.today:
        try:
            today = parse_iso_date(args.today, "today", "--today")
        except InputError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 2

    from planner.gui.icons import icon
    from planner.gui.main_window import MainWindow

    app.setWindowIcon(icon("app"))
    window = MainWindow(settings, today=today, finish_later=True)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print(f"first-paint {time.perf_counter() - _STARTED:.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    class ThenOpen(QObject):
        """Finishes the window (menus entries, sign-in, live refresh) and opens the database once the window
        has painted. Started earlier, the worker thread importing SQLAlchemy and Alembic competes for the GIL
        with the first paint (issue 14: start-up <= 1.5x a bare window)."""

        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def open(self) -> None:
            if not self.done:
                self.done = True
                window.removeEventFilter(self)
                window.open_database(args.database)  # which finishes the window first

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                QTimer.singleShot(0, self.open)
            return False

    watcher = FirstPaint()
    opener = ThenOpen()
    if args.quit_after_first_paint:
        window.installEventFilter(watcher)
    window.installEventFilter(opener)
    window.show()
    QTimer.singleShot(1500, opener.open)  # a window that does not paint (started minimised) opens it anyway
    code = app.exec()
    window.runner.wait(10_000)
    del translators
    return code


if __name__ == "__main__":
    raise SystemExit(main())
