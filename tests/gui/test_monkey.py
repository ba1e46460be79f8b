"""A seeded random user: clicks, typing, paste, undo, train/stop/reset, good and damaged files.

Bounded in time; asserts no unhandled exception (pytest-qt fails a test on an exception raised
in a slot or virtual method), an event loop that keeps answering, and nothing left running.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
)

from gui.main_window import MainWindow
from gui.worker import running_threads
from tests.gui.test_main_window import find

BUDGET_S = 25.0
TEXTS = ["0.5", "-1e-3", "abc", "", "1,5", "1e400", "7", "0", "1", "nan", "2,5", "  3 ", "1e-300"]
BUTTONS = [
    "trainButton", "pauseButton", "stopButton", "resetButton", "addRowButton", "removeRowButton",
    "addColumnButton", "removeColumnButton", "postPresetButton",
]  # fmt: skip
EDITS = [
    "learningRateInput", "weightDecayInput", "seedInput", "initWeightInput", "initBiasInput",
    "hoursInput", "thresholdInput",
]  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    good = tmp_path / "good.csv"
    good.write_text("h,p\n1,0\n2,0\n3,1\n4,1\n5,1\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("h,p\n1,0\n2,x\n", encoding="utf-8")
    damaged = tmp_path / "damaged.lrsproj"
    damaged.write_text('{"format": "logreg-studio/project", "version": 1, "data": [[null]]}')
    binary = tmp_path / "noise.csv"
    binary.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(5000)))
    return [good, bad, damaged, binary, tmp_path / "missing.csv"]


def close_dialogs() -> None:
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QMessageBox) and top.isVisible():
            top.close()


def test_a_random_user_breaks_nothing(qtbot, window: MainWindow, files: list[Path]) -> None:  # type: ignore[no-untyped-def]
    w = window
    rng = random.Random(20261127)
    find(w, QSpinBox, "epochsInput").setValue(300)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    table = find(w, QTableView, "dataTable")
    actions = 0
    end = time.monotonic() + BUDGET_S
    while time.monotonic() < end:
        close_dialogs()
        kind = rng.randrange(9)
        if kind == 0:
            button = find(w, QPushButton, rng.choice(BUTTONS))
            if button.isEnabled() and button.isVisible():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        elif kind == 1:
            edit = w.findChild(QLineEdit, rng.choice(EDITS))
            if edit is not None and edit.isEnabled():
                edit.setFocus()
                edit.selectAll()
                qtbot.keyClicks(edit, rng.choice(TEXTS))
        elif kind == 2 and table.model().rowCount():
            idx = table.model().index(
                rng.randrange(table.model().rowCount()), rng.randrange(table.model().columnCount())
            )
            table.setCurrentIndex(idx)
            table.model().setData(idx, rng.choice(TEXTS))
        elif kind == 3:
            QGuiApplication.clipboard().setText(rng.choice(["1\t0\n2\t1\n", "2,5", "x\ty\tz", ""]))
            table.setFocus()
            qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        elif kind == 4:
            (w.undo_stack.undo if rng.random() < 0.6 else w.undo_stack.redo)()
        elif kind == 5 and not w.is_training():
            w.set_modified(False)
            w.open_path(str(rng.choice(files)))
        elif kind == 6:
            find(w, QSpinBox, "batchSizeInput").setValue(rng.choice([0, 1, 2, 3, 1000]))
        elif kind == 7:
            find(w, QSpinBox, "holdoutInput").setValue(rng.choice([0, 0, 25, 50]))
        else:
            qtbot.wait(rng.randrange(1, 60))
        actions += 1
        QApplication.processEvents()
    heartbeat.stop()
    close_dialogs()
    # Let whatever is still running end, then check that it did.
    w.training.stop()
    qtbot.waitUntil(lambda: not w.is_training(), timeout=30_000)
    w.set_modified(False)
    assert w.close()
    assert running_threads() == []
    assert actions > 100
    # The event loop kept answering: no gap between 10 ms ticks of a second or more.
    assert gaps and max(gaps) < 1000, max(gaps)
