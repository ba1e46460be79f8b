"""Helpers shared by the benchmark scripts: environment, Qt set-up, waiting, statistics, output.

Every benchmark script runs in its own process (started by ``run.py``) and writes its rows as
JSON to the path given with ``--json``; ``run.py`` turns them into Markdown tables.
Timings are reported, never judged: the "met?" column is information, the exit status is not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED_X = [1.0, 2.0, 3.0, 4.0]
SEED_Y = [0.0, 0.0, 1.0, 1.0]
W0, B0 = 0.235, 0.153


def qt_env() -> None:
    """Offscreen Qt, no crash dialog, no torch warm-up; call before anything imports Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LOGREG_STUDIO_NO_CRASH_DIALOG"] = "1"
    os.environ.setdefault("LOGREG_STUDIO_NO_WARMUP", "1")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="smaller sizes, fewer repetitions")
    p.add_argument("--json", help="write the result rows here")
    return p.parse_args(argv)


def median(xs: Sequence[float]) -> float:
    return float(statistics.median(xs)) if xs else float("nan")


def rss_kb(field: str = "VmRSS") -> int:
    """A field of /proc/self/status in kB (VmRSS now, VmHWM the peak)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def status_field(name: str) -> str:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(name + ":"):
                return line.split(":", 1)[1].strip()
    return ""


def row(
    measurement: str,
    value: str,
    baseline: str = "—",
    ratio: str = "—",
    target: str = "—",
    met: bool | None = None,
) -> list[str]:
    m = "—" if met is None else ("yes" if met else "**no**")
    return [measurement, value, baseline, ratio, target, m]


def fmt_ratio(r: float) -> str:
    return f"{r:.2f}×" if r == r else "n/a"


def emit(args: argparse.Namespace, rows: list[list[str]], notes: list[str]) -> None:
    data = {"rows": rows, "notes": notes}
    if args.json:
        Path(args.json).write_text(json.dumps(data))
    else:
        print(json.dumps(data, indent=1))


def log(msg: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------- Qt
_SETTINGS_DIR: tempfile.TemporaryDirectory[str] | None = None


def qt_app() -> Any:
    """The QApplication, configured like the app but with throw-away QSettings."""
    global _SETTINGS_DIR
    qt_env()
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["logreg-bench"])
    from gui.appinfo import configure_application

    configure_application(app)
    QCoreApplication.setOrganizationName("LogRegStudioBench")
    _SETTINGS_DIR = tempfile.TemporaryDirectory(prefix="logreg-bench-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _SETTINGS_DIR.name)
    # Closing a window with unsaved data must never block on a question.
    from gui import dialogs

    dialogs.ask_unsaved = lambda *a, **k: dialogs.Unsaved.DISCARD  # type: ignore[assignment]
    return app


def new_window(epochs: int = 1000, fast: bool = False) -> Any:
    """A shown MainWindow with the post's settings (w=0.235, b=0.153, lr 0.01, SGD)."""
    from PySide6.QtTest import QTest

    from gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    QTest.qWaitForWindowExposed(w, 5000)
    set_training(w, epochs, fast)
    return w


def set_training(w: Any, epochs: int, fast: bool) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

    w.findChild(QLineEdit, "learningRateInput").setText("0.01")
    opt = w.findChild(QComboBox, "optimizerInput")
    if opt is not None:
        opt.setCurrentIndex(max(0, opt.findData("sgd")))
    w.findChild(QLineEdit, "initWeightInput").setText(str(W0))
    w.findChild(QLineEdit, "initBiasInput").setText(str(B0))
    w.findChild(QSpinBox, "epochsInput").setValue(epochs)
    w.findChild(QCheckBox, "fastPathInput").setChecked(fast)


def button(w: Any, name: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    b = w.findChild(QPushButton, name)
    assert b is not None, name
    return b


def close_window(w: Any) -> None:
    from PySide6.QtWidgets import QApplication

    w.close()
    w.deleteLater()
    QApplication.processEvents()


def wait_signal(
    signal: Any, trigger: Callable[[], object] | None = None, timeout_s: float = 600.0
) -> tuple[Any, ...]:
    """Connect to ``signal``, call ``trigger``, run an event loop until it fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[tuple[Any, ...]] = []

    def on_signal(*a: Any) -> None:
        got.append(a)
        loop.quit()

    signal.connect(on_signal)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout_s * 1000))
    try:
        if trigger is not None:
            trigger()
        if not got:
            loop.exec()
    finally:
        timer.stop()
        signal.disconnect(on_signal)
    if not got:
        raise TimeoutError(f"signal not emitted within {timeout_s} s")
    return got[0]


def spin(seconds: float) -> None:
    """Run the event loop for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


# ------------------------------------------------------------------------------------- data
def write_big_csv(path: Path, n: int, seed: int = 0) -> None:
    """``n`` rows of ``"%.3f,%d\\n"`` (hours, passed) with a header, like a real export."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 10.0, n)
    y = (rng.uniform(0.0, 1.0, n) < 1.0 / (1.0 + np.exp(-(x - 5.0)))).astype(np.int64)
    with open(path, "w", newline="") as fh:
        fh.write("hours,passed\n")
        step = 200_000
        for i in range(0, n, step):
            block = np.column_stack([x[i : i + step], y[i : i + step]])
            np.savetxt(fh, block, fmt=["%.3f", "%d"], delimiter=",")
