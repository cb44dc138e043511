"""Atomic file writes: a temporary file in the target folder, fsync, then os.replace.

Either the whole new file is there or the old state is untouched: a full disk or a crash never leaves
a half-written schedule a patient could print. Files are created 0600 (patient data). Messages name
the file and the problem in words a nurse can act on; they contain the path but no patient data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from planner.core.errors import PlannerError
from planner.core.i18n import translate

FILE_MODE = 0o600


class ExportError(PlannerError):
    """An export that could not be written; nothing was left behind."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


def _explain(path: Path, exc: OSError, stage: str) -> ExportError:
    folder = path.parent
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        text = translate("Export", "Cannot save {path}: the disk is full. Free some space or choose another "
                                   "drive; nothing was saved.")
    elif exc.errno == errno.EROFS:
        text = translate("Export", "Cannot save {path}: the folder {folder} is on a read-only drive. Choose "
                                   "another folder; nothing was saved.")
    elif isinstance(exc, PermissionError) and stage == "replace":
        # On Windows a file open in a viewer or Excel cannot be replaced; on POSIX this means the old
        # file is protected.
        text = translate("Export", "Cannot save {path}: the file is open in another program or protected. "
                                   "Close it and try again; nothing was saved.")
    elif isinstance(exc, PermissionError):
        text = translate("Export", "Cannot save {path}: the folder {folder} is not writable. Choose another "
                                   "folder; nothing was saved.")
    else:
        text = translate("Export", "Cannot save {path}: {reason}. Nothing was saved.")
    return ExportError(path, text.format(path=path, folder=folder, reason=exc.strerror or exc))


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` atomically with mode 0600; raise ExportError (and leave nothing) on failure."""
    target = Path(path).expanduser()
    folder = target.parent
    if target.is_dir():
        raise ExportError(target, translate("Export", "Cannot save {path}: that is a folder; give a file name.")
                          .format(path=target))
    if not folder.is_dir():
        raise ExportError(target, translate("Export", "Cannot save {path}: the folder {folder} does not exist.")
                          .format(path=target, folder=folder))
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _explain(target, exc, "create") from exc
    temp = Path(temp_name)
    stage = "write"
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # mkstemp already uses 0600; say it explicitly for other platforms
        except (AttributeError, OSError):
            pass
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        stage = "replace"
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _explain(target, exc, stage) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible on Windows, where it is not needed."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
