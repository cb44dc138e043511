"""How the main window shares a ward screen (1366x768, 1280x1024, 1920x1080) between its parts.

Pure arithmetic on sizes, so the rules can be tested without a screen of each size: the window opens
filling a small screen and at a comfortable size on a large one, the dose check sits in a side dock only
when the window is wide enough to keep the calendar readable beside it (else it becomes a third tab),
and the patient list takes a share of the width that keeps its key columns whole.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

# Beyond this, a bigger window only spreads the month grid thinner.
COMFORTABLE_SIZE = QSize(1880, 1000)
# Below this width the window is opened maximized: on a 1366 or 1280 px ward screen every pixel counts.
MAXIMIZE_BELOW_WIDTH = 1600
# A docked dose check needs ~480 px, the patient list ~440 and the calendar (a month of 90 px days beside the
# day details) ~900: below that the dose check is a tab, so neither it nor the month grid is squeezed.
DOCK_MIN_WINDOW_WIDTH = 1800
DOSE_DOCK_WIDTH = 480
PATIENT_LIST_MIN_WIDTH = 300
# The narrowest the patient table may be squeezed (and its placeholder on the first paint is as wide).
MIN_LIST_WIDTH = 280
PATIENT_LIST_MAX_WIDTH = 440


def initial_geometry(available: QRect) -> tuple[QRect, bool]:
    """Where a window with no remembered geometry opens on a screen whose free area is `available`,
    and whether to maximize it."""
    width = min(COMFORTABLE_SIZE.width(), available.width() - 40)
    height = min(COMFORTABLE_SIZE.height(), available.height() - 40)
    maximize = available.width() < MAXIMIZE_BELOW_WIDTH
    if maximize:
        width, height = available.width(), available.height()
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height), maximize


def fit_into(geometry: QRect, available: QRect) -> QRect:
    """A remembered geometry moved and shrunk onto the screen (a profile saved on a larger screen must not
    open a window whose edges, and the dose check, are off-screen)."""
    width, height = min(geometry.width(), available.width()), min(geometry.height(), available.height())
    left = min(max(geometry.left(), available.left()), available.right() + 1 - width)
    top = min(max(geometry.top(), available.top()), available.bottom() + 1 - height)
    return QRect(left, top, width, height)


def dose_check_docked(window_width: int) -> bool:
    """True: the dose check is a dock beside the tabs; False: it is a third tab."""
    return window_width >= DOCK_MIN_WINDOW_WIDTH


def patient_list_width(window_width: int) -> int:
    """About a third of the window (name, MRN, cycle, next dose and status whole), within the width the
    plan beside it can spare."""
    return max(PATIENT_LIST_MIN_WIDTH, min(PATIENT_LIST_MAX_WIDTH, window_width * 34 // 100))


# A dialog's frame and title bar, which its geometry does not include but the screen must hold.
DIALOG_FRAME = QSize(16, 40)


def dialog_geometry(wanted: QSize, available: QRect) -> QRect:
    """A dialog of `wanted` size shrunk to the free area of the screen (frame and title bar included) and
    centred in it: on a 1280x720 screen its buttons are never below the taskbar."""
    width = min(wanted.width(), available.width() - DIALOG_FRAME.width())
    height = min(wanted.height(), available.height() - DIALOG_FRAME.height())
    border = DIALOG_FRAME.width() // 2  # left, right and bottom; the rest of the frame's height is the title
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height - DIALOG_FRAME.height()) // 2 \
        + DIALOG_FRAME.height() - border
    return QRect(left, top, width, height)


def fit_dialog(dialog: QWidget, wanted: QSize | None = None) -> None:
    """Size `dialog` to `wanted` (default: its size hint) within the screen it opens on."""
    screen = dialog.screen()
    size = wanted or dialog.sizeHint()
    if screen is None:
        dialog.resize(size)
        return
    available = screen.availableGeometry()
    dialog.setGeometry(dialog_geometry(size, available))
    dialog.setMaximumSize(available.width() - DIALOG_FRAME.width(), available.height() - DIALOG_FRAME.height())
