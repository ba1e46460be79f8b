"""The main window, driven as a user drives it: object names, clicks, keys and signals."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
)

from core import seed
from core.training import TrainingConfig, train
from gui.main_window import MainWindow
from gui.worker import running_threads

POST_LOSSES = list(seed.PRINTED_LOSSES)
SEED_X = np.array([[1.0], [2.0], [3.0], [4.0]])
SEED_Y = np.array([0.0, 0.0, 1.0, 1.0])


def find(w: MainWindow, cls: type, name: str):  # type: ignore[no-untyped-def]
    child = w.findChild(cls, name)
    assert child is not None, f"no {cls.__name__} named {name}"
    return child


def type_into(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), f"{button.objectName()} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def train_and_wait(qtbot, w: MainWindow, timeout: int = 120_000) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.trainingFinished, timeout=timeout) as blocker:
        click(qtbot, find(w, QPushButton, "trainButton"))
    return str(blocker.args[0])


def edit_cell(qtbot, w: MainWindow, row: int, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table = find(w, QTableView, "dataTable")
    idx = table.model().index(row, col)
    table.scrollTo(idx)
    table.setCurrentIndex(idx)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(idx).center()
    )
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the edit key, as a user opens a cell
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "F2 did not open an editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits the editor's text from a queued call: wait for the editor to close.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def cell_text(w: MainWindow, row: int, col: int) -> str:
    table = find(w, QTableView, "dataTable")
    return str(table.model().index(row, col).data())


def use_post_values(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0.235")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0.153")


def test_opens_with_the_seed_data_and_settings(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    assert w.windowTitle().startswith("Logistic Regression Studio")
    table = find(w, QTableView, "dataTable")
    model = table.model()
    assert model.rowCount() == 4 and model.columnCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Hours studied"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Passed"
    assert [cell_text(w, r, 0) for r in range(4)] == ["1", "2", "3", "4"]
    assert [cell_text(w, r, 1) for r in range(4)] == ["0", "0", "1", "1"]
    assert find(w, QSpinBox, "epochsInput").value() == 1000
    assert find(w, QLineEdit, "learningRateInput").text() == "0.01"
    assert find(w, QComboBox, "optimizerInput").currentData() == "sgd"
    assert find(w, QSpinBox, "batchSizeInput").text() == "Full batch"
    assert find(w, QLineEdit, "thresholdInput").text() == "0.5"
    assert find(w, QPushButton, "trainButton").isEnabled()
    assert not find(w, QPushButton, "stopButton").isEnabled()
    note = find(w, QLabel, "curveNote")
    qtbot.waitUntil(lambda: "separable" in note.text())
    assert "no finite exact fit" in note.text()


def test_reproduces_the_post_by_clicking(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    use_post_values(qtbot, w)
    assert train_and_wait(qtbot, w) == "done"
    losses = w.loss_values()
    expected, model, _ = train(
        SEED_X, SEED_Y, TrainingConfig(init_weights=(0.235,), init_bias=0.153)
    )
    assert len(losses) == 1000
    assert losses.tolist() == expected.tolist()
    assert [f"{v:.4f}" for v in losses[::100]] == POST_LOSSES
    x, y = w.loss_plot.drawn()
    assert len(x) == 1000 and x[0] == 1 and x[-1] == 1000
    assert np.array_equal(y, losses)
    assert find(w, QProgressBar, "trainingProgress").value() == 1000

    assert w.curve_plot.boundary() == pytest.approx(1.7429, abs=1e-4)
    assert (
        "1.74" in w.curve_plot.boundary_label()
        and "needed to pass" in w.curve_plot.boundary_label()
    )
    cx, cy = w.curve_plot.model_curve()
    assert np.allclose(cy, model.probability_fast(cx.reshape(-1, 1)))

    hours = find(w, QLineEdit, "hoursInput")
    type_into(qtbot, hours, "7")
    text = w.prediction_text()
    assert "0.9714" in text and "PASS" in text and "1.74 hours needed" in text
    type_into(qtbot, hours, "1")
    text = w.prediction_text()
    assert "0.3779" in text and "FAIL" in text


def test_edit_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    edit_cell(qtbot, w, 0, 0, "5")
    assert cell_text(w, 0, 0) == "5"
    assert w.isWindowModified()
    table = find(w, QTableView, "dataTable")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell_text(w, 0, 0) == "1"
    qtbot.keyClick(
        table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert cell_text(w, 0, 0) == "5"


def test_label_toggles_with_the_checkbox_and_by_typing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    model = find(w, QTableView, "dataTable").model()
    idx = model.index(0, 1)
    assert model.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert cell_text(w, 0, 1) == "1"
    edit_cell(qtbot, w, 0, 1, "no")
    assert cell_text(w, 0, 1) == "0"


def test_invalid_cell_is_red_and_blocks_training_until_fixed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    edit_cell(qtbot, w, 2, 0, "abc")
    model = find(w, QTableView, "dataTable").model()
    idx = model.index(2, 0)
    assert idx.data(Qt.ItemDataRole.BackgroundRole) is not None
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "Row 3" in tip and "abc" in tip and "not a finite number" in tip
    train_button = find(w, QPushButton, "trainButton")
    assert not train_button.isEnabled()
    reason = find(w, QLabel, "trainBlockedReason").text()
    assert "Row 3" in reason and "abc" in reason
    edit_cell(qtbot, w, 2, 1, "maybe")
    assert "Row 3" in find(w, QLabel, "trainBlockedReason").text()
    edit_cell(qtbot, w, 2, 0, "3")
    edit_cell(qtbot, w, 2, 1, "yes")
    assert train_button.isEnabled()
    assert cell_text(w, 2, 0) == "3" and cell_text(w, 2, 1) == "1"


def test_paste_many_rows_from_a_spreadsheet_and_undo_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    table = find(w, QTableView, "dataTable")
    table.setCurrentIndex(table.model().index(3, 0))
    QGuiApplication.clipboard().setText("5\t1\n6\t0\n7\t1\n")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert table.model().rowCount() == 6
    assert [cell_text(w, r, 0) for r in range(6)] == ["1", "2", "3", "5", "6", "7"]
    assert [cell_text(w, r, 1) for r in range(6)] == ["0", "0", "1", "1", "0", "1"]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert table.model().rowCount() == 4
    assert [cell_text(w, r, 0) for r in range(4)] == ["1", "2", "3", "4"]


def test_copy_a_range_as_tab_separated_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    table = find(w, QTableView, "dataTable")
    table.selectAll()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1\t0\n2\t0\n3\t1\n4\t1\n"


def test_add_row_insert_and_delete_keys(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    table = find(w, QTableView, "dataTable")
    click(qtbot, find(w, QPushButton, "addRowButton"))
    assert table.model().rowCount() == 5
    assert not find(w, QPushButton, "trainButton").isEnabled()
    assert "Row 5" in find(w, QLabel, "trainBlockedReason").text()
    table.setCurrentIndex(table.model().index(0, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert table.model().rowCount() == 6 and cell_text(w, 1, 0) == "1"
    table.clearSelection()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    table.selectRow(4)
    click(qtbot, find(w, QPushButton, "removeRowButton"))
    assert table.model().rowCount() == 4
    assert [cell_text(w, r, 0) for r in range(4)] == ["1", "2", "3", "4"]
    assert find(w, QPushButton, "trainButton").isEnabled()


def test_a_second_feature_column_trains_and_predicts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    click(qtbot, find(w, QPushButton, "addColumnButton"))
    table = find(w, QTableView, "dataTable")
    assert table.model().columnCount() == 3
    assert table.model().headerData(2, Qt.Orientation.Horizontal) == "Passed"
    for r, v in enumerate(["8", "5", "7", "6"]):
        edit_cell(qtbot, w, r, 1, v)
    type_into(qtbot, find(w, QLineEdit, "seedInput"), "3")
    assert train_and_wait(qtbot, w) == "done"
    assert w.model() is not None and w.model().n_features == 2
    second = find(w, QLineEdit, "hoursInput2")
    type_into(qtbot, find(w, QLineEdit, "hoursInput"), "3")
    type_into(qtbot, second, "7")
    text = w.prediction_text()
    expected = w.model().probability(np.array([3.0, 7.0]))[0]
    assert f"{expected:.4f}" in text
    assert "features" in w.curve_plot.note()
    click(qtbot, find(w, QPushButton, "removeColumnButton"))
    assert table.model().columnCount() == 2
    assert "out of date" in find(w, QLabel, "modelStatus").text()


def test_a_bad_csv_import_changes_nothing_and_names_the_place(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    bad = tmp_path / "bad.csv"
    bad.write_text("hours,passed\n1,0\n2,0\nlots,1\n", encoding="utf-8")
    with qtbot.waitSignal(w.importFinished, timeout=30_000) as blocker:
        w.import_csv(str(bad))
    assert blocker.args == ["failed"]
    box = w.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible()
    assert "Line 4" in box.text() and "hours" in box.text() and "lots" in box.text()
    assert [cell_text(w, r, 0) for r in range(4)] == ["1", "2", "3", "4"]
    assert not w.isWindowModified()
    box.close()


def test_a_good_csv_import_is_undoable(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    good = tmp_path / "good.csv"
    good.write_text(
        "공부시간;합격\n0.5;fail\n1.5;FAIL\n2.5;pass\n3;Pass\n4;pass\n", encoding="utf-8-sig"
    )
    with qtbot.waitSignal(w.importFinished, timeout=30_000):
        w.import_csv(str(good))
    table = find(w, QTableView, "dataTable")
    assert table.model().rowCount() == 5
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "공부시간"
    assert [cell_text(w, r, 1) for r in range(5)] == ["0", "0", "1", "1", "1"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert table.model().rowCount() == 4


def test_pause_resume_and_stop(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(50_000_000)
    pause = find(w, QPushButton, "pauseButton")
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000) as finished:
        click(qtbot, find(w, QPushButton, "trainButton"))
        qtbot.waitUntil(lambda: len(w.loss_values()) > 0, timeout=60_000)
        assert not find(w, QSpinBox, "epochsInput").isEnabled()
        click(qtbot, pause)
        assert pause.text().replace("&", "") == "Resume"
        worker = w.training.worker
        assert worker is not None
        # The batches already on their way (the last one flushed at the pause) arrive; then
        # nothing more while paused.
        seen, deadline = -1, time.monotonic() + 5
        while len(w.loss_values()) != seen and time.monotonic() < deadline:
            seen = len(w.loss_values())
            qtbot.wait(300)
        with qtbot.assertNotEmitted(w.state.historyExtended, wait=400):
            pass
        n_paused = len(w.loss_values())
        click(qtbot, pause)
        assert pause.text().replace("&", "") == "Pause"
        qtbot.waitUntil(lambda: len(w.loss_values()) > n_paused, timeout=10_000)
        click(qtbot, find(w, QPushButton, "stopButton"))
    assert finished.args == ["stopped"]
    n = len(w.loss_values())
    assert 0 < n < 50_000_000
    assert w.model() is not None
    assert find(w, QPushButton, "trainButton").isEnabled()
    assert f"{n:,}" in find(w, QProgressBar, "trainingProgress").text()


def test_stop_while_paused(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(50_000_000)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000) as finished:
        click(qtbot, find(w, QPushButton, "trainButton"))
        qtbot.waitUntil(lambda: len(w.loss_values()) > 0, timeout=60_000)
        click(qtbot, find(w, QPushButton, "pauseButton"))
        click(qtbot, find(w, QPushButton, "stopButton"))
    assert finished.args == ["stopped"]


def test_reset_clears_the_model_and_curves(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(100)
    train_and_wait(qtbot, w)
    assert len(w.loss_values()) == 100
    click(qtbot, find(w, QPushButton, "resetButton"))
    assert len(w.loss_values()) == 0 and w.model() is None
    assert w.loss_plot.drawn()[0].size == 0
    assert w.curve_plot.model_curve()[0].size == 0
    assert "Train the model" in w.prediction_text()


def test_closing_during_training_stops_the_thread_cleanly(qtbot, answers) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    find(w, QSpinBox, "epochsInput").setValue(50_000_000)
    click(qtbot, find(w, QPushButton, "trainButton"))
    qtbot.waitUntil(lambda: len(w.loss_values()) > 0, timeout=60_000)
    # training runs (and, now and then, a background task of another panel beside it)
    assert "training" in [t.objectName() for t in running_threads()]
    assert w.close()
    assert running_threads() == []
    assert not w.is_training()
    assert not w.isVisible()


def test_divergence_is_reported_and_the_last_good_model_kept(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    huge = tmp_path / "huge.csv"
    huge.write_text("x,y\n1e36,0\n2e36,1\n-3e36,1\n0,0\n", encoding="utf-8")
    with qtbot.waitSignal(w.importFinished, timeout=30_000):
        w.import_csv(str(huge))
    type_into(qtbot, find(w, QLineEdit, "learningRateInput"), "10000")
    type_into(qtbot, find(w, QLineEdit, "initWeightInput"), "0")
    type_into(qtbot, find(w, QLineEdit, "initBiasInput"), "0")
    assert train_and_wait(qtbot, w) == "failed"
    msg = find(w, QLabel, "trainBlockedReason").text()
    assert "diverged at epoch" in msg
    assert w.model() is not None and w.model().finite
    assert "Failed at epoch" in find(w, QProgressBar, "trainingProgress").text()


@pytest.mark.parametrize(
    "name, text, needle",
    [
        ("learningRateInput", "-1", "learning rate"),
        ("learningRateInput", "fast", "Learning rate"),
        ("weightDecayInput", "-2", "Weight decay"),
        ("initWeightInput", "1, 2", "one initial weight per feature"),
        ("seedInput", "1.5", "Seed"),
    ],
)
def test_bad_settings_block_training_with_the_reason(
    qtbot, window: MainWindow, name: str, text: str, needle: str
) -> None:  # type: ignore[no-untyped-def]
    w = window
    edit = find(w, QLineEdit, name)
    type_into(qtbot, edit, text)
    assert not find(w, QPushButton, "trainButton").isEnabled()
    assert needle.lower() in find(w, QLabel, "trainBlockedReason").text().lower()
    # marked red: the "error" state that the application's style sheet draws with a red border
    assert edit.property("state") == "error"
    assert 'QLineEdit[state="error"]' in QApplication.instance().styleSheet()


def test_bad_prediction_input_gets_an_inline_message(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(10)
    train_and_wait(qtbot, w)
    type_into(qtbot, find(w, QLineEdit, "hoursInput"), "abc")
    assert '"abc" is not a number' in w.prediction_text()
    type_into(qtbot, find(w, QLineEdit, "thresholdInput"), "2")
    assert "between 0 and 1" in w.prediction_text()
    assert w.findChild(QMessageBox) is None


def test_threshold_moves_the_boundary(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    use_post_values(qtbot, w)
    train_and_wait(qtbot, w)
    at_half = w.curve_plot.boundary()
    type_into(qtbot, find(w, QLineEdit, "thresholdInput"), "0.9")
    qtbot.waitUntil(lambda: w.curve_plot.boundary() != at_half)
    model = w.model()
    assert model is not None
    assert w.curve_plot.boundary() == pytest.approx(model.decision_boundary(0.9))
    type_into(qtbot, find(w, QLineEdit, "hoursInput"), "7")
    assert "FAIL" not in w.prediction_text() or model.probability([7.0])[0] <= 0.9


def test_training_many_times_in_one_process(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 on CPython 3.11 crashed (none_dealloc) around the 6th run."""
    w = window
    find(w, QSpinBox, "epochsInput").setValue(300)
    for _ in range(12):
        assert train_and_wait(qtbot, w) == "done"
        assert len(w.loss_values()) == 300


def test_editing_during_training_marks_the_model_out_of_date(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(50_000_000)
    with qtbot.waitSignal(w.trainingFinished, timeout=120_000):
        click(qtbot, find(w, QPushButton, "trainButton"))
        qtbot.waitUntil(lambda: len(w.loss_values()) > 0, timeout=60_000)
        edit_cell(qtbot, w, 0, 0, "0.5")
        assert cell_text(w, 0, 0) == "0.5"
        click(qtbot, find(w, QPushButton, "stopButton"))
    assert "out of date" in find(w, QLabel, "modelStatus").text()


def test_table_model_passes_qtmodeltester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = find(window, QTableView, "dataTable").model()
    qtmodeltester.check(model, force_py=True)
    model.insert_rows(2, 3)
    model.add_feature()
    qtmodeltester.check(model, force_py=True)


def test_the_window_renders(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    w.resize(1280, 800)
    use_post_values(qtbot, w)
    train_and_wait(qtbot, w)
    image = w.grab().toImage()
    out = tmp_path / "window.png"
    assert image.save(str(out))
    assert out.stat().st_size > 20_000
    colors = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colors) > 50, "the window looks blank"


def test_save_and_open_a_project(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    use_post_values(qtbot, w)
    find(w, QSpinBox, "epochsInput").setValue(500)
    train_and_wait(qtbot, w)
    edit_cell(qtbot, w, 1, 0, "oops")
    path = tmp_path / "study.lrsproj"
    assert w.save_project_to(str(path))
    assert "study.lrsproj" in w.windowTitle() and not w.isWindowModified()
    losses = w.loss_values()
    model = w.model()

    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_path(str(path))
    assert np.array_equal(other.loss_values(), losses)
    assert other.model() == model
    assert cell_text(other, 1, 0) == "oops"
    assert find(other, QSpinBox, "epochsInput").value() == 500
    assert find(other, QLineEdit, "initWeightInput").text() == "0.235"
    assert not find(other, QPushButton, "trainButton").isEnabled()
    other.close()


def test_a_damaged_project_is_refused_and_nothing_changes(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = window
    bad = tmp_path / "broken.lrsproj"
    bad.write_text('{"format": "logreg-studio/project", "version": 1, "data": {', encoding="utf-8")
    assert not w.open_path(str(bad))
    box = w.findChild(QMessageBox, "errorDialog")
    assert box is not None and "broken.lrsproj" in box.text()
    assert [cell_text(w, r, 0) for r in range(4)] == ["1", "2", "3", "4"]
    box.close()


def test_closing_with_unsaved_changes_asks(qtbot, answers, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    edit_cell(qtbot, w, 0, 0, "9")
    assert w.close()
    assert answers == ["Untitled"]


def test_settings_are_remembered(qtbot, answers) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    find(w, QSpinBox, "epochsInput").setValue(2500)
    type_into(qtbot, find(w, QLineEdit, "learningRateInput"), "0.05")
    find(w, QCheckBox, "logScaleInput").setChecked(True)
    w.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert find(again, QSpinBox, "epochsInput").value() == 2500
    assert find(again, QLineEdit, "learningRateInput").text() == "0.05"
    assert find(again, QCheckBox, "logScaleInput").isChecked()
    again.close()


@pytest.mark.parametrize("suffix", [".csv", ".png", ".svg"])
def test_export_the_loss_curve(qtbot, window: MainWindow, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    w = window
    find(w, QSpinBox, "epochsInput").setValue(50)
    train_and_wait(qtbot, w)
    out = tmp_path / f"loss{suffix}"
    w.loss_plot.export(str(out))
    assert out.stat().st_size > 100
    if suffix == ".csv":
        lines = out.read_text().splitlines()
        assert lines[0] == "epoch,loss" and len(lines) == 51
        assert float(lines[1].split(",")[1]) == w.loss_values()[0]
