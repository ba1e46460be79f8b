"""What users and machines do to the app: bad files, extreme settings, interruptions.

Each case checks what a user sees (a message naming the place) and that the table, the model
and the project are left exactly as they were.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QProgressDialog, QPushButton, QSpinBox

from core.training import TrainingConfig, train
from gui.main_window import MainWindow
from gui.worker import running_threads
from tests.gui.test_main_window import click, find, train_and_wait, type_into

GIB = 1 << 30


def table_state(w: MainWindow) -> tuple:
    snap = w.table_model.snapshot()
    return (
        snap.features.tobytes(),
        snap.labels.tobytes(),
        tuple(snap.feature_names),
        snap.label_name,
        tuple(sorted(snap.invalid.items())),
        w.undo_stack.count(),
        w.is_modified(),
        w.model(),
        w.loss_values().tobytes(),
    )


def import_and_wait(qtbot, w: MainWindow, path: Path, timeout: int = 60_000) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.importFinished, timeout=timeout) as blocker:
        w.import_csv(str(path))
    return str(blocker.args[0])


def error_text(w: MainWindow) -> str:
    box = w.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible(), "no error message was shown"
    text = box.text()
    box.close()
    return text


BAD_FILES = [
    ("non_numeric.csv", b"hours,passed\n1,0\n2,0\nthree,1\n", ["Line 4", "hours", "three"]),
    ("empty_cell.csv", b"hours,passed\n1,0\n,1\n", ["Line 3", "hours", "empty"]),
    ("nan.csv", b"hours,passed\n1,0\nnan,1\n", ["Line 3", "hours"]),
    ("inf.csv", b"hours,passed\n1,0\n2,0\n-inf,1\n", ["Line 4", "hours"]),
    ("overflow.csv", b"hours,passed\n1,0\n1e400,1\n", ["Line 3", "hours"]),
    ("bad_label.csv", b"hours,passed\n1,0\n2,maybe\n", ["Line 3", "passed", "maybe"]),
    ("ragged.csv", b"hours,passed\n1,0\n2,0,7\n", ["Line 3"]),
    ("binary.csv", bytes(range(256)) * 8, ["not a text file"]),
    ("zero.csv", b"", ["empty"]),
    ("header_only.csv", b"hours,passed\n", ["no data rows"]),
    ("duplicated_header.csv", b"hours,passed\n1,0\n2,1\nhours,passed\n3,1\n", ["Line 4", "header"]),
    ("one_column.csv", b"hours\n1\n2\n", ["label"]),
]


@pytest.mark.parametrize(("name", "content", "needles"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_refused_naming_the_place_and_changes_nothing(
    qtbot, window: MainWindow, tmp_path: Path, name: str, content: bytes, needles: list[str]
) -> None:  # type: ignore[no-untyped-def]
    w = window
    before = table_state(w)
    path = tmp_path / name
    path.write_bytes(content)
    assert import_and_wait(qtbot, w, path) == "failed"
    text = error_text(w)
    for needle in needles:
        assert needle.lower() in text.lower(), f"{needle!r} not in {text!r}"
    assert table_state(w) == before


def test_a_missing_or_vanished_file_is_reported(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    before = table_state(w)
    path = tmp_path / "gone.csv"
    path.write_text("hours,passed\n1,0\n")
    path.unlink()
    assert import_and_wait(qtbot, w, path) == "failed"
    assert "gone.csv" in error_text(w)
    assert import_and_wait(qtbot, w, tmp_path) == "failed"  # a folder, not a file
    assert error_text(w)
    assert table_state(w) == before


@pytest.fixture(scope="module")
def one_gib_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "huge.csv"
    block = b"1.234,1\n5.678,0\n" * 500_000  # 8 MB
    with path.open("wb") as fh:
        fh.write(b"hours,passed\n")
        for _ in range(GIB // len(block) + 1):
            fh.write(block)
    return path


def test_a_1_gib_import_shows_progress_and_can_be_cancelled(
    qtbot, window: MainWindow, one_gib_csv: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    before = table_state(w)
    with qtbot.waitSignal(w.importFinished, timeout=120_000) as blocker:
        w.import_csv(str(one_gib_csv))
        dialog = w.findChild(QProgressDialog, "importProgress")
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.value() > 0, timeout=60_000)
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert blocker.args == ["stopped"]
    assert "cancelled" in w.statusBar().currentMessage()
    assert table_state(w) == before


def test_closing_during_an_import_stops_it(qtbot, answers, one_gib_csv: Path) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.import_csv(str(one_gib_csv))
    dialog = w.findChild(QProgressDialog, "importProgress")
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=60_000)
    assert w.close()
    assert running_threads() == []


def test_values_in_the_1e300s_import_but_training_names_the_row(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    path = tmp_path / "huge_values.csv"
    path.write_text("hours,passed\n1,0\n3e300,1\n2,0\n", encoding="utf-8")
    assert import_and_wait(qtbot, w, path) == "done"
    assert train_and_wait(qtbot, w) == "failed"
    msg = find(w, QLabel, "trainBlockedReason").text()
    assert "Row 2" in msg and "too large" in msg
    assert w.model() is None


def test_one_class_warns_and_still_trains(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    path = tmp_path / "all_pass.csv"
    path.write_text("hours,passed\n1,1\n2,1\n3,1\n", encoding="utf-8")
    assert import_and_wait(qtbot, w, path) == "done"
    assert "All labels are 1" in find(w, QLabel, "trainBlockedReason").text()
    find(w, QSpinBox, "epochsInput").setValue(50)
    assert train_and_wait(qtbot, w) == "done"
    # the exact side arrives in the background: wait for its note
    qtbot.waitUntil(lambda: "one class" in w.curve_plot.note() or "1" in w.curve_plot.note())


def test_a_single_row_trains(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    path = tmp_path / "one.csv"
    path.write_text("hours,passed\n3,1\n", encoding="utf-8")
    assert import_and_wait(qtbot, w, path) == "done"
    find(w, QSpinBox, "epochsInput").setValue(20)
    assert train_and_wait(qtbot, w) == "done"
    assert len(w.loss_values()) == 20


def test_epochs_are_limited_at_the_input(window: MainWindow) -> None:
    spin = find(window, QSpinBox, "epochsInput")
    spin.setValue(0)
    assert spin.value() == 1
    spin.setValue(10**9)
    assert spin.value() == spin.maximum() == 100_000_000


@pytest.mark.parametrize("lr", ["0", "-0.5", "1e6", "nan", "inf"])
def test_learning_rates_out_of_range_are_refused_with_a_reason(
    qtbot, window: MainWindow, lr: str
) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, find(window, QLineEdit, "learningRateInput"), lr)
    assert not find(window, QPushButton, "trainButton").isEnabled()
    assert "learning rate" in find(window, QLabel, "trainBlockedReason").text().lower()


def test_a_batch_larger_than_the_data_is_full_batch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "batchSizeInput").setValue(1000)
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")
    find(w, QSpinBox, "epochsInput").setValue(200)
    assert train_and_wait(qtbot, w) == "done"
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    full, _, _ = train(x, y, TrainingConfig(epochs=200, init_weights=(0.235,), init_bias=0.153))
    assert w.loss_values().tolist() == full.tolist()


def test_training_finishes_while_a_modal_dialog_is_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(3000)
    box = QMessageBox(
        QMessageBox.Icon.Information, "Modal", "A modal dialog", QMessageBox.StandardButton.Ok, w
    )
    box.setModal(True)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000) as blocker:
        click(qtbot, find(w, QPushButton, "trainButton"))
        box.open()
    assert box.isVisible()
    assert blocker.args == ["done"]
    assert len(w.loss_values()) == 3000
    assert w.model() is not None
    box.close()


def test_a_project_from_a_newer_version_says_so(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    before = table_state(w)
    path = tmp_path / "future.lrsproj"
    path.write_text(
        json.dumps({"format": "logreg-studio/project", "version": 7, "app_version": "3.0"})
    )
    assert not w.open_path(str(path))
    text = error_text(w)
    assert "newer version" in text and "3.0" in text
    assert table_state(w) == before


def test_a_truncated_project_is_refused(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    good = tmp_path / "good.lrsproj"
    assert w.save_project_to(str(good))
    cut = tmp_path / "cut.lrsproj"
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    before = table_state(w)
    assert not w.open_path(str(cut))
    assert "cut.lrsproj" in error_text(w)
    assert table_state(w) == before


def test_the_in_thread_path_gives_the_same_numbers(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LOGREG_STUDIO_TRAINING", "thread")
    w = window
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")
    assert train_and_wait(qtbot, w) == "done"
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    full, _, _ = train(x, y, TrainingConfig(init_weights=(0.235,), init_bias=0.153))
    assert w.loss_values().tolist() == full.tolist()


def test_a_table_of_many_blocks_reaches_the_training_process_whole(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # The data go to the training process a block of rows at a time, converted to float32 on
    # the way (the window holds no whole copy): with 7-row blocks, 1,000 rows are 143 messages
    # per column, and the losses are those of training on the whole table here.
    import core.remote

    monkeypatch.setattr(core.remote, "SEND_ROWS", 7)
    w = window
    rng = np.random.default_rng(5)
    x = np.round(rng.uniform(0, 10, 1_000), 3).reshape(-1, 1)
    y = (rng.uniform(size=1_000) < 1 / (1 + np.exp(5 - x[:, 0]))).astype(float)
    path = tmp_path / "blocks.csv"
    path.write_text(
        "hours,passed\n"
        + "".join(f"{a!r},{b:.0f}\n" for a, b in zip(x[:, 0].tolist(), y, strict=True))
    )
    assert import_and_wait(qtbot, w, path) == "done"
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")
    find(w, QSpinBox, "epochsInput").setValue(5)
    assert train_and_wait(qtbot, w) == "done"
    config = TrainingConfig(epochs=5, init_weights=(0.235,), init_bias=0.153)
    full, _, _ = train(x, y, config)
    assert w.loss_values().tolist() == full.tolist()


def test_a_killed_training_process_is_reported_and_the_model_kept(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(50_000_000)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000) as blocker:
        click(qtbot, find(w, QPushButton, "trainButton"))
        qtbot.waitUntil(lambda: len(w.loss_values()) > 0, timeout=60_000)
        worker = w.training.worker
        assert worker is not None and worker.remote is not None
        worker.remote.kill()  # the machine's OOM killer, or a crash in torch
    assert blocker.args == ["failed"]
    assert "ended unexpectedly" in find(w, QLabel, "trainBlockedReason").text()
    assert w.model() is not None
    # the next run starts a fresh process and works
    find(w, QSpinBox, "epochsInput").setValue(30)
    assert train_and_wait(qtbot, w) == "done"


def test_a_script_without_a_main_guard_can_train(tmp_path: Path) -> None:
    """The training child must not re-run the parent's script (multiprocessing "spawn")."""
    import subprocess
    import sys

    script = tmp_path / "embed.py"
    root = Path(__file__).resolve().parents[2]
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QEventLoop\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui.main_window import MainWindow\n"
        "w = MainWindow()\n"
        "w.epochs_input.setValue(25)\n"
        "loop = QEventLoop()\n"
        "w.trainingFinished.connect(loop.quit)\n"
        "w.train_button.click()\n"
        "loop.exec()\n"
        "print('trained', len(w.loss_values()))\n"
        "w.set_modified(False)\n"
        "w.close()\n",
        encoding="utf-8",
    )
    env = {**os.environ, "LOGREG_STUDIO_NO_WARMUP": "1"}
    r = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.splitlines() == ["trained 25"]


def test_large_tables_get_the_exact_fit_too(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The exact fit accumulates over blocks of rows: no row limit any more (it was 200,000).
    w = window
    path = tmp_path / "big.csv"
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 10, 300_000)
    y = (rng.uniform(size=x.size) < 1 / (1 + np.exp(5 - x))).astype(int)
    path.write_text("hours,passed\n" + "".join(f"{a:.3f},{b}\n" for a, b in zip(x, y, strict=True)))
    assert import_and_wait(qtbot, w, path) == "done"
    note = find(w, QLabel, "curveNote")
    qtbot.waitUntil(lambda: "exact maximum-likelihood fit" in note.text(), timeout=120_000)
    fit = w.exact_fit()
    assert fit is not None and fit.finite
    assert fit.coefficients[1].estimate == pytest.approx(1.0, abs=0.05)
    assert fit.coefficients[0].estimate == pytest.approx(-5.0, abs=0.2)
