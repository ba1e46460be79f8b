"""Saving respects the file system (issue 13, class 7): one atomic writer for every file.

``core.files.atomic_writer`` writes projects, models (``write_atomic``) and CSV exports
(``core.data.write_csv``); each test runs against all three.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from core.data import example_dataset, read_csv, write_csv
from core.files import (
    NotARegularFileError,
    Project,
    load_model,
    load_project,
    save_model,
    save_project,
    write_atomic,
)
from core.model import LogisticModel

Saver = Callable[[Path], None]


def save_text(p: Path) -> None:
    write_atomic(p, "hello\n")


def save_csv(p: Path) -> None:
    write_csv(p, example_dataset())


def save_a_project(p: Path) -> None:
    ds = example_dataset()
    save_project(p, Project(ds.features, ds.labels, ds.feature_names, ds.label_name))


def save_a_model(p: Path) -> None:
    save_model(p, LogisticModel((0.5,), -1.0))


SAVERS = pytest.mark.parametrize("save", [save_text, save_csv, save_a_project, save_a_model])


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@SAVERS
def test_a_new_file_follows_the_umask(tmp_path: Path, save: Saver, umask_027: None) -> None:
    p = tmp_path / "new"
    save(p)
    assert mode(p) == 0o640  # 0666 less the umask 027, as open() would make it (was 0600)


@SAVERS
def test_an_overwritten_file_keeps_its_mode(tmp_path: Path, save: Saver) -> None:
    p = tmp_path / "old"
    p.write_text("old")
    p.chmod(0o604)
    save(p)
    assert mode(p) == 0o604
    assert p.read_text() != "old"


@SAVERS
def test_saving_through_a_link_writes_its_target(tmp_path: Path, save: Saver) -> None:
    real = tmp_path / "real"
    real.write_text("stale")
    link = tmp_path / "link"
    link.symlink_to(real)
    save(link)
    assert link.is_symlink(), "the link was replaced by a file"
    assert real.read_text() != "stale", "the target was left stale"
    assert sorted(f.name for f in tmp_path.iterdir()) == ["link", "real"]


@SAVERS
def test_a_dangling_link_creates_its_target(tmp_path: Path, save: Saver) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "made")
    save(link)
    assert link.is_symlink() and (tmp_path / "made").is_file()


@SAVERS
def test_a_folder_is_refused(tmp_path: Path, save: Saver) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(NotARegularFileError, match="folder is a folder, not a regular file"):
        save(folder)
    assert folder.is_dir() and not any(folder.iterdir())
    assert [f.name for f in tmp_path.iterdir()] == ["folder"]


@SAVERS
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, save: Saver) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFileError) as info:
        save(fifo)
    assert (
        str(info.value) == "pipe is a named pipe (FIFO), not a regular file, so nothing was saved"
    )
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO was replaced"
    assert [f.name for f in tmp_path.iterdir()] == ["pipe"], "temp file left behind"


def a_device(tmp_path: Path) -> Path:
    """A character device that a broken writer could not harm anything by replacing.

    As root, /dev/null itself would be replaced by a plain file if the refusal regressed (the
    bug this tests), so root gets a private null device in ``tmp_path``; others use /dev/null,
    which they cannot replace.
    """
    if os.geteuid() != 0:
        return Path("/dev/null")
    node = tmp_path / "null-device"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc.strerror}")
    return node


def test_a_device_is_refused_and_left_alone(tmp_path: Path) -> None:
    device = a_device(tmp_path)
    link = tmp_path / "device-link"
    link.symlink_to(device)
    before = os.stat(device)
    for target in (device, link):
        with pytest.raises(NotARegularFileError, match="is a device, not a regular file"):
            write_atomic(target, "x")
    after = os.stat(device)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert stat.S_ISCHR(after.st_mode)


def test_refusal_is_an_oserror_with_a_sentence(tmp_path: Path) -> None:
    """The window and the CLI catch OSError and show strerror: it must read as a sentence."""
    with pytest.raises(OSError) as info:
        write_atomic(tmp_path, "x")
    assert info.value.strerror == str(info.value)
    assert "[Errno" not in str(info.value)


@SAVERS
def test_what_is_written_reads_back(tmp_path: Path, save: Saver) -> None:
    p = tmp_path / "f"
    save(p)
    if save is save_csv:
        assert np.array_equal(read_csv(p).features, example_dataset().features)
    elif save is save_a_project:
        assert load_project(p).feature_names == ("hours",)
    elif save is save_a_model:
        assert load_model(p)[0] == LogisticModel((0.5,), -1.0)
    else:
        assert p.read_text() == "hello\n"


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "data.csv"
    p.write_text("old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        write_csv(p, example_dataset())
    assert p.read_text() == "old"
    assert [f.name for f in tmp_path.iterdir()] == ["data.csv"]
