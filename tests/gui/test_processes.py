"""The app's processes end with it: a killed window leaves no training child; signals close it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the user's settings stay untouched
    env["HOME"] = str(tmp_path)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("LOGREG_STUDIO_NO_WARMUP", None)  # the warm-up's child shows the window is up
    return env


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return out


def _wait(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.slow
def test_killing_the_window_while_paused_ends_the_training_child(tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "tests.gui._paused_run"],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        _check_orphan(proc)


def _check_orphan(proc: subprocess.Popen[str]) -> None:
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.isdigit(), (
            f"driver said {line!r}; stderr: {proc.stderr.read() if proc.stderr else ''}"
        )
        child = int(line)
        assert _alive(child)
        proc.kill()  # kill -9: no handler, no atexit, nothing of the parent runs
        proc.wait(10)
        assert _wait(lambda: not _alive(child), 10), "the training child outlived its window"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_ctrl_c_close_the_window_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    with subprocess.Popen(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        _check_signal(proc, sig)


def _check_signal(proc: subprocess.Popen[str], sig: signal.Signals) -> None:
    try:
        # The window is up once its warm-up has started the training child.
        assert _wait(lambda: bool(_children(proc.pid)), 60), "the window never started"
        children = _children(proc.pid)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert f"{sig.name}: closing" in err
        assert "Traceback" not in err
        assert "leaked semaphore" not in err
        assert _wait(lambda: not any(_alive(c) for c in children), 10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
