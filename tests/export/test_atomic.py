import errno
import os
import stat

import pytest

from planner.export import atomic
from planner.export.atomic import ExportError, write_atomic


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_whole_file_with_mode_0600(tmp_path):
    target = write_atomic(tmp_path / "plan.pdf", b"%PDF-1.4 data")
    assert target.read_bytes() == b"%PDF-1.4 data"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == ["plan.pdf"]


def test_replaces_an_existing_file(tmp_path):
    (tmp_path / "plan.csv").write_bytes(b"old")
    os.chmod(tmp_path / "plan.csv", 0o644)
    write_atomic(tmp_path / "plan.csv", b"new")
    assert (tmp_path / "plan.csv").read_bytes() == b"new"
    assert stat.S_IMODE((tmp_path / "plan.csv").stat().st_mode) == 0o600


def test_disk_full_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    (tmp_path / "plan.pdf").write_bytes(b"old version")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full") as caught:
        write_atomic(tmp_path / "plan.pdf", b"new version")
    assert str(tmp_path / "plan.pdf") in str(caught.value)
    assert (tmp_path / "plan.pdf").read_bytes() == b"old version"
    assert leftovers(tmp_path) == ["plan.pdf"]


def test_folder_not_writable_names_the_folder(tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="is not writable") as caught:
        write_atomic(tmp_path / "plan.pdf", b"data")
    assert str(tmp_path) in str(caught.value)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_really_unwritable_folder_leaves_nothing(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="is not writable"):
            write_atomic(folder / "plan.pdf", b"data")
        assert leftovers(folder) == []
    finally:
        folder.chmod(0o700)


def test_file_open_elsewhere(tmp_path, monkeypatch):
    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        write_atomic(tmp_path / "plan.xlsx", b"data")
    assert leftovers(tmp_path) == []


def test_missing_folder_and_folder_as_target(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "plan.pdf", b"data")
    with pytest.raises(ExportError, match="that is a folder"):
        write_atomic(tmp_path, b"data")


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "plan.pdf", b"data")
    assert leftovers(tmp_path) == []
