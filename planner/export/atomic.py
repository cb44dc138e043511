"""Atomic file writes: a temporary file in the target folder, fsync, then os.replace.

Either the whole new file is there or the old state is untouched: a full disk or a crash never leaves
a half-written schedule a patient could print. Files are created 0600 (patient data). Messages name
the file and the problem in words a nurse can act on; they contain the path but no patient data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
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


# SQLite keeps a database in up to four files; writing over any of them destroys the records.
DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _database_files(databases: Iterable[str | Path | None]) -> list[Path]:
    files: list[Path] = []
    for database in databases:
        if database is None or not str(database).strip():
            continue
        real = Path(os.path.realpath(Path(database).expanduser()))
        files.extend(real.with_name(real.name + suffix) for suffix in DATABASE_SUFFIXES)
    return files


def check_output_path(path: str | Path, protect: Iterable[str | Path | None] = ()) -> Path:
    """The one rule for every file the planner writes on request (CLI `--out`, GUI exports, plan files).

    Refused, with the reason, before anything is opened: an empty name; the patient database or one of
    its -wal/-shm/-journal files (symlinks and hard links resolved); a folder; an existing file that is
    not a regular file (a device or FIFO would be replaced, or opening it would hang). `os.stat` looks
    without opening, so a FIFO cannot block the check.
    """
    if not str(path).strip():
        raise ExportError(Path(), translate("Export", "Cannot save: give a file name."))
    target = Path(path).expanduser()
    real = Path(os.path.realpath(target))
    protected = _database_files(protect)
    database_error = ExportError(target, translate(
        "Export", "Cannot save {path}: that is the patient database; choose another file name. Nothing was "
                  "saved.").format(path=target))
    if real in protected:
        raise database_error
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _explain(target, exc, "create") from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise ExportError(target, translate("Export", "Cannot save {path}: that is a folder; give a file name.")
                              .format(path=target))
        if not stat.S_ISREG(info.st_mode):
            raise ExportError(target, translate(
                "Export", "Cannot save {path}: it exists and is not an ordinary file (a device or a pipe); choose "
                          "another file name. Nothing was saved.").format(path=target))
        for database in protected:  # a hard link to the database is the database too
            with contextlib.suppress(OSError):
                other = os.stat(database)
                if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                    raise database_error
    return target


def check_input_file(path: str | Path, field: str = "file") -> Path:
    """A file to read (plan-file import): it must exist and be a regular file, never a FIFO or device
    (reading one hangs or never ends)."""
    from planner.core.errors import InputError

    target = Path(path).expanduser()
    try:
        info = os.stat(target)
    except OSError as exc:
        raise InputError(field, translate("Export", "Cannot read {path}: {reason}.").format(
            path=target, reason=exc.strerror or exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(field, translate("Export", "Cannot read {path}: it is not an ordinary file.").format(
            path=target))
    return target


def make_private_folders(folder: Path) -> None:
    """Create `folder` and any missing parents 0700 whatever the umask (patient data lives below)."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(created, 0o700)
            os.chmod(created, 0o700)  # mkdir's mode is masked by the umask


def write_atomic(path: str | Path, data: bytes, protect: Iterable[str | Path | None] = ()) -> Path:
    """Write `data` to `path` atomically with mode 0600; raise ExportError (and leave nothing) on failure.

    `protect` names the database(s) the file must never replace (check_output_path)."""
    target = check_output_path(path, protect)
    folder = target.parent
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
